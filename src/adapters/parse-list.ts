import { describeIssues, type ParseResult } from '../model/parse.js';
import type { OutcomeType } from '../model/types.js';
import type { InvalidItemHandler } from './adapter.js';

/**
 * Maps each item of a list, leaving out the ones that fail and reporting each of them, so one
 * malformed outcome never keeps an agent from working with the others.
 */
export function parseListLeniently<T>(
  items: readonly unknown[],
  parseItem: (item: unknown) => ParseResult<T> | { ok: false; message: string },
  report: InvalidItemHandler,
  source: string,
): T[] {
  const values: T[] = [];
  items.forEach((item, index) => {
    const result = parseItem(item);
    if (result.ok) values.push(result.value);
    else report({ source, index, item, message: 'issues' in result ? describeIssues(result.issues, [index]) : result.message });
  });
  return values;
}

/**
 * The ids and keys a list has handed out so far, each with where it first came. Most backends'
 * keys are their ids, and hashing 10,000 fresh strings twice is a list's dearest step after
 * parsing, so `keys` holds only keys that differ from their item's id; `ids` holds the place of
 * every id, as `-(place + 1)` when that item's key is not its id.
 */
export interface SeenOutcomes {
  ids: Map<string, number>;
  keys: Map<string, number>;
}

/** Where an earlier item holds `key` as its key, or undefined, for an item whose id is new. */
function placeOfKey(seen: SeenOutcomes, key: string, id: string): number | undefined {
  const asKey = seen.keys.size ? seen.keys.get(key) : undefined;
  // A key that is its item's id is known not to be an earlier item's id too.
  if (asKey !== undefined || key === id) return asKey;
  const asId = seen.ids.get(key);
  return asId !== undefined && asId >= 0 ? asId : undefined;
}

/**
 * `parseListLeniently` for outcome types (or items holding one), appending to `into`: an item
 * whose id or key came earlier in the list is left out and reported too, so one id never stands
 * for two types (two radios checked). `offset` is the place of `items[0]` in the whole list,
 * across pages; `added` counts the items appended, `repeated` holds the ids of the well-formed
 * items left out as repeats.
 */
export function readList<T>(
  items: readonly unknown[],
  parseItem: (item: unknown, index: number) => ParseResult<T>,
  report: InvalidItemHandler,
  source: string,
  {
    offset = 0,
    seen = { ids: new Map(), keys: new Map() },
    outcome = (item: T) => item as unknown as OutcomeType,
    into = [],
  }: {
    offset?: number;
    seen?: SeenOutcomes;
    outcome?: (item: T) => OutcomeType;
    into?: T[];
  } = {},
): { values: T[]; added: number; repeated: string[] } {
  const repeated: string[] = [];
  const before = into.length;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const place = offset + index;
    const result = parseItem(item, place);
    if (!result.ok) {
      report({ source, index, item, message: describeIssues(result.issues, [index]) });
      continue;
    }
    const { id, key } = outcome(result.value);
    const idPlace = seen.ids.get(id);
    const keyPlace = idPlace === undefined ? placeOfKey(seen, key, id) : undefined;
    if (idPlace !== undefined || keyPlace !== undefined) {
      const [what, value, first] = idPlace !== undefined ? (['id', id, idPlace < 0 ? -idPlace - 1 : idPlace] as const) : (['key', key, keyPlace!] as const);
      repeated.push(id);
      report({ source, index, item, message: `${describeIssues([{ at: [], message: `the ${what} "${value}" appears more than once` }], [index])} (kept the first, item ${first} of the list)` });
      continue;
    }
    if (key === id) {
      seen.ids.set(id, place);
    } else {
      seen.ids.set(id, -place - 1);
      seen.keys.set(key, place);
    }
    into.push(result.value);
  }
  return { values: into, added: into.length - before, repeated };
}
