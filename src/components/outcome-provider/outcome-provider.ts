import { ContextProvider } from '@lit/context';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { outcomeContext, type OutcomeContextValue } from '../../context.js';
import { nearestLang } from '../../localization/nearest-lang.js';
import { OutcomeElement } from '../base/outcome-element.js';
import { styles } from './outcome-provider.styles.js';

/**
 * Gives every outcome element inside it one adapter, one user role and one language, so a host
 * configures them once. Providers nest: an inner one without an adapter keeps the outer one's.
 *
 * @tagname outcome-provider
 * @summary Provides the adapter, user role and language to descendant outcome elements.
 * @slot - The elements that use the provided adapter.
 */
export class OutcomeProvider extends OutcomeElement {
  static override styles = [styles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  @state() protected value: OutcomeContextValue = {};

  // The controller rather than the @provide decorator: the decorators' code stays out of pages.
  readonly #provider = new ContextProvider(this, { context: outcomeContext, initialValue: this.value });

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const next: OutcomeContextValue = {
      adapter: this.effectiveAdapter,
      userRole: this.userRole ?? this.provided?.userRole,
      lang: nearestLang(this) ?? this.provided?.lang,
    };
    const same = (Object.keys(next) as (keyof OutcomeContextValue)[]).every(
      (key) => next[key] === this.value[key],
    );
    if (!same) {
      this.value = next;
      this.#provider.setValue(next);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'outcome-provider': OutcomeProvider;
  }
}
