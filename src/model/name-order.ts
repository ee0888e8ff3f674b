import { nameKeys } from './name-keys.js';
import { NAME_COLLATOR, orderBy } from './ordering.js';
import type { OutcomeType } from './types.js';

const isDigit = (code: number) => code > 47 && code < 58;

/**
 * The value of the ASCII digits of `text` from `start`; NaN where numeric collation might read
 * the run otherwise: over 15 digits, or followed by a non-ASCII unit (a digit of another script, a mark).
 */
function digitRun(text: string, start: number): number {
  let value = 0;
  let end = start;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (!isDigit(code)) {
      if (code > 127) return NaN;
      break;
    }
    value = value * 10 + code - 48;
  }
  return end - start > 15 ? NaN : value;
}

/**
 * `collator.compare` (a numeric one), with its answer taken early where it cannot differ: two
 * names that are the same up to where they first differ, and differ there inside a run of ASCII
 * digits of different values, compare as those values do. Names of a long list mostly differ
 * only in a number ("Callback 2", "Callback 10"), and the collator compares those several times
 * slower than others; the tests hold both to the same answers in many locales.
 */
export function nameComparer(collator: Intl.Collator): (a: string, b: string) => number {
  return (a, b) => {
    const length = Math.min(a.length, b.length);
    let index = 0;
    while (index < length && a.charCodeAt(index) === b.charCodeAt(index)) index++;
    if (index < length && isDigit(a.charCodeAt(index)) && isDigit(b.charCodeAt(index))) {
      let start = index;
      while (start > 0 && isDigit(a.charCodeAt(start - 1))) start--;
      if (start === 0 || a.charCodeAt(start - 1) < 128) {
        const x = digitRun(a, start);
        const y = digitRun(b, start);
        // NaN compares as neither: the collator decides.
        if (x < y) return -1;
        if (x > y) return 1;
      }
    }
    return collator.compare(a, b);
  };
}

const QUICK_NAMES = nameComparer(NAME_COLLATOR);

/**
 * The canonical order (`compareOutcomeTypes`), faster on long lists whose names differ in
 * numbers: what adapters sort 10,000 items with. Not in the elements' own bundles, which check
 * the order of a list that arrives sorted (n − 1 comparisons) and count every byte.
 */
export const compareOutcomeTypesQuickly = orderBy(QUICK_NAMES);

/**
 * Lists this long are sorted by name keys: below it the keys' one-time check of the locale
 * (~2 ms) would cost more than the collator calls it saves on a first list.
 */
export const KEYED_FROM = 4_000;
const keyOf = nameKeys(NAME_COLLATOR);

interface Keyed<T> {
  item: T;
  ordinal: number;
  name: string;
  /** The name's sort key, where it has one (nameKeys). */
  key: string | undefined;
  id: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts `items` in place in the canonical order of the outcome types they hold. A list that
 * arrives in order, as most do, is checked in n − 1 comparisons; a long one that does not is
 * sorted by name keys (nameKeys), which answer as the collator does without calling it: 10,000
 * names of words in random order in under half the collator's time. A name without a key is
 * compared by the collator, which is the same order reached another way.
 */
export function sortQuickly<T>(items: T[], outcome: (item: T) => Pick<OutcomeType, 'ordinal' | 'name' | 'id'>): T[] {
  let inOrder = true;
  for (let index = 1; index < items.length && inOrder; index++) inOrder = compareOutcomeTypesQuickly(outcome(items[index - 1]!), outcome(items[index]!)) <= 0;
  if (inOrder) return items;
  if (items.length < KEYED_FROM) return items.sort((a, b) => compareOutcomeTypesQuickly(outcome(a), outcome(b)));
  const keyed = items.map((item): Keyed<T> => {
    const { ordinal, name, id } = outcome(item);
    return { item, ordinal, name, key: keyOf(name), id };
  });
  keyed.sort(
    (a, b) =>
      a.ordinal - b.ordinal ||
      (a.key !== undefined && b.key !== undefined ? byText(a.key, b.key) : QUICK_NAMES(a.name, b.name)) ||
      byText(a.id, b.id),
  );
  keyed.forEach(({ item }, index) => (items[index] = item));
  return items;
}
