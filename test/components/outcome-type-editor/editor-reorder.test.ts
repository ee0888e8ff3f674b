import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../../src/define.js';
import type { OutcomeAdapter } from '../../../src/adapters/adapter.js';
import type { SeedOutcomeType } from '../../../src/adapters/memory/memory-adapter.js';
import { moveBefore, ordinalChanges, placeAt, type OrdinalChange } from '../../../src/components/outcome-type-editor/reorder.js';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { OutcomeStore } from '../../../src/controllers/outcome-store.js';
import { compareOutcomeTypes, sortOutcomeTypes } from '../../../src/model/ordering.js';
import { WatchedAdapter } from '../../helpers/watched-adapter.js';
import { seededRandom } from '../../helpers/seeded-random.mjs';
import type { OutcomeType } from '../../../src/model/types.js';

type Named = Pick<OutcomeType, 'id' | 'name' | 'ordinal'>;

const applied = <T extends Named>(order: readonly T[], changes: readonly OrdinalChange[]): T[] => {
  const to = new Map(changes.map((change) => [change.id, change.to]));
  return order.map((type) => ({ ...type, ordinal: to.get(type.id) ?? type.ordinal }));
};
const ids = (types: readonly Named[]) => types.map((type) => type.id);
const sameOrdinalBefore = (a: Named, b: Named) => compareOutcomeTypes(a, { ...b, ordinal: a.ordinal }) < 0;

/**
 * The fewest types whose ordinals must change, by brute force over every subset: the others keep
 * theirs (and must already sort in order), and each run of changed types needs as many distinct
 * ordinals, within the limits and between its neighbours, as name and id cannot order alone.
 */
function fewestWrites(order: readonly Named[], min: number, max: number): number {
  const n = order.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    for (let bit = mask; bit; bit >>= 1) size += bit & 1;
    if (size >= best) continue;
    const kept = order.filter((_, index) => !((mask >> index) & 1));
    let fits = kept.every((type, index) => index === 0 || compareOutcomeTypes(kept[index - 1]!, type) < 0);
    for (let i = 0; fits && i < n; i++) {
      if (!((mask >> i) & 1) || (i > 0 && (mask >> (i - 1)) & 1)) continue;
      let j = i;
      while (j + 1 < n && (mask >> (j + 1)) & 1) j++;
      const low = i === 0 ? min : Math.max(min, order[i - 1]!.ordinal + (sameOrdinalBefore(order[i - 1]!, order[i]!) ? 0 : 1));
      const high = j === n - 1 ? max : Math.min(max, order[j + 1]!.ordinal - (sameOrdinalBefore(order[j]!, order[j + 1]!) ? 0 : 1));
      let distinct = 0;
      for (let k = i + 1; k <= j; k++) if (!sameOrdinalBefore(order[k - 1]!, order[k]!)) distinct++;
      if (high - low < distinct) fits = false;
    }
    if (fits) best = size;
  }
  return best;
}

/** `count` types at ordinals 0…count−1 named by `name(index)`. */
const denseTypes = (count: number, name: (index: number) => string): (SeedOutcomeType & { ordinal: number })[] =>
  Array.from({ length: count }, (_, index) => ({ key: `t${index}`, name: name(index), ordinal: index }));
const pad = (value: number) => String(value).padStart(5, '0');
const NAMINGS = {
  ascending: (_count: number) => (index: number) => `Type ${pad(index)}`,
  reverse: (count: number) => (index: number) => `Type ${pad(count - index)}`,
  /** Reverse, the last type named to sort after every other: no shared ordinal helps. */
  worst: (count: number) => (index: number) => (index === count - 1 ? 'Zz last' : `Type ${pad(count - index)}`),
  random: (count: number) => {
    const names = Array.from({ length: count }, (_, index) => `Type ${pad(index)}`);
    const random = seededRandom(7);
    for (let index = count - 1; index > 0; index--) {
      const other = random(index + 1);
      [names[index], names[other]] = [names[other]!, names[index]!];
    }
    return (index: number) => names[index]!;
  },
};

