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

/** The ids and keys a list has handed out so far, each with where it first came. */
export interface SeenOutcomes {
  ids: Map<string, number>;
  keys: Map<string, number>;
}

/**
 * `parseListLeniently` for outcome types (or items holding one): an item whose id or key came
 * earlier in the list is left out and reported too, so one id never stands for two types
 * (two radios checked). `offset` is the place of `items[0]` in the whole list, across pages;
 * `repeated` holds the ids of the well-formed items left out as repeats.
 */
export function readList<T>(
  items: readonly unknown[],
  parseItem: (item: unknown, index: number) => ParseResult<T>,
  report: InvalidItemHandler,
  source: string,
  { offset = 0, seen = { ids: new Map(), keys: new Map() }, outcome = (item: T) => item as unknown as OutcomeType }: {
    offset?: number;
    seen?: SeenOutcomes;
    outcome?: (item: T) => OutcomeType;
  } = {},
): { values: T[]; repeated: string[] } {
  const values: T[] = [];
  const repeated: string[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const result = parseItem(item, offset + index);
    if (!result.ok) {
      report({ source, index, item, message: describeIssues(result.issues, [index]) });
      continue;
    }
    const { id, key } = outcome(result.value);
    const repeat = seen.ids.has(id) ? (['id', id, seen.ids.get(id)!] as const) : seen.keys.has(key) ? (['key', key, seen.keys.get(key)!] as const) : undefined;
    if (repeat) {
      const [what, value, first] = repeat;
      repeated.push(id);
      report({ source, index, item, message: `${describeIssues([{ at: [], message: `the ${what} "${value}" appears more than once` }], [index])} (kept the first, item ${first} of the list)` });
      continue;
    }
    seen.ids.set(id, offset + index);
    seen.keys.set(key, offset + index);
    values.push(result.value);
  }
  return { values, repeated };
}
