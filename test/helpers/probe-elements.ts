import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { OutcomeElement } from '../../src/components/base/outcome-element.js';
import { OutcomeFormElement } from '../../src/components/base/outcome-form-element.js';
import { VALID, type Validator } from '../../src/components/base/validator.js';
import { OutcomeStoreController } from '../../src/controllers/outcome-store-controller.js';

/** Shows what the base class resolved: adapter, role, locale and the store's list. */
export class ProbeElement extends OutcomeElement {
  readonly outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);

  protected override render() {
    const { status, outcomeTypes } = this.outcomes.snapshot;
    return html`<p>
      <span id="role">${this.effectiveRole}</span> <span id="locale">${this.locale}</span>
      <span id="status">${status}</span> <span id="count">${outcomeTypes.length}</span>
      <span id="retry">${this.msg('retry')}</span>
    </p>`;
  }
}

const requiredValidator: Validator<ProbeFormControl> = {
  check: (host) =>
    host.required && !host.value
      ? { isValid: false, message: 'Choose a value.', invalidKeys: ['valueMissing'] }
      : VALID,
};

/** The smallest form control on the form base: one text field. */
export class ProbeFormControl extends OutcomeFormElement {
  /** The current value; the `value` attribute is the default. */
  @property({ attribute: false }) value = '';
  #defaultApplied = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#defaultApplied) {
      this.value = this.getAttribute('value') ?? '';
      this.#defaultApplied = true;
    }
  }

  protected formValue() {
    return this.value || null;
  }
  protected validators() {
    return [requiredValidator];
  }
  protected validationAnchor() {
    return this.renderRoot.querySelector('input') ?? undefined;
  }
  protected resetToDefault() {
    this.value = this.getAttribute('value') ?? '';
  }
  protected restoreFormState(state: FormData | string) {
    this.value = String(state);
  }

  protected override render() {
    return html`<label>Probe <input .value=${this.value} ?disabled=${this.effectivelyDisabled}
      @input=${(event: Event) => {
        this.value = (event.target as HTMLInputElement).value;
        this.userChanged();
      }} /></label>`;
  }
}

customElements.define('probe-element', ProbeElement);
customElements.define('probe-form-control', ProbeFormControl);

declare global {
  interface HTMLElementTagNameMap {
    'probe-element': ProbeElement;
    'probe-form-control': ProbeFormControl;
  }
}
