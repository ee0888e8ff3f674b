import { property } from 'lit/decorators.js';
import { OutcomeElement } from './outcome-element.js';
import type { Validator } from './validator.js';

/**
 * The base of form controls: form association through ElementInternals (value, validity,
 * reset to the attribute default, disabled from a `<fieldset>`, state restore), and the
 * `invalid` / `user-invalid` states, the latter only after the user interacted or submitted.
 */
export abstract class OutcomeFormElement extends OutcomeElement {
  static readonly formAssociated = true;

  @property({ reflect: true }) name = '';
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Disabled by an ancestor `<fieldset disabled>`. */
  #formDisabled = false;
  /** The user changed the value or tried to submit: errors may show now. */
  #userInteracted = false;

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Disabled by its own attribute or by a disabled fieldset. */
  get effectivelyDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    this.#markInteracted();
    return this.internals.reportValidity();
  }

  /** The value submitted with the form, or null for none. */
  protected abstract formValue(): FormData | string | null;

  /** The rules checked on every update, first failure wins. */
  protected abstract validators(): readonly Validator<this>[];

  /** Where the browser points its validation bubble. */
  protected abstract validationAnchor(): HTMLElement | undefined;

  /** Puts the value back to the default the attributes give (form reset). */
  protected abstract resetToDefault(): void;

  /** Restores what `formValue()` produced (bfcache, autofill, session history). */
  protected abstract restoreFormState(state: FormData | string): void;

  /** Subclasses call this when the user changed the value. */
  protected userChanged(): void {
    this.#markInteracted();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('invalid', this.#onInvalid);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('invalid', this.#onInvalid);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.syncFormState();
  }

  /** Pushes value and validity to the form; subclasses rarely need to call it themselves. */
  protected syncFormState(): void {
    const value = this.effectivelyDisabled ? null : this.formValue();
    this.internals.setFormValue(value, value);
    const failed = this.effectivelyDisabled
      ? undefined
      : this.validators()
          .map((validator) => validator.check(this))
          .find((result) => !result.isValid);
    if (failed) {
      const flags = Object.fromEntries(failed.invalidKeys.map((key) => [key, true]));
      const anchor = this.validationAnchor();
      this.internals.setValidity(flags, failed.message, anchor);
    } else {
      this.internals.setValidity({});
    }
    const invalid = Boolean(failed);
    this.setCustomState('invalid', invalid);
    this.setCustomState('user-invalid', invalid && this.#userInteracted);
    this.setCustomState('disabled', this.effectivelyDisabled);
    this.setCustomState('required', this.required);
  }

  /** True once errors may be shown next to the control. */
  protected get showErrors(): boolean {
    return this.#userInteracted;
  }

  formResetCallback(): void {
    this.#userInteracted = false;
    this.resetToDefault();
    this.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: FormData | string | null): void {
    if (state !== null) this.restoreFormState(state);
    this.requestUpdate();
  }

  #onInvalid = (): void => {
    // A submit attempt reached an invalid control: from now on the user should see why.
    this.#markInteracted();
  };

  #markInteracted(): void {
    if (this.#userInteracted) return;
    this.#userInteracted = true;
    this.requestUpdate();
  }
}
