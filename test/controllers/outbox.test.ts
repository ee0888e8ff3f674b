import { expect } from '@open-wc/testing';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { Outbox } from '../../src/controllers/outbox.js';
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

describe('Outbox', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('outcome-elements:outbox')) localStorage.removeItem(key);
  });

  it('keeps queued records in localStorage and sends each with its own key until acknowledged', async () => {
    new Outbox().enqueue(record, 'k1');
    new Outbox().enqueue({ ...record, subjectId: 'call-2' }, 'k2');
    const down = recorder(new OutcomeAdapterError('network', 'offline'));
    expect(await new Outbox().flush(down.send)).to.deep.equal([]);
    expect(new Outbox().entries().map((entry) => [entry.idempotencyKey, entry.attempts])).to.deep.equal([['k1', 1], ['k2', 1]]);
    const up = recorder();
    const acknowledged = await new Outbox().flush(up.send);
    expect(acknowledged.map((recorded) => recorded.id)).to.deep.equal(['k1', 'k2']);
    expect(new Outbox().pending).to.equal(0);
  });

  it('hands what was acknowledged only to the caller that started the flush', async () => {
    const outbox = new Outbox();
    outbox.enqueue(record, 'k1');
    const up = recorder();
    const [first, joined] = await Promise.all([outbox.flush(up.send), outbox.flush(up.send)]);
    expect(first.map((recorded) => recorded.id)).to.deep.equal(['k1']);
    expect(joined).to.deep.equal([]);
    expect(up.sent).to.deep.equal(['k1']);
  });

  it('sends each record once when several outboxes flush at the same time (one lock for all tabs)', async () => {
    new Outbox().enqueue(record, 'k1');
    const up = recorder();
    const results = await Promise.all([new Outbox().flush(up.send), new Outbox().flush(up.send), new Outbox().flush(up.send)]);
    expect(up.sent).to.deep.equal(['k1']);
    expect(results.flat()).to.have.length(1);
  });

  it('keeps a record the backend refuses for good, marked, instead of dropping or retrying it', async () => {
    new Outbox().enqueue(record, 'k1');
    const refusing = recorder(new OutcomeAdapterError('validation', 'outcome retired'));
    await new Outbox().flush(refusing.send);
    await new Outbox().flush(refusing.send);
    expect(refusing.sent).to.deep.equal(['k1']);
    const [entry] = new Outbox().entries();
    expect(entry).to.deep.include({ rejected: true, lastError: 'outcome retired' });
    expect(new Outbox().pending).to.equal(0);
  });

  it('works on a page that may not touch localStorage (opaque origin), in memory', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      const { webStorage } = await import('../../src/controllers/web-storage.js');
      expect(() => webStorage('localStorage')).not.to.throw();
      const outbox = new Outbox();
      outbox.enqueue(record, 'k9');
      expect(new Outbox().pending).to.equal(1);
      const up = recorder();
      expect((await outbox.flush(up.send)).map((recorded) => recorded.id)).to.deep.equal(['k9']);
    } finally {
      Object.defineProperty(window, 'localStorage', original);
    }
  });

  it('does not bring back an entry another tab acknowledged while this one queued', async () => {
    new Outbox().enqueue(record, 'k1');
    const up = recorder();
    const flushing = new Outbox().flush(up.send);
    // Another tab queues while the first flush is sending k1.
    new Outbox().enqueue({ ...record, subjectId: 'call-2' }, 'k2');
    await flushing;
    await new Outbox().flush(up.send);
    await new Outbox().flush(up.send);
    // Each sent once, none brought back by the other tab's write.
    expect(up.sent).to.deep.equal(['k1', 'k2']);
    expect(new Outbox().pending).to.equal(0);
  });

  it('says so when storage refuses a record, instead of pretending it is queued', () => {
    const full = { length: 0, key: () => null, getItem: () => null, removeItem: () => undefined, clear: () => undefined, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as Storage;
    expect(() => new Outbox(full).enqueue(record, 'k1')).to.throw();
  });

  it('survives a corrupt stored value', () => {
    localStorage.setItem('outcome-elements:outbox:broken', '{not json');
    expect(new Outbox().entries()).to.deep.equal([]);
    new Outbox().enqueue(record, 'k1');
    expect(new Outbox().pending).to.equal(1);
  });
});
