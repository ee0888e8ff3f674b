import { formatPath } from '../model/parse.js';
import type { InvalidItemHandler } from './adapter.js';

/**
 * Maps each item of a list, leaving out the ones that fail and reporting each of them, so one
 * malformed outcome never keeps an agent from working with the others.
 */
export function parseListLeniently<T>(
  items: readonly unknown[],
  parseItem: (item: unknown) => { ok: true; value: T } | { ok: false; message: string },
  report: InvalidItemHandler,
  source: string,
): T[] {
  const values: T[] = [];
  items.forEach((item, index) => {
    const result = parseItem(item);
    if (result.ok) values.push(result.value);
    else {
      // Paths in the item's message start at the item (`$`); re-root them at the list.
      const message = result.message.replace(/(^|; )\$/g, (_, lead: string) => lead + formatPath([index]));
      report({ source, index, item, message });
    }
  });
  return values;
}
