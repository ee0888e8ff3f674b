import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  OutcomeRecordSchema,
  OutcomeTypeSchema,
  RecordedOutcomeSchema,
} from '../../src/model/schemas.js';
import { parseWith } from '../../src/model/parse.js';
import { CATEGORIES, CLASSIFICATIONS, KINDS, STATUSES } from '../../src/model/vocabulary.js';

describe('OutcomeTypeSchema', () => {
  it('fills every default of the canonical model', () => {
    const result = parseWith(OutcomeTypeSchema, { id: 'ot_1', key: 'sale', name: 'Sale' });
    expect(result.ok).to.be.true;
    if (!result.ok) return;
    expect(result.value).to.deep.equal({
      id: 'ot_1',
      key: 'sale',
      name: 'Sale',
      description: '',
      classification: 'neutral',
      category: 'response',
      kind: 'disposition',
      ordinal: 99,
      status: 'active',
      isSystem: false,
      requiresFutureScheduledAt: false,
      extras: {},
    });
  });

  it('reads what the seeds return: microsecond dates with offsets, destinations, URLs', () => {
    const result = parseWith(OutcomeTypeSchema, {
      id: 'outcome_03oUxZfoO6e2vHmcz1DiHR',
      key: 'outcome_03oUxZfoO6e2vHmcz1DiHR',
      name: 'Demo Booked',
      appliesTo: ['calls', 'meetings'],
      createdAt: '2025-07-29T10:30:00.000000+00:00',
      destination: { type: 'smart_list', id: '00000000-0000-4000-8000-000000000002', name: 'Follow up' },
      webhookUrl: 'https://example.com/sailor/outcomes',
      extras: { organization_id: 'orga_1' },
    });
    expect(result.ok, result.ok ? '' : result.message).to.be.true;
  });

  it('names the failing path and the reason', () => {
    const result = parseWith(OutcomeTypeSchema, {
      id: 'x',
      key: 'k',
      name: 'N',
      classification: 'great',
      destination: { type: 'smart_list' },
    });
    expect(result.ok).to.be.false;
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).to.include('$.classification');
    expect(result.message).to.match(/\$\.destination/);
  });

  it('rejects a webhook that is not http(s) and a destination that mixes recipes', () => {
    for (const webhookUrl of ['javascript:alert(1)', 'ftp://example.com/x', 'not a url']) {
      expect(parseWith(OutcomeTypeSchema, { id: 'x', key: 'k', name: 'N', webhookUrl }).ok, webhookUrl).to.be.false;
    }
    const both = { type: 'remove_from_smart_list', all: true, listIds: ['a'] };
    expect(parseWith(OutcomeTypeSchema, { id: 'x', key: 'k', name: 'N', destination: both }).ok).to.be.false;
    const listOnRemoval = { type: 'remove_from_smart_list', all: true, id: 'list-1' };
    expect(parseWith(OutcomeTypeSchema, { id: 'x', key: 'k', name: 'N', destination: listOnRemoval }).ok).to.be.false;
    expect(
      parseWith(OutcomeTypeSchema, { id: 'x', key: 'k', name: 'N', destination: { type: 'remove_from_smart_list', listIds: [] } }).ok,
    ).to.be.false;
  });

  it('never throws on any JSON value: it parses or fails with a path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseWith(OutcomeTypeSchema, value);
        if (!result.ok) {
          expect(result.issues.length).to.be.above(0);
          for (const issue of result.issues) expect(issue.path.startsWith('$')).to.be.true;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on objects that look almost right', () => {
    const almost = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        key: fc.oneof(fc.string(), fc.constant(undefined)),
        name: fc.oneof(fc.string(), fc.boolean()),
        classification: fc.oneof(fc.constantFrom(...CLASSIFICATIONS), fc.string()),
        ordinal: fc.oneof(fc.integer(), fc.double(), fc.string()),
        createdAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(almost, (value) => {
        const result = parseWith(OutcomeTypeSchema, value);
        expect(typeof result.ok).to.equal('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every valid outcome type through JSON unchanged', () => {
    const outcomeType = fc.record({
      id: fc.string({ minLength: 1 }),
      key: fc.string({ minLength: 1 }),
      name: fc.string({ minLength: 1 }),
      description: fc.string(),
      classification: fc.constantFrom(...CLASSIFICATIONS),
      category: fc.constantFrom(...CATEGORIES),
      kind: fc.constantFrom(...KINDS),
      ordinal: fc.integer({ min: -1000, max: 100000 }),
      status: fc.constantFrom(...STATUSES),
      isSystem: fc.boolean(),
      requiresFutureScheduledAt: fc.boolean(),
      // `__proto__` is covered by its own test below: it is dropped, never round-tripped.
      extras: fc.dictionary(fc.string().filter((key) => key !== '__proto__'), fc.jsonValue()),
    });
    fc.assert(
      fc.property(outcomeType, (value) => {
        const once = OutcomeTypeSchema.parse(value);
        const twice = OutcomeTypeSchema.parse(JSON.parse(JSON.stringify(once)));
        // Compared as JSON: JSON itself turns -0 into 0, which is not the schema's doing.
        expect(JSON.stringify(twice)).to.equal(JSON.stringify(once));
        expect(once).to.deep.equal(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile extras', () => {
  it('drops a __proto__ key from a backend instead of letting it reach a prototype', () => {
    const wire = JSON.parse('{"id":"x","key":"k","name":"n","extras":{"__proto__":{"polluted":true},"ok":1}}');
    const result = parseWith(OutcomeTypeSchema, wire);
    expect(result.ok).to.be.true;
    if (!result.ok) return;
    expect(result.value.extras).to.deep.equal({ ok: 1 });
    expect((result.value.extras as { polluted?: unknown }).polluted).to.equal(undefined);
    expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
  });
});

describe('OutcomeRecordSchema and RecordedOutcomeSchema', () => {
  it('accept a record with a future date and reject an unknown source', () => {
    const record = { subjectId: 'call-1', outcomeKey: 'callback', scheduledAt: '2030-01-01T10:00:00.000Z', source: 'agent' };
    expect(parseWith(OutcomeRecordSchema, record).ok).to.be.true;
    expect(parseWith(OutcomeRecordSchema, { ...record, source: 'bot' }).ok).to.be.false;
    expect(parseWith(OutcomeRecordSchema, { ...record, scheduledAt: 'tomorrow' }).ok).to.be.false;
  });

  it('require the id and time the backend acknowledged', () => {
    const record = { subjectId: 'call-1', outcomeKey: 'sale', source: 'timeout' };
    expect(parseWith(RecordedOutcomeSchema, record).ok).to.be.false;
    expect(parseWith(RecordedOutcomeSchema, { ...record, id: 'r1', recordedAt: '2026-11-24T10:00:00Z' }).ok).to.be.true;
  });
});
