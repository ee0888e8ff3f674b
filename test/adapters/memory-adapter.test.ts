import { expect } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/memory-adapter.js';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import { CLOSE_RULES, SAILOR_RULES } from '../../src/adapters/rules.js';
import type { OutcomeTypeInput } from '../../src/model/types.js';
import { rejection } from '../helpers/rejection.js';

/** A Storage that lives only for one test. */
class TestStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}


const purchased: OutcomeTypeInput = {
  key: 'purchased',
  name: 'Purchased',
  description: '',
  classification: 'positive',
  category: 'response',
  kind: 'disposition',
  ordinal: 10,
  status: 'active',
  requiresFutureScheduledAt: false,
};

function adapter(options: MemoryAdapterOptions = {}) {
  const reports: InvalidItemReport[] = [];
  const instance = new MemoryAdapter({ onInvalidItem: (report) => reports.push(report), ...options });
  return { adapter: instance, reports };
}

describe('MemoryAdapter', () => {
  describe('listing', () => {
    it('seeds the ten system defaults on first list, in order', async () => {
      const { adapter: memory } = adapter();
      const types = await memory.listOutcomeTypes();
      expect(types.map((type) => type.key)).to.deep.equal([
        'impression', 'click', 'dismiss', 'accept', 'convert',
        'not_presented', 'requested_info', 'not_interested', 'expired', 'deferred',
      ]);
      expect(types.every((type) => type.isSystem && type.status === 'active')).to.be.true;
      expect(types.map((type) => type.ordinal)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('seeds given outcome types instead, sorted, reporting a malformed one', async () => {
      const { adapter: memory, reports } = adapter({
        outcomeTypes: [
          { key: 'callback', name: 'Call back', ordinal: 2, requiresFutureScheduledAt: true },
          { key: 'sale', name: 'Sale', ordinal: 1, classification: 'positive' },
          { key: 'broken', name: 'Broken', classification: 'amazing' as never },
        ],
      });
      const types = await memory.listOutcomeTypes();
      expect(types.map((type) => type.key)).to.deep.equal(['sale', 'callback']);
      expect(reports).to.have.length(1);
      expect(reports[0]!.message).to.contain('classification');
    });

    it('returns copies: changing a result changes nothing stored', async () => {
      const { adapter: memory } = adapter();
      const [first] = await memory.listOutcomeTypes();
      first!.name = 'Hacked';
      const again = await memory.getOutcomeType(first!.id);
      expect(again.name).to.equal('Impression');
    });
  });

  describe('creating', () => {
    it('creates a custom type with isSystem false and timestamps', async () => {
      const { adapter: memory } = adapter({ now: () => Date.parse('2026-11-24T10:00:00Z') });
      const created = await memory.createOutcomeType(purchased);
      expect(created).to.deep.include({ key: 'purchased', isSystem: false, createdAt: '2026-11-24T10:00:00.000Z' });
      expect((await memory.listOutcomeTypes()).map((type) => type.key)).to.include('purchased');
    });

    it('refuses a duplicate key as a validation error on the key', async () => {
      const { adapter: memory } = adapter();
      const error = await rejection(memory.createOutcomeType({ ...purchased, key: 'click' }));
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.have.property('key');
    });

    it('refuses a missing name and an overlong key, naming both fields', async () => {
      const { adapter: memory } = adapter();
      const error = await rejection(memory.createOutcomeType({ ...purchased, key: 'k'.repeat(256), name: '' }));
      expect(error.code).to.equal('validation');
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal(['key', 'name']);
    });

    it('answers a create repeated with its idempotency key with the type it made, not a second one', async () => {
      const storage = new TestStorage();
      const { adapter: memory } = adapter({ storage });
      const first = await memory.createOutcomeType(purchased, { idempotencyKey: 'form-1' });
      expect(await memory.createOutcomeType(purchased, { idempotencyKey: 'form-1' })).to.deep.equal(first);
      const { adapter: reloaded } = adapter({ storage });
      expect(await reloaded.createOutcomeType(purchased, { idempotencyKey: 'form-1' }), 'the key is kept with the types').to.deep.equal(first);
      expect((await memory.listOutcomeTypes()).filter((type) => type.key === 'purchased')).to.have.length(1);
    });

    it('answers conflict when a create key is reused for other input, and duplicate key without a key', async () => {
      const { adapter: memory } = adapter();
      await memory.createOutcomeType(purchased, { idempotencyKey: 'form-1' });
      const reused = await rejection(memory.createOutcomeType({ ...purchased, key: 'bought' }, { idempotencyKey: 'form-1' }));
      expect(reused).to.deep.include({ code: 'conflict', status: 409 });
      const unkeyed = await rejection(memory.createOutcomeType(purchased));
      expect(unkeyed.code).to.equal('validation');
      expect(unkeyed.fieldErrors).to.have.property('key');
      expect((await memory.listOutcomeTypes()).filter((type) => ['purchased', 'bought'].includes(type.key))).to.have.length(1);
    });

    it('keeps extras and every canonical field it was given', async () => {
      const { adapter: memory } = adapter();
      const created = await memory.createOutcomeType({
        ...purchased,
        destination: { type: 'smart_list', id: 'list-1' },
        webhookUrl: 'https://example.com/hook',
        extras: { crmField: 42 },
      });
      const read = await memory.getOutcomeType(created.id);
      expect(read.destination).to.deep.equal({ type: 'smart_list', id: 'list-1' });
      expect(read.extras).to.deep.equal({ crmField: 42 });
    });
  });

  describe('updating', () => {
    it('changes only the given fields of a custom type', async () => {
      const { adapter: memory } = adapter();
      const created = await memory.createOutcomeType(purchased);
      const updated = await memory.updateOutcomeType(created.id, { name: 'Bought', status: 'paused' });
      expect(updated).to.deep.include({ name: 'Bought', status: 'paused', key: 'purchased', ordinal: 10 });
    });

    it('locks key, classification, category and status of system types', async () => {
      const { adapter: memory } = adapter();
      const click = (await memory.listOutcomeTypes()).find((type) => type.key === 'click')!;
      for (const changes of [{ key: 'clicked' }, { classification: 'negative' as const }, { category: 'impression' as const }, { status: 'archived' as const }]) {
        const error = await rejection(memory.updateOutcomeType(click.id, changes));
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.deep.equal(Object.keys(changes));
      }
      const renamed = await memory.updateOutcomeType(click.id, { name: 'Clicked', description: 'Opened it', ordinal: 20 });
      expect(renamed).to.deep.include({ name: 'Clicked', description: 'Opened it', ordinal: 20, key: 'click' });
    });

    it('clears an optional field given as undefined', async () => {
      const { adapter: memory } = adapter();
      const created = await memory.createOutcomeType({ ...purchased, webhookUrl: 'https://example.com/hook' });
      const updated = await memory.updateOutcomeType(created.id, { webhookUrl: undefined });
      expect(updated.webhookUrl).to.equal(undefined);
      expect((await memory.getOutcomeType(created.id)).webhookUrl).to.equal(undefined);
    });

    it('refuses to take another type’s key', async () => {
      const { adapter: memory } = adapter();
      const created = await memory.createOutcomeType(purchased);
      const error = await rejection(memory.updateOutcomeType(created.id, { key: 'dismiss' }));
      expect(error.fieldErrors).to.have.property('key');
    });

    it('answers not_found for an unknown id', async () => {
      const { adapter: memory } = adapter();
      const error = await rejection(memory.updateOutcomeType('nope', { name: 'x' }));
      expect(error.code).to.equal('not_found');
      expect(error.status).to.equal(404);
    });
  });

  describe('deleting', () => {
    it('deletes a custom type', async () => {
      const { adapter: memory } = adapter();
      const created = await memory.createOutcomeType(purchased);
      await memory.deleteOutcomeType(created.id);
      expect((await memory.listOutcomeTypes()).some((type) => type.id === created.id)).to.be.false;
    });

    it('forbids deleting a system type and keeps it', async () => {
      const { adapter: memory } = adapter();
      const [impression] = await memory.listOutcomeTypes();
      const error = await rejection(memory.deleteOutcomeType(impression!.id));
      expect(error.code).to.equal('forbidden');
      expect(error.status).to.equal(403);
      expect(await memory.listOutcomeTypes()).to.have.length(10);
    });

    it('answers not_found for an unknown id', async () => {
      const { adapter: memory } = adapter();
      expect((await rejection(memory.deleteOutcomeType('missing'))).code).to.equal('not_found');
    });
  });

  describe('another backend’s rules (the `rules` option)', () => {
    it('announces and enforces Sailor’s fields: the editor shows Sailor’s form, and its checks hold', async () => {
      const { adapter: memory } = adapter({ rules: SAILOR_RULES });
      expect(Object.keys(memory.capabilities.fields).sort()).to.deep.equal(['destination', 'kind', 'name', 'ordinal', 'webhookUrl']);
      expect(memory.capabilities.crossField).to.equal(SAILOR_RULES.crossField);
      // Sailor has no key: a new type is named by its id, as Sailor names it by outcome_id.
      const created = await memory.createOutcomeType({ ...purchased, key: undefined as unknown as string, kind: 'disposition' });
      expect(created.key).to.equal(created.id);
      // Fields Sailor does not have are not stored from the input: the canonical defaults stand.
      expect(created.classification).to.equal('neutral');
      const tooLong = await rejection(memory.updateOutcomeType(created.id, { name: 'n'.repeat(121) }));
      expect(tooLong.fieldErrors).to.have.property('name');
      const action = await rejection(memory.createOutcomeType({ ...purchased, key: undefined as unknown as string, kind: 'action' }));
      expect(action.code).to.equal('validation');
      expect(action.fieldErrors).to.have.property('webhookUrl');
      const withHook = await memory.createOutcomeType({ ...purchased, key: undefined as unknown as string, kind: 'action', webhookUrl: 'https://hooks.example/x' });
      expect(withHook).to.deep.include({ kind: 'action', webhookUrl: 'https://hooks.example/x' });
    });

    it('announces Close’s fields and refuses what Close does not let a caller change', async () => {
      const { adapter: memory } = adapter({ rules: CLOSE_RULES });
      expect(Object.keys(memory.capabilities.fields).sort()).to.deep.equal(['appliesTo', 'autoAppliedOn', 'description', 'name']);
      const created = await memory.createOutcomeType({ ...purchased, key: undefined as unknown as string, name: 'Left a voicemail' });
      const error = await rejection(memory.updateOutcomeType(created.id, { appliesTo: ['calls'] }));
      expect(error.fieldErrors).to.have.property('appliesTo');
    });
  });

  describe('roles', () => {
    it('forbids every write to a viewer, and still lets it list and record', async () => {
      const { adapter: memory } = adapter({ role: 'viewer' });
      expect(memory.capabilities.role).to.equal('viewer');
      const [first] = await memory.listOutcomeTypes();
      expect((await rejection(memory.createOutcomeType(purchased))).code).to.equal('forbidden');
      expect((await rejection(memory.updateOutcomeType(first!.id, { name: 'x' }))).code).to.equal('forbidden');
      expect((await rejection(memory.deleteOutcomeType(first!.id))).code).to.equal('forbidden');
      const recorded = await memory.recordOutcome({ subjectId: 'call-1', outcomeKey: 'click', source: 'agent' }, { idempotencyKey: 'k1' });
      expect(recorded.outcomeKey).to.equal('click');
    });
  });

  describe('recording', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const seeds = [
      { key: 'sale', name: 'Sale' },
      { key: 'callback', name: 'Call back', requiresFutureScheduledAt: true },
      { key: 'old', name: 'Old', status: 'archived' as const },
    ];

    it('stores a record once per idempotency key, however often it is sent', async () => {
      const { adapter: memory } = adapter({ outcomeTypes: seeds, now: () => now });
      const record = { subjectId: 'call-1', outcomeKey: 'sale', source: 'agent' as const };
      const [first, second] = await Promise.all([
        memory.recordOutcome(record, { idempotencyKey: 'key-1' }),
        memory.recordOutcome(record, { idempotencyKey: 'key-1' }),
      ]);
      const third = await memory.recordOutcome(record, { idempotencyKey: 'key-1' });
      expect(second).to.deep.equal(first);
      expect(third).to.deep.equal(first);
      expect(memory.listRecords()).to.have.length(1);
      expect(first!.recordedAt).to.equal('2026-11-24T12:00:00.000Z');
      await memory.recordOutcome(record, { idempotencyKey: 'key-2' });
      expect(memory.listRecords()).to.have.length(2);
    });

    it('answers conflict when a key is reused for a different record', async () => {
      const { adapter: memory } = adapter({ outcomeTypes: seeds });
      await memory.recordOutcome({ subjectId: 'call-1', outcomeKey: 'sale', source: 'agent' }, { idempotencyKey: 'key-1' });
      const error = await rejection(memory.recordOutcome({ subjectId: 'call-2', outcomeKey: 'sale', source: 'agent' }, { idempotencyKey: 'key-1' }));
      expect(error.code).to.equal('conflict');
      expect(memory.listRecords()).to.have.length(1);
    });

    it('accepts only known active outcome keys', async () => {
      const { adapter: memory } = adapter({ outcomeTypes: seeds });
      for (const outcomeKey of ['nope', 'old']) {
        const error = await rejection(memory.recordOutcome({ subjectId: 'c', outcomeKey, source: 'agent' }, { idempotencyKey: outcomeKey }));
        expect(error.code).to.equal('validation');
        expect(error.fieldErrors).to.have.property('outcomeKey');
      }
      expect(memory.listRecords()).to.have.length(0);
    });

    it('requires a strictly future date exactly when the outcome asks for one', async () => {
      const { adapter: memory } = adapter({ outcomeTypes: seeds, now: () => now });
      const cases: [string, string | undefined][] = [
        ['callback', undefined],
        ['callback', '2026-11-24T12:00:00.000Z'],
        ['callback', '2026-11-24T11:00:00.000Z'],
        ['sale', '2026-11-25T12:00:00.000Z'],
      ];
      for (const [outcomeKey, scheduledAt] of cases) {
        const error = await rejection(
          memory.recordOutcome({ subjectId: 'c', outcomeKey, scheduledAt, source: 'agent' }, { idempotencyKey: `${outcomeKey}${scheduledAt}` }),
        );
        expect(error.fieldErrors, `${outcomeKey} ${scheduledAt}`).to.have.property('scheduledAt');
      }
      const ok = await memory.recordOutcome(
        { subjectId: 'c', outcomeKey: 'callback', scheduledAt: '2026-11-24T12:00:01.000Z', source: 'agent' },
        { idempotencyKey: 'ok' },
      );
      expect(ok.scheduledAt).to.equal('2026-11-24T12:00:01.000Z');
    });

    it('rejects a malformed record with the failing fields named', async () => {
      const { adapter: memory } = adapter({ outcomeTypes: seeds });
      const error = await rejection(
        memory.recordOutcome({ subjectId: '', outcomeKey: 'sale', source: 'robot' } as never, { idempotencyKey: 'x' }),
      );
      expect(error.code).to.equal('validation');
      expect(Object.keys(error.fieldErrors).sort()).to.deep.equal(['source', 'subjectId']);
    });
  });

  describe('persistence', () => {
    it('survives a new instance on the same storage: types, records and idempotency', async () => {
      const storage = new TestStorage();
      const first = new MemoryAdapter({ storage });
      const created = await first.createOutcomeType(purchased);
      const record = { subjectId: 'call-1', outcomeKey: 'purchased', source: 'agent' as const };
      const recorded = await first.recordOutcome(record, { idempotencyKey: 'k' });

      const second = new MemoryAdapter({ storage });
      expect((await second.getOutcomeType(created.id)).name).to.equal('Purchased');
      expect(await second.recordOutcome(record, { idempotencyKey: 'k' })).to.deep.equal(recorded);
      expect(second.listRecords()).to.have.length(1);
    });

    it('sees changes another instance made to the same storage', async () => {
      const storage = new TestStorage();
      const settings = new MemoryAdapter({ storage });
      const agentView = new MemoryAdapter({ storage });
      await agentView.listOutcomeTypes();
      await settings.createOutcomeType(purchased);
      expect((await agentView.listOutcomeTypes()).map((type) => type.key)).to.include('purchased');
    });

    for (const [label, stored] of [
      ['text that is not JSON', '{"version":1,'],
      ['JSON of the wrong shape', '{"version":7,"types":"all of them"}'],
      ['an array', '[1,2,3]'],
    ] as const) {
      it(`reports and replaces ${label} with the defaults, without throwing`, async () => {
        const storage = new TestStorage();
        storage.setItem('outcomes', stored);
        const reports: InvalidItemReport[] = [];
        const memory = new MemoryAdapter({ storage, storageKey: 'outcomes', onInvalidItem: (r) => reports.push(r) });
        const types = await memory.listOutcomeTypes();
        expect(types).to.have.length(10);
        expect(reports).to.have.length(1);
        expect(reports[0]!.message).to.contain('corrupt');
        expect(JSON.parse(storage.getItem('outcomes')!).version).to.equal(1);
      });
    }

    it('leaves out one malformed stored item and keeps the rest', async () => {
      const storage = new TestStorage();
      const memory = new MemoryAdapter({ storage, storageKey: 's' });
      await memory.createOutcomeType(purchased);
      const state = JSON.parse(storage.getItem('s')!);
      state.outcomeTypes[0].classification = 'superb';
      storage.setItem('s', JSON.stringify(state));
      const reports: InvalidItemReport[] = [];
      const again = new MemoryAdapter({ storage, storageKey: 's', onInvalidItem: (r) => reports.push(r) });
      expect(await again.listOutcomeTypes()).to.have.length(10);
      expect(reports[0]!.message).to.match(/\$\[0\]\.classification/);
    });

    it('keeps working in memory when the storage refuses writes', async () => {
      const reports: InvalidItemReport[] = [];
      const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
      const memory = new MemoryAdapter({ storage: full, onInvalidItem: (r) => reports.push(r) });
      const created = await memory.createOutcomeType(purchased);
      expect((await memory.getOutcomeType(created.id)).key).to.equal('purchased');
      expect(reports.some((r) => r.message.includes('not writable'))).to.be.true;
    });
  });

  describe('latency and failures', () => {
    it('waits latencyMs and can be aborted while waiting', async () => {
      const { adapter: memory } = adapter({ latencyMs: 60 });
      const started = performance.now();
      await memory.listOutcomeTypes();
      expect(performance.now() - started).to.be.at.least(55);
      const controller = new AbortController();
      const pending = memory.listOutcomeTypes({ signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)).code).to.equal('aborted');
    });

    it('is aborted, not failed otherwise, when the signal was aborted before the call', async () => {
      const controller = new AbortController();
      controller.abort();
      expect((await rejection(adapter().adapter.listOutcomeTypes({ signal: controller.signal }))).code).to.equal('aborted');
    });

    it('fails with a retryable network error at the failure rate, changing nothing', async () => {
      let dice = 0;
      const { adapter: memory } = adapter({ failureRate: 0.5, random: () => dice });
      dice = 0.1;
      const error = await rejection(memory.createOutcomeType(purchased));
      expect(error.code).to.equal('network');
      expect(error.retryable).to.be.true;
      dice = 0.9;
      expect((await memory.listOutcomeTypes()).some((type) => type.key === 'purchased')).to.be.false;
    });
  });
});
