import { OutcomeProvider } from './components/outcome-provider/outcome-provider.js';

/**
 * Registers every element under its tag. Idempotent: a second copy of the library, or a second
 * import, leaves the first registration in place instead of throwing.
 */
export const ELEMENTS = {
  'outcome-provider': OutcomeProvider,
} as const;

export function defineOutcomeElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

defineOutcomeElements();