describe('reorder plan (ordinalChanges)', () => {
  const named = fc.constantFrom('a', 'b', 'c', 'A', 'é', 'e', 'Call back', 'call back');

  it('sorted canonically, the result is the intended order, within the limits, with the fewest writes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: named, ordinal: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(0, 3),
        fc.constantFrom(14, 2 ** 31 - 1),
        (raw, pick, place, min, max) => {
          const types = sortOutcomeTypes(raw.map((type, index) => ({ ...type, id: `id${index}` }))) as unknown as OutcomeType[];
          const moved = types[pick % types.length]!;
          const rest = types.filter((type) => type !== moved);
          const before = rest[place % (rest.length + 1)]?.id ?? null;
          const order = moveBefore(types, moved.id, before);
          const changes = ordinalChanges(order, moved.id, { min, max });
          expect(ids(sortOutcomeTypes(applied(order, changes)))).to.deep.equal(ids(order));
          for (const change of changes) {
            expect(Number.isInteger(change.to) && change.to >= min && change.to <= max, `ordinal ${change.to}`).to.be.true;
            expect(change.from).to.not.equal(change.to);
          }
          expect(changes.length).to.equal(fewestWrites(order, min, max));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a move into a gap is one write, the moved type between its new neighbours (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (ordinals, pick, place) => {
          const types = sortOutcomeTypes(ordinals.map((ordinal, index) => ({ id: `id${index}`, name: `T${index % 3}`, ordinal }))) as unknown as OutcomeType[];
          const moved = types[pick % types.length]!;
          const rest = types.filter((type) => type !== moved);
          const at = place % (rest.length + 1);
          const previous = rest[at - 1];
          const next = rest[at];
          const order = moveBefore(types, moved.id, next?.id ?? null);
          const gap = (next?.ordinal ?? Infinity) - (previous?.ordinal ?? -1) > 1;
          fc.pre(gap && ids(order).join() !== ids(types).join());
          const changes = ordinalChanges(order, moved.id, { min: 0 });
          expect(changes).to.have.length(1);
          expect(changes[0]!.id).to.equal(moved.id);
          expect(changes[0]!.to).to.be.greaterThan(previous?.ordinal ?? -1);
          expect(changes[0]!.to).to.be.lessThan(next?.ordinal ?? Infinity);
        },
      ),
      { numRuns: 2000 },
    );
  });

  for (const count of [100, 1_000, 10_000]) {
    it(`the dense worst case at ${count}: every other type renumbered, spread out so the next moves there are one write`, () => {
      const types = sortOutcomeTypes(denseTypes(count, NAMINGS.worst(count)).map((type, index) => ({ ...type, id: `id${pad(index)}` }))) as unknown as OutcomeType[];
      const last = types.at(-1)!;
      const order = placeAt(types, types, last.id, 0);
      const changes = ordinalChanges(order, last.id, { min: 0 });
      expect(changes).to.have.length(count - 1);
      const after = sortOutcomeTypes(applied(order, changes));
      expect(ids(after)).to.deep.equal(ids(order));
      const gaps = after.slice(1).map((type, index) => type.ordinal - after[index]!.ordinal);
      expect(Math.min(...gaps)).to.equal(1024);
      // The next move there: the third type between the first two is one write.
      const next = placeAt(after, after, after[2]!.id, 1);
      expect(ordinalChanges(next, after[2]!.id, { min: 0 })).to.have.length(1);
    });
  }

  it('the write counts for ascending, random and reverse names, last to the top', () => {
    const counts: Record<string, number[]> = {};
    for (const naming of ['ascending', 'random', 'reverse', 'worst'] as const) {
      counts[naming] = [100, 1000].map((count) => {
        const types = sortOutcomeTypes(denseTypes(count, NAMINGS[naming](count)).map((type, index) => ({ ...type, id: `id${pad(index)}` }))) as unknown as OutcomeType[];
        const last = types.find((type) => type.key === `t${count - 1}`)!;
        const order = placeAt(types, types, last.id, 0);
        const changes = ordinalChanges(order, last.id, { min: 0 });
        expect(ids(sortOutcomeTypes(applied(order, changes)))).to.deep.equal(ids(order));
        return changes.length;
      });
    }
    // Ascending: the moved type takes 0 and the first shares 1 with the second (sorted by name).
    // Reverse: the moved type's name sorts first, so it shares ordinal 0 with the former first.
    expect(counts).to.deep.include({ ascending: [2, 2], reverse: [1, 1], worst: [99, 999] });
    expect(counts['random']![0]).to.be.within(1, 99);
  });

  it('respects the backend’s limits: no room below 0 means renumbering, never a negative ordinal', () => {
    const types = sortOutcomeTypes(denseTypes(3, NAMINGS.worst(3)).map((type, index) => ({ ...type, id: `id${index}` }))) as unknown as OutcomeType[];
    const last = types.at(-1)!;
    const order = placeAt(types, types, last.id, 0);
    expect(ordinalChanges(order, last.id, { min: -5 }).map((change) => change.to)).to.deep.equal([-1]);
    const changes = ordinalChanges(order, last.id, { min: 0 });
    expect(changes.every((change) => change.to >= 0)).to.be.true;
    expect(() => ordinalChanges(order, last.id, { min: 0, max: 1 })).to.throw(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// The editor, driven by keyboard.

async function until(condition: () => unknown, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const $ = (el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const announced = (el: OutcomeTypeEditor) => $(el, '[aria-live="polite"]')!.textContent!.trim();
const shownNames = (el: OutcomeTypeEditor) => [...el.shadowRoot!.querySelectorAll('tbody .type-name')].map((cell) => cell.textContent!.trim());

/** On a host wide enough for one line per row with every column, so each row has its move buttons. */
async function editor(adapter: OutcomeAdapter): Promise<OutcomeTypeEditor> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 1280px"><outcome-type-editor .adapter=${adapter} user-role="editor"></outcome-type-editor></div>`);
  const el = host.querySelector('outcome-type-editor')!;
  await until(() => $(el, '[part~="table"]'), 'the list');
  await el.updateComplete;
  return el;
}

/** Types into the search field, as a user would. */
async function search(el: OutcomeTypeEditor, text: string): Promise<void> {
  $(el, '[part~="search"]')!.focus();
  await sendKeys({ type: text });
  await until(() => shownNames(el).length === 2, 'two rows shown');
}

/**
 * Moves the last type to the top with the keyboard: a search shows only the first and the
 * last, and the last's "Move up" places it before the first in the whole list.
 */
async function lastToTop(el: OutcomeTypeEditor, lastName: string): Promise<void> {
  await search(el, 'edge');
  const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')].find((candidate) => candidate.querySelector('.type-name')!.textContent!.trim() === lastName)!;
  row.querySelector<HTMLElement>('[part~="move-up"]')!.focus();
  await sendKeys({ press: 'Enter' });
}

/** Types named by `naming`, the first and last described "edge" so a search shows just them. */
function seeded(count: number, naming: keyof typeof NAMINGS): SeedOutcomeType[] {
  return denseTypes(count, NAMINGS[naming](count)).map((type, index) => (index === 0 || index === count - 1 ? { ...type, description: 'edge' } : type));
}

describe('<outcome-type-editor> reordering', function () {
  this.timeout(60_000);

  for (const count of [100, 1000]) {
    for (const naming of ['ascending', 'random', 'reverse', 'worst'] as const) {
      it(`${naming} names at ${count}: writes only what the plan says, at most 4 at once, one store update`, async () => {
        const adapter = new WatchedAdapter(seeded(count, naming));
        const el = await editor(adapter);
        const store = OutcomeStore.for(adapter);
        const all = store.snapshot.outcomeTypes;
        const last = all.find((type) => type.key === `t${count - 1}`)!;
        const intended = ids(placeAt(all, all, last.id, 0));
        const expected = ordinalChanges(placeAt(all, all, last.id, 0), last.id, { min: 0 }).length;
        let updates = 0;
        const stop = store.subscribe(() => updates++);
        await lastToTop(el, last.name);
        await until(() => announced(el).startsWith('Moved'), 'the announcement');
        stop();
        expect(adapter.writes).to.equal(expected);
        expect(adapter.writes).to.equal({ ascending: 2, reverse: 1, worst: count - 1, random: expected }[naming]);
        expect(adapter.maxInFlight).to.be.at.most(4);
        expect(updates, 'store updates').to.equal(1);
        expect(ids(await adapter.inner.listOutcomeTypes())).to.deep.equal(intended);
        expect(shownNames(el)[0]).to.equal(last.name);
      });
    }
  }

  it('a move into a gap is one write', async () => {
    const adapter = new WatchedAdapter(denseTypes(20, NAMINGS.ascending(20)).map((type) => ({ ...type, ordinal: type.ordinal * 1024 })));
    const el = await editor(adapter);
    const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')][5]!;
    row.querySelector<HTMLElement>('[part~="move-up"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el).startsWith('Moved'), 'the announcement');
    expect(adapter.writes).to.equal(1);
    expect(shownNames(el).slice(3, 6)).to.deep.equal(['Type 00003', 'Type 00005', 'Type 00004']);
  });

  it('shows progress beyond 10 writes, busy and accessible', async () => {
    const adapter = new WatchedAdapter(seeded(100, 'worst'));
    adapter.latencyMs = 20;
    const el = await editor(adapter);
    await lastToTop(el, 'Zz last');
    await until(() => /^Saving the new order: \d+ of 99 outcome types\.$/.test(announced(el)), 'progress');
    // Seen as well as announced: the count and a bar.
    const shown = $(el, '[part~="note"] progress')!;
    expect(shown.getAttribute('max')).to.equal('99');
    expect($(el, '[part~="note"]')!.textContent).to.match(/Saving the new order: \d+ of 99 outcome types\./);
    expect(el.matches(':state(saving)')).to.be.true;
    expect($(el, '[part~="table"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await until(() => announced(el).startsWith('Moved'), 'the end', 20_000);
    expect($(el, '[part~="note"] progress'), 'gone at the end').to.equal(null);
    expect(adapter.maxInFlight).to.equal(4);
  });

  it('a failed write: the others are written back, the list shows what the server holds, the failure names the write', async () => {
    const adapter = new WatchedAdapter(seeded(40, 'worst'));
    adapter.failAt = 7;
    adapter.latencyMs = 2;
    const el = await editor(adapter);
    const store = OutcomeStore.for(adapter);
    const before = (await adapter.inner.listOutcomeTypes()).map((type) => [type.id, type.ordinal]);
    const all = store.snapshot.outcomeTypes;
    const last = all.at(-1)!;
    const plan = ordinalChanges(placeAt(all, all, last.id, 0), last.id, { min: 0 });
    await lastToTop(el, 'Zz last');
    await until(() => announced(el).startsWith('Moving'), 'the failure');
    expect(announced(el)).to.equal(`Moving “${plan[6]!.name}” failed: The server had a problem; the list shows what the server holds.`);
    expect($(el, '[part~="form-error"][role="alert"]')!.textContent).to.equal(`Moving “${plan[6]!.name}” failed: The server had a problem; the list shows what the server holds.`);
    expect(adapter.writes, 'no write sent after the failure beyond those in flight').to.be.below(7 + 4 + plan.length);
    expect((await adapter.inner.listOutcomeTypes()).map((type) => [type.id, type.ordinal])).to.deep.equal(before);
    expect(store.snapshot.outcomeTypes.map((type) => [type.id, type.ordinal])).to.deep.equal(before);
    await expect(el).to.be.accessible();
  });

  it('says the failure in Spanish', async () => {
    const adapter = new WatchedAdapter(seeded(12, 'worst'));
    adapter.failAt = 1;
    const el = await fixture<OutcomeTypeEditor>(html`<div lang="es" style="width: 1280px"><outcome-type-editor .adapter=${adapter} user-role="editor"></outcome-type-editor></div>`).then(
      (host) => host.querySelector('outcome-type-editor')!,
    );
    await until(() => $(el, '[part~="table"]') && shownNames(el).length === 12, 'la lista');
    await lastToTop(el, 'Zz last');
    await until(() => announced(el).startsWith('No se pudo mover'), 'el fallo');
    expect(announced(el)).to.match(/^No se pudo mover «.+»: .+; la lista muestra lo que tiene el servidor\.$/);
  });
});
