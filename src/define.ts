import { ELEMENTS } from './elements.js';
import { registerLocaleLoader } from './localization/catalogue.js';

export { ELEMENTS };

/**
 * Registers every element under its tag (src/elements.ts), and every shipped locale to load when
 * a page first shows it. Idempotent: a second copy of the library, or a second import, leaves the
 * first registration in place instead of throwing.
 */
export function defineOutcomeElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

registerLocaleLoader('es', () => import('./localization/es.js').then((module) => module.es));
defineOutcomeElements();
