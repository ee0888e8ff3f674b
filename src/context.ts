import { createContext } from '@lit/context';
import type { OutcomeAdapter } from './adapters/adapter.js';
import type { Role } from './model/vocabulary.js';

/** What `<outcome-provider>` gives its descendants; a new object on every change. */
export interface OutcomeContextValue {
  readonly adapter?: OutcomeAdapter;
  readonly userRole?: Role;
  readonly lang?: string;
}

/**
 * `Symbol.for`, not `Symbol`: when two copies of this library end up on one page, elements of
 * one copy still find the provider of the other.
 */
export const outcomeContext = createContext<OutcomeContextValue>(
  Symbol.for('outcome-elements.context'),
);
