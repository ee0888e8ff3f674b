import { expect } from '@open-wc/testing';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import { readList } from '../../src/adapters/parse-list.js';
import type { ParseResult } from '../../src/model/parse.js';
import type { OutcomeType } from '../../src/model/types.js';
import { seededRandom } from '../helpers/seeded-random.mjs';

type Pair = { id: string; key: string };
const asIs = (item: unknown): ParseResult<OutcomeType> => ({ ok: true, value: item as OutcomeType });

/** What readList keeps, read the plain way: two full maps, the first of each id and each key. */
function reference(items: Pair[]): { kept: string[]; repeats: [number, string, number][] } {
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  const kept: string[] = [];
  const repeats: [number, string, number][] = [];
  items.forEach(({ id, key }, index) => {
    if (ids.has(id)) return repeats.push([index, `the id "${id}"`, ids.get(id)!]);
    if (keys.has(key)) return repeats.push([index, `the key "${key}"`, keys.get(key)!]);
    ids.set(id, index);
    keys.set(key, index);
    kept.push(id);
  });
  return { kept, repeats };
}

describe('readList', () => {
  it('keeps the first of each id and of each key, whether keys are their ids or not, across pages', () => {
    // Keys that are ids, keys that are other items' ids, keys repeated, ids repeated.
    const items: Pair[] = [
      { id: 'a', key: 'a' },
      { id: 'b', key: 'x' },
      { id: 'c', key: 'b' }, // b is an id, not a key: kept
      { id: 'x', key: 'x' }, // x is b's key: repeat
      { id: 'd', key: 'a' }, // a is a's key: repeat
      { id: 'a', key: 'e' }, // id a: repeat
      { id: 'e', key: 'e' },
      { id: 'f', key: 'c' }, // c is an id only: kept
      { id: 'c', key: 'c' }, // id c: repeat
      { id: 'g', key: 'f' }, // f is an id only: kept
      { id: 'h', key: 'h' },
      { id: 'i', key: 'h' }, // h is h's key: repeat
    ];
    // A seeded shuffle of many more, with collisions, read in pages of 5.
    const random = seededRandom(7);
    const pick = () => 'abcdefghijklmnop'[random(16)]!;
    for (let index = 0; index < 400; index++) {
      const id = pick() + pick();
      items.push({ id, key: random(3) === 0 ? id : pick() + pick() });
    }
    const reports: InvalidItemReport[] = [];
    const seen = { ids: new Map<string, number>(), keys: new Map<string, number>() };
    const into: Pair[] = [];
    for (let offset = 0; offset < items.length; offset += 5) {
      readList(items.slice(offset, offset + 5), asIs, (report) => reports.push(report), `page ${offset}`, { offset, seen, into: into as unknown as OutcomeType[] });
    }
    const expected = reference(items);
    expect(into.map((item) => item.id)).to.deep.equal(expected.kept);
    const reported = reports.map((report) => [
      Number(report.source.slice(5)) + (report.index ?? 0),
      /the (id|key) "[^"]*"/.exec(report.message)![0],
      Number(/item (\d+) of the list/.exec(report.message)![1]),
    ]);
    expect(reported).to.deep.equal(expected.repeats);
    // The place of the first is the place in the whole list.
    expect(reports[0]!.message).to.contain('(kept the first, item 1 of the list)');
  });
});
