import { expect } from '@open-wc/testing';
import { closeBackend } from '../../src/adapters/close/backend.js';
import { genesysBackend } from '../../src/adapters/genesys/backend.js';
import { outcomeTypesApi } from '../../src/adapters/outcome-types-api/backend.js';
import { sailorBackend } from '../../src/adapters/sailor/backend.js';
import { taskResultsBackend } from '../../src/adapters/task-results/backend.js';
import { handChecks, isIsoInstant, KnownFields } from '../../src/adapters/wire-checks.js';
import { ISO_INSTANT } from '../../src/model/schemas.js';
import type { ParseResult } from '../../src/model/parse.js';

// Lists are read with a hand-written check of each backend's common valid shape before its wire
// schema (src/adapters/wire-checks.ts). The check may only ever shorten the way: every item here
// — the seed's shape, then that shape with one field missing or replaced by a value of another
// kind — must read to the same value, or be refused for the same reasons, with the checks on and
// with every item going to the schema.

const PROBES: unknown[] = [
  null, '', 'x', 0, 1, -1, 1.5, 2 ** 53, Number.NaN, true, false, [], {}, ['calls'], ['calls', 'texts'], [''], ['a'],
  { destination_id: 'l1' }, { destination_id: 'l1', destination_name: 'L', extra: 1 }, { destination_id: 5 },
  { all: true }, { list_ids: ['l1'] }, { all: true, list_ids: ['l1'] },
  'https://example.com/hook', 'http://localhost/x', 'ftp://example.com/x', 'not a url',
  '2026-03-10T12:00:00.000Z', '2025-07-29T10:30:00.000000+00:00', '2026-03-10T12:00:00', '2026-13-10T12:00:00Z',
  'custom', 'vm-dropped', 'calls', 'meetings', 'disposition', 'action', 'none', 'smart_list', 'remove_from_smart_list',
  'positive', 'negative', 'neutral', 'impression', 'response', 'draft', 'active', 'paused', 'archived',
];

const EXTRA_FIELDS = ['kind', 'extras', 'division', 'webhookUrl', 'appliesTo', 'destination', 'constructor', 'toString', 'tenant', '__proto__'];

/** The base item, then each of its fields and of `EXTRA_FIELDS` missing or set to each probe. */
function corpus(base: Record<string, unknown>): unknown[] {
  const items: unknown[] = [base, null, 'item', 7, [], [base], {}];
  for (const field of [...Object.keys(base), ...EXTRA_FIELDS]) {
    const without = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    delete without[field];
    items.push(without);
    for (const probe of PROBES) {
      const replaced = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      if (Object.hasOwn(base, field)) replaced[field] = probe;
      // A new field goes first, through JSON as lists arrive: `__proto__` is then a field like any other.
      items.push(Object.hasOwn(base, field) ? replaced : JSON.parse(`{${JSON.stringify(field)}:${JSON.stringify(probe)},${JSON.stringify(base).slice(1)}`));
    }
  }
  return items;
}

function outcomeOf(result: ParseResult<unknown>): unknown {
  if (!result.ok) return { refused: result.message };
  const value = result.value as { outcome?: unknown };
  return value.outcome ? value : result.value;
}

const BACKENDS: [string, (item: unknown, index: number) => ParseResult<unknown>, Record<string, unknown>][] = [
  [
    'outcome-types',
    outcomeTypesApi.list.item,
    {
      id: 'ot_001', tenantId: 't_001', key: 'sale', name: 'Sale', description: '', classification: 'positive', category: 'response',
      isSystem: false, ordinal: 3, status: 'active', createdAt: '2026-03-10T12:00:00.000Z', updatedAt: '2026-03-10T12:00:00.000Z',
    },
  ],
  [
    'close',
    closeBackend({ baseUrl: 'https://close.invalid', apiKey: 'k' }).list.item,
    {
      applies_to: ['calls', 'meetings'], created_by: 'user_1', date_created: '2025-07-29T10:30:00.000000+00:00',
      date_updated: '2025-07-29T10:30:00.000000+00:00', description: 'Booked.', id: 'outcome_1', name: 'Demo Booked',
      organization_id: 'orga_1', type: 'custom', updated_by: null,
    },
  ],
  [
    'sailor',
    sailorBackend.list.item,
    {
      outcome_id: '00000000-0000-4000-8000-000000000001', outcome_name: 'Interested', outcome_type: 'action', order: 10,
      destination_type: 'smart_list', destination: { destination_type: 'smart_list', destination_id: 'l1', destination_name: 'Follow up' },
      webhook_url: 'https://example.com/sailor/outcomes', created_at: '2026-06-25T00:00:00.000Z', updated_at: '2026-06-25T00:00:00.000Z',
    },
  ],
  ['task-results', taskResultsBackend.list.item, { code: 'RESCHEDULE', label: 'Reprogramar visita', requiresFutureScheduledAt: true, team: 'north' }],
  [
    'genesys',
    genesysBackend({ baseUrl: 'https://api.genesys.invalid', auth: { token: 't' } }).list.item,
    {
      id: '0c5e3b8a-1f2d-4e6a-9b7c-8d0e1f2a3b01', name: 'Billing Inquiry', description: 'Questions about an invoice.',
      division: { id: '*', name: 'All', selfUri: '/api/v2/authorization/divisions/*' }, dateCreated: '2026-03-10T12:00:00.000Z',
      dateModified: '2026-03-10T12:00:00.000Z', createdBy: { id: 'u1' }, modifiedBy: { id: 'u1' }, selfUri: '/api/v2/routing/wrapupcodes/0c5e',
    },
  ],
];

