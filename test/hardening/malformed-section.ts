// Malformed backends: thousands of generated bodies per HTTP adapter, handed to the adapter
// through its `fetch` option as real `Response` objects (the whole HttpClient path runs:
// status, text, JSON, envelope, items). Every call must end as a valid result (with each
// left-out item reported), `bad_response`, or — for error statuses — another
// OutcomeAdapterError; never anything else, and never an uncaught error.
import fc from 'fast-check';
import type { InvalidItemReport, OutcomeAdapter } from '../../src/adapters/adapter.js';
import { CloseAdapter } from '../../src/adapters/close/close-adapter.js';
import { ADAPTER_ERROR_CODES, OutcomeAdapterError } from '../../src/adapters/errors.js';
import { OutcomeTypesApiAdapter } from '../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import { SailorAdapter } from '../../src/adapters/sailor/sailor-adapter.js';
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import { parseWith } from '../../src/model/parse.js';
import { OutcomeTypeSchema, RecordedOutcomeSchema } from '../../src/model/schemas.js';

const outcomeTypesItem = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  key: fc.string({ minLength: 1, maxLength: 8 }),
  name: fc.string({ minLength: 1, maxLength: 12 }),
  description: fc.string(),
  classification: fc.constantFrom('positive', 'negative', 'neutral'),
  category: fc.constantFrom('impression', 'response'),
  isSystem: fc.boolean(),
  ordinal: fc.nat(100),
  status: fc.constantFrom('draft', 'active', 'paused', 'archived'),
  createdAt: fc.constant('2026-03-10T12:00:00.000Z'),
});
const closeItem = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  name: fc.string({ minLength: 1, maxLength: 12 }),
  description: fc.option(fc.string(), { nil: null }),
  type: fc.constantFrom('custom', 'vm-dropped', null),
  applies_to: fc.constantFrom(['calls'], ['calls', 'meetings'], null),
  date_created: fc.constant('2025-07-29T10:30:00.000000+00:00'),
});
const sailorItem = fc.record({
  outcome_id: fc.string({ minLength: 1, maxLength: 8 }),
  outcome_name: fc.string({ minLength: 1, maxLength: 12 }),
  outcome_type: fc.constantFrom('disposition', 'action'),
  order: fc.integer({ min: -5, max: 50 }),
  destination_type: fc.constantFrom('none', 'smart_list', 'remove_from_smart_list'),
  destination: fc.option(fc.record({ destination_id: fc.string(), destination_name: fc.string() }), { nil: undefined }),
  remove_from_smart_lists: fc.option(fc.record({ all: fc.boolean(), list_ids: fc.array(fc.string({ minLength: 1 }), { maxLength: 2 }) }), { nil: undefined }),
  webhook_url: fc.constantFrom('https://example.com/hook', '', null, 'javascript:alert(1)'),
});
const taskItem = fc.record({
  code: fc.string({ minLength: 1, maxLength: 8 }),
  label: fc.string({ minLength: 1, maxLength: 12 }),
  requiresFutureScheduledAt: fc.boolean(),
});

/** A valid item, then broken: a field removed, retyped, or extra fields added. */
function mutated<T extends Record<string, unknown>>(item: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    item,
    fc.tuple(item, fc.nat(20)).map(([value, index]) => {
      const keys = Object.keys(value);
      const copy: Record<string, unknown> = { ...value };
      delete copy[keys[index % keys.length]!];
      return copy;
    }),
    fc.tuple(item, fc.nat(20), fc.anything()).map(([value, index, replacement]) => {
      const keys = Object.keys(value);
      return { ...value, [keys[index % keys.length]!]: replacement };
    }),
    fc.tuple(item, fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 3 })).map(([value, extra]) => ({ ...extra, ...value })),
    fc.anything(),
  );
}

