import { expect } from '@open-wc/testing';
import { closeBackend } from '../../src/adapters/close/backend.js';
import { genesysBackend } from '../../src/adapters/genesys/backend.js';
import { outcomeTypesApi } from '../../src/adapters/outcome-types-api/backend.js';
import { sailorBackend } from '../../src/adapters/sailor/backend.js';
import { taskResultsBackend } from '../../src/adapters/task-results/backend.js';
import { handChecks } from '../../src/adapters/wire-checks.js';
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
