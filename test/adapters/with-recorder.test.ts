import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { withRecorder } from '../../src/adapters/with-recorder.js';
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import type { OutcomeRecord } from '../../src/model/types.js';

/** An adapter without recording, like the outcome-types, Close and Sailor backends. */
function listOnly(): OutcomeAdapter {
  const memory = new MemoryAdapter({ role: 'editor' });
  return {
    capabilities: { ...memory.capabilities, record: false },
    listOutcomeTypes: (options) => memory.listOutcomeTypes(options),
  };
}

const record: OutcomeRecord = { subjectId: 'call-9', outcomeKey: 'click', source: 'agent' };

describe('withRecorder', () => {
  it('adds recording and says so in capabilities, leaving the rest to the adapter', async () => {
    const calls: [OutcomeRecord, string][] = [];
    const adapter = withRecorder(listOnly(), (input, options) => {
      calls.push([input, options.idempotencyKey]);
      return { ...input, id: 'rec-1', recordedAt: '2026-11-24T10:00:00.000Z' };
    });
    expect(adapter.capabilities.record).to.be.true;
    expect(adapter.capabilities).to.equal(adapter.capabilities);
    expect(await adapter.listOutcomeTypes()).to.have.length(10);
    const recorded = await adapter.recordOutcome(record, { idempotencyKey: 'idem-1' });
    expect(recorded).to.deep.equal({ ...record, id: 'rec-1', recordedAt: '2026-11-24T10:00:00.000Z' });
    expect(calls).to.deep.equal([[record, 'idem-1']]);
  });

  it('keeps class instances working: private fields and this stay the adapter’s', async () => {
    const memory = new MemoryAdapter();
    const adapter = withRecorder(memory, () => undefined);
    const [first] = await adapter.listOutcomeTypes();
    expect((await adapter.getOutcomeType!(first!.id)).key).to.equal('impression');
  });

  it('acknowledges a host recorder that returns nothing, keyed by the idempotency key', async () => {
    const adapter = withRecorder(listOnly(), async () => undefined);
    const recorded = await adapter.recordOutcome(record, { idempotencyKey: 'idem-2' });
    expect(recorded).to.deep.include({ ...record, id: 'idem-2' });
    expect(Date.parse(recorded.recordedAt)).to.be.a('number').and.not.NaN;
  });

  it('never calls the host with a malformed record', async () => {
    let called = false;
    const adapter = withRecorder(listOnly(), () => { called = true; });
    try {
      await adapter.recordOutcome({ ...record, outcomeKey: '' }, { idempotencyKey: 'x' });
      expect.fail('should reject');
    } catch (error) {
      expect((error as OutcomeAdapterError).code).to.equal('validation');
    }
    expect(called).to.be.false;
  });

  it('turns what the host throws into OutcomeAdapterErrors, and a malformed answer into bad_response', async () => {
    const failing = withRecorder(listOnly(), () => { throw new Error('disk full'); });
    const error = await failing.recordOutcome(record, { idempotencyKey: 'a' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OutcomeAdapterError);
    expect((error as OutcomeAdapterError).message).to.equal('disk full');

    const passthrough = withRecorder(listOnly(), () => { throw new OutcomeAdapterError('rate_limited', 'slow down'); });
    expect(((await passthrough.recordOutcome(record, { idempotencyKey: 'b' }).catch((e: unknown) => e)) as OutcomeAdapterError).code).to.equal('rate_limited');

    const malformed = withRecorder(listOnly(), () => ({ id: 42 }) as never);
    expect(((await malformed.recordOutcome(record, { idempotencyKey: 'c' }).catch((e: unknown) => e)) as OutcomeAdapterError).code).to.equal('bad_response');
  });
});