/** A whole body: an envelope made with `wrap` around items, or anything else at all. */
function bodies(item: fc.Arbitrary<unknown>, wrap: (items: unknown[]) => fc.Arbitrary<unknown>): fc.Arbitrary<{ status: number; text: string }> {
  const items = fc.array(mutated(item as fc.Arbitrary<Record<string, unknown>>), { maxLength: 8 });
  const json = fc.oneof(
    { weight: 6, arbitrary: items.chain(wrap) },
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything() },
  );
  const text = fc.oneof(
    { weight: 8, arbitrary: json.map((value) => JSON.stringify(value) ?? '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '[1,2', 'null', '<html>502 Bad Gateway</html>', '\u0000', '{"ok": true, "outcomes": [}') },
  );
  const status = fc.oneof({ weight: 9, arbitrary: fc.constant(200) }, { weight: 1, arbitrary: fc.constantFrom(201, 204, 400, 401, 404, 409, 422, 500) });
  return fc.record({ status, text });
}

/** A huge list: many valid items and some broken ones, as one body. */
function huge(item: fc.Arbitrary<unknown>, wrap: (items: unknown[]) => unknown, count: number, seed: number): { status: number; text: string } {
  const items = fc.sample(mutated(item as fc.Arbitrary<Record<string, unknown>>), { numRuns: count, seed });
  return { status: 200, text: JSON.stringify(wrap(items)) };
}

interface Tally {
  tried: number;
  valid: number;
  badResponse: number;
  otherCodes: Record<string, number>;
  skippedItems: number;
  failures: string[];
}

type Call = (adapter: OutcomeAdapter) => Promise<unknown>;

interface Case {
  name: string;
  make(fetch: typeof globalThis.fetch, report: (item: InvalidItemReport) => void): OutcomeAdapter;
  call: Call;
  body: fc.Arbitrary<{ status: number; text: string }>;
  hugeBody: { status: number; text: string };
  /** The items of a body that arrived whole, for checking that none is dropped silently. */
  itemsOf?: (parsed: unknown) => unknown[] | undefined;
  checkResult: (value: unknown) => string | undefined;
}

const typeList = (value: unknown) =>
  Array.isArray(value) && value.every((item) => parseWith(OutcomeTypeSchema, item).ok) ? undefined : 'not a list of valid outcome types';

function cases(): Case[] {
  const base = { baseUrl: 'http://127.0.0.1:9', retries: 0, timeoutMs: 2000 };
  const list: Call = (adapter) => adapter.listOutcomeTypes();
  const asRecord = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  const sailorWrap = (items: unknown[]) =>
    fc.oneof(
      fc.constant({ ok: true, outcomes: items, disposition_popup_enabled: true }),
      fc.record({ ok: fc.anything(), outcomes: fc.constant(items), disposition_popup_enabled: fc.anything() }, { requiredKeys: [] }),
    );
  const closeWrap = (items: unknown[]) =>
    fc.oneof(
      fc.constant({ data: items, has_more: false }),
      fc.record({ data: fc.oneof(fc.constant(items), fc.anything()), has_more: fc.oneof(fc.boolean(), fc.anything()) }, { requiredKeys: [] }),
    );
  return [
    {
      name: 'OutcomeTypesApiAdapter list',
      make: (fetch, onInvalidItem) => new OutcomeTypesApiAdapter({ ...base, fetch, onInvalidItem, token: 't' }),
      call: list,
      body: bodies(outcomeTypesItem, (items) => fc.constant(items)),
      hugeBody: huge(outcomeTypesItem, (items) => items, 20_000, 1),
      itemsOf: (parsed) => (Array.isArray(parsed) ? parsed : undefined),
      checkResult: typeList,
    },
    {
      name: 'OutcomeTypesApiAdapter create',
      make: (fetch, onInvalidItem) => new OutcomeTypesApiAdapter({ ...base, fetch, onInvalidItem, token: 't' }),
      call: (adapter) => adapter.createOutcomeType!({ key: 'new', name: 'New', description: '', classification: 'neutral', category: 'response', kind: 'disposition', ordinal: 1, status: 'active', requiresFutureScheduledAt: false }),
      body: bodies(outcomeTypesItem, (items) => fc.constant(items[0] ?? {})),
      hugeBody: huge(outcomeTypesItem, (items) => items, 2_000, 2),
      checkResult: (value) => (parseWith(OutcomeTypeSchema, value).ok ? undefined : 'not a valid outcome type'),
    },
    {
      name: 'CloseAdapter list',
      make: (fetch, onInvalidItem) => new CloseAdapter({ ...base, fetch, onInvalidItem, apiKey: 'k', maxPages: 3 }),
      call: list,
      body: bodies(closeItem, closeWrap),
      hugeBody: huge(closeItem, (items) => ({ data: items, has_more: false }), 20_000, 3),
      checkResult: typeList,
    },
    {
      name: 'SailorAdapter list',
      make: (fetch, onInvalidItem) => new SailorAdapter({ ...base, fetch, onInvalidItem, token: 't' }),
      call: list,
      body: bodies(sailorItem, sailorWrap),
      hugeBody: huge(sailorItem, (items) => ({ ok: true, outcomes: items, disposition_popup_enabled: true }), 20_000, 4),
      itemsOf: (parsed) => {
        const record = asRecord(parsed);
        return record?.['ok'] === true && typeof record['disposition_popup_enabled'] === 'boolean' && Array.isArray(record['outcomes']) ? record['outcomes'] : undefined;
      },
      checkResult: typeList,
    },
    {
      name: 'SailorAdapter create',
      make: (fetch, onInvalidItem) => new SailorAdapter({ ...base, fetch, onInvalidItem, token: 't' }),
      call: (adapter) => adapter.createOutcomeType!({ name: 'New', description: '', classification: 'neutral', category: 'response', kind: 'disposition', ordinal: 1, status: 'active', requiresFutureScheduledAt: false }),
      body: bodies(sailorItem, (items) => fc.oneof(fc.constant({ ok: true, outcome: items[0] }), fc.constant({ ok: false, error: items[0] }))),
      hugeBody: huge(sailorItem, (items) => ({ ok: true, outcome: items }), 2_000, 5),
      checkResult: (value) => (parseWith(OutcomeTypeSchema, value).ok ? undefined : 'not a valid outcome type'),
    },
    {
      name: 'TaskResultTypeAdapter list',
      make: (fetch, onInvalidItem) => new TaskResultTypeAdapter({ ...base, fetch, onInvalidItem, apiKey: 'k', resultPath: (id) => `/tasks/${id}/result` }),
      call: list,
      body: bodies(taskItem, (items) => fc.constant(items)),
      hugeBody: huge(taskItem, (items) => items, 20_000, 6),
      itemsOf: (parsed) => (Array.isArray(parsed) ? parsed : undefined),
      checkResult: typeList,
    },
    {
      name: 'TaskResultTypeAdapter record',
      // The list is good (one code); only the answer to the submit is generated.
      make: (fetch, onInvalidItem) => {
        let first = true;
        const listFirst: typeof globalThis.fetch = (input, init) => {
          if (first) {
            first = false;
            return Promise.resolve(new Response(JSON.stringify([{ code: 'SALE', label: 'Sale', requiresFutureScheduledAt: false }]), { status: 200 }));
          }
          return fetch(input, init);
        };
        return new TaskResultTypeAdapter({ ...base, fetch: listFirst, onInvalidItem, apiKey: 'k', resultPath: (id) => `/tasks/${id}/result` });
      },
      call: (adapter) => adapter.recordOutcome!({ subjectId: 'task-1', outcomeKey: 'SALE', source: 'agent' }, { idempotencyKey: 'key-1' }),
      body: bodies(taskItem, (items) => fc.constant({ id: items[0], task_result: items[1], created_at: items[2] })),
      hugeBody: huge(taskItem, (items) => ({ results: items }), 2_000, 7),
      checkResult: (value) => (parseWith(RecordedOutcomeSchema, value).ok ? undefined : 'not a valid recorded outcome'),
    },
  ];
}

/** Sailor's documented failure envelope, `{ ok: false, error: "<code>" }`, on any status. */
function documentedFailure(text: string): boolean {
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    return !!body && typeof body === 'object' && body['ok'] === false && typeof body['error'] === 'string' && body['error'].trim() !== '';
  } catch {
    return false;
  }
}

export async function malformedSection(perCase: number, seed = 20261124): Promise<Record<string, Tally>> {
  const result: Record<string, Tally> = {};
  for (const [caseIndex, testCase] of cases().entries()) {
    const tally: Tally = { tried: 0, valid: 0, badResponse: 0, otherCodes: {}, skippedItems: 0, failures: [] };
    result[testCase.name] = tally;
    const samples = fc.sample(testCase.body, { numRuns: perCase - 1, seed: seed + caseIndex });
    samples.push(testCase.hugeBody);
    for (const sample of samples) {
      tally.tried++;
      let reported = 0;
      const respond: typeof globalThis.fetch = () =>
        Promise.resolve(
          new Response(sample.status === 204 ? null : sample.text, { status: sample.status, headers: { 'Content-Type': 'application/json' } }),
        );
      const adapter = testCase.make(respond, () => void reported++);
      try {
        const value = await testCase.call(adapter);
        const wrong = testCase.checkResult(value);
        if (wrong) tally.failures.push(`${wrong}: ${sample.text.slice(0, 200)}`);
        else tally.valid++;
        let parsed: unknown;
        try {
          parsed = JSON.parse(sample.text);
        } catch {
          parsed = undefined;
        }
        const items = testCase.itemsOf?.(parsed);
        if (items && Array.isArray(value) && value.length + reported !== items.length) {
          tally.failures.push(`${items.length} items, ${value.length} kept and ${reported} reported: ${sample.text.slice(0, 200)}`);
        }
        tally.skippedItems += reported;
      } catch (error) {
        const ok2xx = sample.status >= 200 && sample.status < 300;
        if (!(error instanceof OutcomeAdapterError) || !(ADAPTER_ERROR_CODES as readonly string[]).includes(error.code)) {
          tally.failures.push(`threw ${String(error)} for ${sample.status} ${sample.text.slice(0, 200)}`);
        } else if (error.code === 'bad_response') {
          tally.badResponse++;
        } else if (ok2xx && !documentedFailure(sample.text)) {
          tally.failures.push(`${sample.status} answered as ${error.code} (${error.message}), not bad_response: ${sample.text.slice(0, 200)}`);
        } else {
          tally.otherCodes[error.code] = (tally.otherCodes[error.code] ?? 0) + 1;
        }
      }
    }
  }
  return result;
}
