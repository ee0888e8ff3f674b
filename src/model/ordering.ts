import type { OutcomeType } from './types.js';

// One collator for every comparison: building an Intl.Collator costs more than a thousand compares.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The canonical order everywhere: ordinal, then name (base sensitivity), then id. */
export function compareOutcomeTypes(
  a: Pick<OutcomeType, 'ordinal' | 'name' | 'id'>,
  b: Pick<OutcomeType, 'ordinal' | 'name' | 'id'>,
): number {
  return a.ordinal - b.ordinal || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A sorted copy; the input is left as it was. */
export function sortOutcomeTypes<T extends Pick<OutcomeType, 'ordinal' | 'name' | 'id'>>(
  types: readonly T[],
): T[] {
  return [...types].sort(compareOutcomeTypes);
}

/**
 * `types` itself when already in the canonical order (every built-in adapter lists in order),
 * else a sorted copy: a list is checked in one pass rather than sorted a second time.
 */
export function inOrder<T extends Pick<OutcomeType, 'ordinal' | 'name' | 'id'>>(types: readonly T[]): readonly T[] {
  for (let index = 1; index < types.length; index++) {
    if (compareOutcomeTypes(types[index - 1]!, types[index]!) > 0) return sortOutcomeTypes(types);
  }
  return types;
}
