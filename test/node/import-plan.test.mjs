// Import and export through the built package, by name, in Node (no DOM): planImport against each
// backend's rules, and CSV read through the parser that readImportText loads on demand.
// Run after `npm run build`: node --test test/node/
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CLOSE_RULES,
  MEMORY_RULES,
  OUTCOME_TYPES_API_RULES,
  OutcomeTypeSchema,
  SAILOR_RULES,
  SYSTEM_DEFAULT_OUTCOME_TYPES,
  TASK_RESULT_RULES,
  exportOutcomeTypes,
  keyFromName,
  planImport,
  readImportText,
} from 'outcome-elements/model';

const type = (fields) => OutcomeTypeSchema.parse(fields);
const systemTypes = SYSTEM_DEFAULT_OUTCOME_TYPES.map((seed) => type({ ...seed, id: `system-${seed.key}`, isSystem: true }));
const summary = (plan) => ({
  create: plan.create.map((entry) => entry.row),
  update: plan.update.map((entry) => entry.row),
  unchanged: plan.unchanged.map((entry) => entry.row),
  invalid: plan.invalid.map((entry) => [entry.row, ...entry.issues.map((issue) => `${issue.field}:${issue.code}`)]),
});

const backends = [
  {
    name: 'outcome-types API',
    rules: OUTCOME_TYPES_API_RULES,
    existing: [...systemTypes, type({ id: 'ot_100', key: 'purchased', name: 'Purchased' })],
    rows: [
      { key: 'bounced', name: 'Bounced', classification: 'NEGATIVE' },
      { key: 'purchased', ordinal: '5' },
      { key: 'click', name: 'Click' },
      { key: 'click', classification: 'negative' },
    ],
    expected: { create: [1], update: [2], unchanged: [3], invalid: [[4, 'key:duplicate', 'classification:locked']] },
  },
  {
    name: 'memory',
    rules: MEMORY_RULES,
    existing: [type({ id: 'm1', key: 'call_back', name: 'Call back', requiresFutureScheduledAt: true })],
    rows: [
      { name: 'Call later', kind: 'action', requiresFutureScheduledAt: 'yes' },
      { key: 'call_back', requiresFutureScheduledAt: 'no' },
      { key: 'call_later', name: 'Again' },
    ],
    expected: { create: [1], update: [2], unchanged: [], invalid: [[3, 'key:duplicate']] },
  },
  {
    name: 'Close',
    rules: CLOSE_RULES,
    existing: [type({ id: 'outcome_1', key: 'outcome_1', name: 'Demo Booked' })],
    rows: [
      { name: 'Not Interested' },
      { key: 'outcome_1', description: 'Booked' },
      { key: 'demo_booked', name: 'Demo Booked' },
      { name: 'Hot', classification: 'positive' },
    ],
    expected: { create: [1], update: [2], unchanged: [], invalid: [[3, 'key:duplicate'], [4, 'classification:unsupported']] },
  },
  {
    name: 'Sailor',
    rules: SAILOR_RULES,
    existing: [type({ id: 's1', key: 's1', name: 'Not Qualified', ordinal: 20 })],
    rows: [
      { name: 'Interested', kind: 'action', webhook_url: 'x' },
      { key: 's1', name: 'Not Qualified', ordinal: '20' },
      { key: 's1x', name: 'Call me', kind: 'action' },
      { key: 's1', ordinal: 21 },
    ],
    expected: { create: [], update: [], unchanged: [2], invalid: [[1, 'webhookUrl:required'], [3, 'webhookUrl:required'], [4, 'key:duplicate']] },
  },
  {
    name: 'task results',
    rules: TASK_RESULT_RULES,
    existing: [type({ id: 'RESCHEDULE', key: 'RESCHEDULE', name: 'Reprogramar visita', requiresFutureScheduledAt: true })],
    rows: [{ key: 'RESCHEDULE', requiresFutureScheduledAt: 'true' }, { key: 'RESCHEDULE', name: 'Otra' }],
    expected: { create: [], update: [], unchanged: [1], invalid: [[2, 'key:duplicate', 'name:readOnly']] },
  },
];

describe('planImport from outcome-elements/model', () => {
  for (const { name, rules, existing, rows, expected } of backends) {
    test(`${name} rules`, () => {
      assert.deepEqual(summary(planImport(existing, rows, rules)), expected);
    });
  }

  test('warns once about a column that is no canonical field', () => {
    const plan = planImport([], [{ name: 'A', webhook_url: 'x' }, { name: 'B', webhook_url: 'y' }], MEMORY_RULES);
    assert.deepEqual(plan.warnings, [{ code: 'unknownColumn', column: 'webhook_url' }]);
  });

  test('keyFromName', () => {
    assert.equal(keyFromName('Requested More Info!'), 'requested_more_info');
  });
});

describe('readImportText in Node (CSV parser loaded on demand)', () => {
  test('an export reads back and plans as unchanged, hostile strings intact', async () => {
    const types = [
      ...systemTypes,
      type({ id: 'h1', key: 'h1', name: '=HYPERLINK("http://evil.example","x")', description: 'a, "b"\r\nc 🎉 مرحبا' }),
    ];
    const csv = exportOutcomeTypes(types, 'csv');
    assert.match(csv, /'=HYPERLINK/);
    const rows = await readImportText(`\uFEFF${csv}`);
    assert.ok(Array.isArray(rows), rows.error);
    const plan = planImport(types, rows, MEMORY_RULES);
    assert.equal(plan.unchanged.length, types.length);
    assert.equal(rows.at(-1).description, 'a, "b"\r\nc 🎉 مرحبا');
  });

  test('malformed CSV names the line', async () => {
    assert.deepEqual(await readImportText('key,name\na,b\nc,"open\n'), { error: 'CSV line 3: a quoted field opened here is never closed' });
  });

  test('malformed JSON names the line', async () => {
    assert.deepEqual(await readImportText('[\n{"key": "a"},\n{key}\n]'), { error: 'JSON line 3, column 2: unexpected "k"' });
  });
});
