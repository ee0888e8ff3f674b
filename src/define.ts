import { DispositionPopup } from './components/disposition-popup/disposition-popup.js';
import { OutcomeOutbox } from './components/outcome-outbox/outcome-outbox.js';
import { OutcomePicker } from './components/outcome-picker/outcome-picker.js';
import { OutcomeProvider } from './components/outcome-provider/outcome-provider.js';
import { OutcomeTypeEditor } from './components/outcome-type-editor/outcome-type-editor.js';
import { registerLocaleLoader } from './localization/catalogue.js';

/**
 * Registers every element under its tag, and every shipped locale to load when a page first
 * shows it. Idempotent: a second copy of the library, or a second
 * import, leaves the first registration in place instead of throwing.
 */
export const ELEMENTS = {
  'outcome-provider': OutcomeProvider,
  'outcome-picker': OutcomePicker,
  'outcome-type-editor': OutcomeTypeEditor,
  'disposition-popup': DispositionPopup,
  'outcome-outbox': OutcomeOutbox,
} as const;

export function defineOutcomeElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

registerLocaleLoader('es', () => import('./localization/es.js').then((module) => module.es));
defineOutcomeElements();