describe('hand-written checks of the common wire shapes', () => {
  afterEach(() => {
    handChecks.on = true;
  });

  for (const [name, read, base] of BACKENDS) {
    it(`${name}: every item reads the same, or is refused for the same reasons, with or without them`, () => {
      const items = corpus(base);
      handChecks.on = true;
      const checked = items.map((item, index) => outcomeOf(read(item, index)));
      handChecks.on = false;
      const bySchema = items.map((item, index) => outcomeOf(read(item, index)));
      let accepted = 0;
      items.forEach((item, index) => {
        // JSON text compares field order too, and deep equality what JSON cannot show (`undefined`).
        expect(JSON.stringify(checked[index]), JSON.stringify(item)).to.equal(JSON.stringify(bySchema[index]));
        expect(checked[index], JSON.stringify(item)).to.deep.equal(bySchema[index]);
        if (!(checked[index] as { refused?: string }).refused) accepted++;
      });
      // Both ways were taken: valid items and refused ones.
      expect(accepted).to.be.greaterThan(20);
      expect(accepted).to.be.lessThan(items.length - 20);
    });
  }
});

describe('isIsoInstant', () => {
  it('accepts exactly what the ISO_INSTANT pattern accepts, on every one-character change of many dates', () => {
    const dates = [
      ...Array.from({ length: 60 }, (_, index) => new Date(Date.UTC(2025, 0, 1) + index * 7_654_321_001).toISOString()),
      '2025-07-29T10:30:00.000000+00:00', '2025-07-29T10:30Z', '2025-07-29T10:30+0530', '2025-07-29T10:30:00-12:00', '2025-07-29T10:30:00.Z',
      '2025-13-01T00:00Z', '2025-00-01T00:00Z', '2025-01-32T00:00Z', '2025-01-00T00:00Z', '2025-10-30T00:00Z', '2025-01-01T24:00Z', '2025-01-01T23:60Z',
      '2025-01-01T23:59:60Z', '2025-01-01T23:59:59+24:00', '2025-01-01T23:59:59+23:60', '2025-01-01T23:59:59+23:5', '2025-01-01T23:59:59',
      '2025-01-01 23:59:59Z', '2025-01-01T23:59:59.1234567890123Z', '', 'Z',
    ];
    const changes = (date: string) => {
      const changed = [date];
      for (let at = 0; at <= date.length; at++) {
        changed.push(date.slice(0, at) + date.slice(at + 1));
        for (const unit of '0123456789-:T.Z+ x\u0660') changed.push(date.slice(0, at) + unit + date.slice(at + 1), date.slice(0, at) + unit + date.slice(at));
      }
      return changed;
    };
    const all = dates.flatMap(changes);
    const differing = all.filter((text) => isIsoInstant(text) !== ISO_INSTANT.test(text));
    expect(differing).to.deep.equal([]);
    expect(all.filter((text) => ISO_INSTANT.test(text)).length, 'valid dates among them').to.be.greaterThan(500);
    for (const value of [undefined, null, 20250101, {}]) expect(isIsoInstant(value)).to.equal(false);
  });
});

describe('KnownFields', () => {
  /** What extras are, read the plain way: every own field not known, in order. */
  const reference = (item: Record<string, unknown>, known: ReadonlySet<string>) =>
    Object.fromEntries(Object.entries(item).filter(([name]) => !known.has(name)));

  it('gathers the same extras as a plain reading, through items of changing shapes', () => {
    const fields = new KnownFields(['id', 'name', 'date']);
    const items = [
      { id: 'a', name: 'A', date: 'd' },
      { id: 'b', name: 'B', date: 'd', tenant: 't1' },
      { id: 'c', name: 'C', date: 'd', tenant: 't2' },
      { id: 'd', tenant: 't3', name: 'D', date: 'd' },
      { id: 'e', name: 'E', date: 'd' },
      { id: 'f', name: 'F', date: 'd', tenant: 't4', extra: [1] },
      { id: 'g', name: 'G', date: 'd', tenant: 't5', extra: { deep: true } },
      { id: 'h', name: 'H', tenant: 't6' },
      JSON.parse('{"id":"i","__proto__":{"x":1},"name":"I"}') as Record<string, unknown>,
      { id: 'j', name: 'J', date: 'd', tenant: 't7' },
    ];
    for (const item of [...items, ...items.reverse(), ...items]) {
      const extras = fields.extrasOf(item);
      expect(JSON.stringify(Object.entries(extras)), JSON.stringify(item)).to.equal(JSON.stringify(Object.entries(reference(item, fields.names))));
    }
  });

  it('keeps an item\'s own `__proto__` as a field, and never what Object.prototype was given', () => {
    const fields = new KnownFields(['id']);
    const own = JSON.parse('{"id":"a","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const extras = fields.extrasOf(own);
    expect(Object.keys(extras)).to.deep.equal(['__proto__']);
    expect(Object.getPrototypeOf(extras)).to.equal(Object.prototype);
    // Same names in the same order, once from the item and once from the prototype.
    fields.extrasOf({ id: 'b', tenant: 't' });
    (Object.prototype as Record<string, unknown>)['tenant'] = 'inherited';
    try {
      // Own entries only: chai's deep equality would count the inherited field on both sides.
      expect(Object.entries(fields.extrasOf({ id: 'c' }))).to.deep.equal([]);
      expect(Object.entries(fields.extrasOf({ id: 'd', tenant: 'own' }))).to.deep.equal([['tenant', 'own']]);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['tenant'];
    }
  });
});
