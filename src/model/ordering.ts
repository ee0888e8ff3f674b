import type { OutcomeType } from './types.js';

type Ordered = Pick<OutcomeType, 'ordinal' | 'name' | 'id'>;

// One collator for every comparison: building an Intl.Collator costs more than a thousand compares.
export const NAME_COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The canonical order, with names compared by `compareNames` (the collator's order, however it is reached). */
export const orderBy =
  (compareNames: (a: string, b: string) => number) =>
  (a: Ordered, b: Ordered): number =>
    a.ordinal - b.ordinal || compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The canonical order everywhere: ordinal, then name (base sensitivity, numbers by value), then id. */
export const compareOutcomeTypes = orderBy(NAME_COLLATOR.compare);

/** A sorted copy; the input is left as it was. */
export function sortOutcomeTypes<T extends Pick<OutcomeType, 'ordinal' | 'name' | 'id'>>(
  types: readonly T[],
): T[] {
  return [...types].sort(compareOutcomeTypes);
}

/**
 * A frozen copy in the canonical order. Every built-in adapter lists in that order already, so a
 * list is checked in one pass and sorted only when it is not (a host's adapter may not sort).
 */
export function inOrder<T extends Pick<OutcomeType, 'ordinal' | 'name' | 'id'>>(types: readonly T[]): readonly T[] {
  return Object.freeze(types.some((type, index) => index > 0 && compareOutcomeTypes(types[index - 1]!, type) > 0) ? sortOutcomeTypes(types) : types.slice());
}
