import { expect } from '@open-wc/testing';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { Outbox, type OutboxEntry } from '../../src/controllers/outbox.js';
import { indexedDbStore, memoryStore, pageOutboxStore, type OutboxStore } from '../../src/controllers/outbox-store.js';
import type { OutcomeRecord, RecordedOutcome } from '../../src/model/types.js';

const record: OutcomeRecord = { subjectId: 'call-1', outcomeKey: 'sale', source: 'agent' };

function recorder(fail?: OutcomeAdapterError) {
  const sent: string[] = [];
  const send = async (input: OutcomeRecord, key: string): Promise<RecordedOutcome> => {
    sent.push(key);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (fail) throw fail;
    return { ...input, id: key, recordedAt: '2026-11-24T10:00:00.000Z' };
  };
  return { sent, send };
}

/** What another page of the origin would read: its own connection to the same database. */
const otherPage = (): Outbox => new Outbox(indexedDbStore(() => indexedDB));

describe('Outbox', () => {
  beforeEach(async () => {
    const store = pageOutboxStore();
    for (const entry of (await store.all()) as OutboxEntry[]) await store.delete(entry.idempotencyKey);
  });

  it('keeps queued records in IndexedDB and sends each with its own key until acknowledged', async () => {
    await new Outbox().enqueue(record, 'k1');
    await new Outbox().enqueue({ ...record, subjectId: 'call-2' }, 'k2');
    // Durable and visible to every page of the origin.
    expect((await otherPage().entries()).map((entry) => entry.idempotencyKey)).to.deep.equal(['k1', 'k2']);
    const down = recorder(new OutcomeAdapterError('network', 'offline'));
    expect(await new Outbox().flush(down.send)).to.deep.equal([]);
    expect((await new Outbox().entries()).map((entry) => [entry.idempotencyKey, entry.attempts, entry.lastError])).to.deep.equal([['k1', 1, 'offline'], ['k2', 1, 'offline']]);
    const up = recorder();
    const acknowledged = await new Outbox().flush(up.send);
    expect(acknowledged.map((recorded) => recorded.id)).to.deep.equal(['k1', 'k2']);
    expect(up.sent).to.deep.equal(['k1', 'k2']);
    expect(await otherPage().pending()).to.equal(0);
  });

  it('hands what was acknowledged only to the caller that started the flush', async () => {
    const outbox = new Outbox();
    await outbox.enqueue(record, 'k1');
    const up = recorder();
    const [first, joined] = await Promise.all([outbox.flush(up.send), outbox.flush(up.send)]);
    expect(first.map((recorded) => recorded.id)).to.deep.equal(['k1']);
    expect(joined).to.deep.equal([]);
    expect(up.sent).to.deep.equal(['k1']);
  });

  it('sends and announces each record once when outboxes on separate connections flush at the same time', async () => {
    await new Outbox().enqueue(record, 'k1');
    await new Outbox().enqueue({ ...record, subjectId: 'call-2' }, 'k2');
    const up = recorder();
    const results = await Promise.all([otherPage().flush(up.send), otherPage().flush(up.send), new Outbox().flush(up.send)]);
    expect(up.sent).to.deep.equal(['k1', 'k2']);
    expect(results.flat().map((recorded) => recorded.id).sort()).to.deep.equal(['k1', 'k2']);
  });

  it('keeps a record the backend refuses for good, marked, instead of dropping or retrying it', async () => {
    await new Outbox().enqueue(record, 'k1');
    const refusing = recorder(new OutcomeAdapterError('validation', 'outcome retired'));
    await new Outbox().flush(refusing.send);
    await new Outbox().flush(refusing.send);
    expect(refusing.sent).to.deep.equal(['k1']);
    const [entry] = await new Outbox().entries();
    expect(entry).to.deep.include({ rejected: true, lastError: 'outcome retired' });
    expect(await new Outbox().pending()).to.equal(0);
  });

  it('keeps retrying after an abort: an aborted send is not a refusal', async () => {
    await new Outbox().enqueue(record, 'k1');
    await new Outbox().flush(recorder(new OutcomeAdapterError('aborted', 'page left')).send);
    expect(await new Outbox().pending()).to.equal(1);
  });

  it('works in memory where IndexedDB is refused (opaque origins throw on open)', async () => {
    const refused = indexedDbStore(() => ({
      open() {
        throw new DOMException('Access to the Indexed Database API is denied in this context.', 'SecurityError');
      },
    }) as unknown as IDBFactory);
    const outbox = new Outbox(refused);
    await outbox.enqueue(record, 'k9');
    expect(await new Outbox(refused).pending()).to.equal(1);
    const up = recorder();
    expect((await outbox.flush(up.send)).map((recorded) => recorded.id)).to.deep.equal(['k9']);
    expect(await outbox.pending()).to.equal(0);
    // Nothing reached the page's real outbox.
    expect(await new Outbox().pending()).to.equal(0);
  });

  it('does not bring back an entry another page acknowledged while this one queued', async () => {
    await new Outbox().enqueue(record, 'k1');
    const up = recorder();
    const flushing = otherPage().flush(up.send);
    // Another page queues while the first flush is sending k1.
    await new Outbox().enqueue({ ...record, subjectId: 'call-2' }, 'k2');
    await flushing;
    await new Outbox().flush(up.send);
    await otherPage().flush(up.send);
    expect(up.sent).to.deep.equal(['k1', 'k2']);
    expect(await new Outbox().pending()).to.equal(0);
  });

  it('rejects when storage refuses a record, instead of pretending it is queued', async () => {
    const full: OutboxStore = { ...memoryStore(), put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    let error: unknown;
    await new Outbox(full).enqueue(record, 'k1').catch((thrown: unknown) => (error = thrown));
    expect((error as DOMException).name).to.equal('QuotaExceededError');
  });

  it('does not announce a delivered record whose removal failed; the next flush resends it (same key) and announces it then', async () => {
    const memory = memoryStore();
    let failDeletes = true;
    const flaky: OutboxStore = { ...memory, delete: (key) => (failDeletes ? Promise.reject(new DOMException('busy', 'UnknownError')) : memory.delete(key)) };
    const outbox = new Outbox(flaky);
    await outbox.enqueue(record, 'k1');
    const up = recorder();
    expect(await outbox.flush(up.send)).to.deep.equal([]);
    failDeletes = false;
    expect((await outbox.flush(up.send)).map((recorded) => recorded.id)).to.deep.equal(['k1']);
    expect(up.sent).to.deep.equal(['k1', 'k1']);
  });

  it('skips a corrupt stored value instead of throwing', async () => {
    const store = memoryStore();
    await store.put({ idempotencyKey: 'broken' } as OutboxEntry);
    await store.put('not an entry' as unknown as OutboxEntry).catch(() => undefined);
    const outbox = new Outbox(store);
    expect(await outbox.entries()).to.deep.equal([]);
    await outbox.enqueue(record, 'k1');
    expect(await outbox.pending()).to.equal(1);
  });
});
