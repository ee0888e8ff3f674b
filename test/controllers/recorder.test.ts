import { expect } from '@open-wc/testing';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { withRecorder } from '../../src/adapters/with-recorder.js';
import { indexedDbStore, memoryStore } from '../../src/controllers/idb-store.js';
import { pagePendingStore, type StoredEntry } from '../../src/controllers/pending-store.js';
import { QueueRefusedError, Recorder, RecordingError } from '../../src/controllers/recorder.js';
import type { OutcomeRecord } from '../../src/model/types.js';
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import { RecordingBackend, clearPending, tick, until } from '../helpers/recording-backend.js';
import { seedServer } from '../helpers/seed-server.js';

const record = (subjectId: string, outcomeKey = 'sale', notes?: string): OutcomeRecord => ({
  subjectId,
  outcomeKey,
  source: 'agent',
  ...(notes ? { notes } : {}),
});

async function failure(promise: Promise<unknown>): Promise<RecordingError> {
  try {
    await promise;
  } catch (error) {
    return error as RecordingError;
  }
  throw new Error('expected a failure');
}

describe('Recorder', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await clearPending();
  });

  it('queues a record on the device and delivers it once, with the key of its attempts, when the backend is back', async () => {
    const backend = new RecordingBackend('memory:a');
    const recorder = Recorder.for(backend);
    backend.mode = 'down';
    const failed = await failure(recorder.record(record('c1')));
    expect(failed.delivery).to.equal('unknown');
    expect(failed.queueable).to.be.true;
    const [queued] = await recorder.queue(record('c1'));
    expect(queued!.idempotencyKey).to.equal(backend.attempts[0]!.key);
    expect((await recorder.pending()).map((entry) => [entry.subjectId, entry.state])).to.deep.equal([['c1', 'queued']]);

    await recorder.flush();
    expect((await recorder.pending()).map((entry) => entry.state)).to.deep.equal(['retrying']);
    backend.mode = 'up';
    await recorder.retry(queued!.idempotencyKey);
    expect(backend.storedFor('c1')).to.have.length(1);
    expect(new Set(backend.attempts.map((attempt) => attempt.key)).size).to.equal(1);
    expect(await recorder.pending()).to.deep.equal([]);
  });

  it('never sends a record queued for one adapter id through another, however often the other flushes', async () => {
    const a = new RecordingBackend('memory:a');
    const b = new RecordingBackend('memory:b');
    a.mode = 'down';
    await failure(Recorder.for(a).record(record('for-a')));
    await Recorder.for(a).queue(record('for-a'));
    const host = document.createElement('div');
    const disconnectB = Recorder.for(b).connect(host);
    for (let i = 0; i < 5; i++) await Recorder.for(b).flush();
    disconnectB();
    expect(b.attempts).to.deep.equal([]);
    expect(await Recorder.for(b).pending()).to.deep.equal([]);

    // Another page of A (a new adapter object, the same id) connects with the backend back.
    const aAgain = new RecordingBackend('memory:a');
    const announced: string[] = [];
    host.addEventListener('outcome-recorded', (event) => announced.push((event as CustomEvent).detail.subjectId));
    const disconnectA = Recorder.for(aAgain).connect(host);
    await until(async () => aAgain.storedFor('for-a').length === 1);
    await tick(20);
    disconnectA();
    expect(announced).to.deep.equal(['for-a']);
    expect(b.attempts).to.deep.equal([]);
  });

  it('keeps entries of another id and unreadable ones, and sends none of them', async () => {
    const store = pagePendingStore();
    await store.put({ idempotencyKey: 'legacy-1', record: record('old'), queuedAt: '2026-01-01T00:00:00Z', attempts: 0 } as unknown as StoredEntry);
    await store.put({ idempotencyKey: 'broken', adapterId: 'memory:a' } as unknown as StoredEntry);
    const backend = new RecordingBackend('memory:a');
    await Recorder.for(backend).flush();
    expect(backend.attempts).to.deep.equal([]);
    expect((await store.all()).length).to.equal(2);
  });

  it('keeps an entry queued through 401 and a captive portal, and delivers it after recovery; a refusal marks it refused for good', async () => {
    const backend = new RecordingBackend('memory:a');
    const recorder = Recorder.for(backend);
    backend.mode = 'down';
    await failure(recorder.record(record('c2')));
    const [queued] = await recorder.queue(record('c2'));
    for (const answer of [
      new OutcomeAdapterError('unauthorized', 'token expired', { status: 401 }),
      new OutcomeAdapterError('bad_response', 'POST answered with a body that is not JSON.', { status: 200, retryable: false }),
    ]) {
      backend.mode = answer;
      await recorder.retry(queued!.idempotencyKey).catch(() => undefined);
      const [entry] = await recorder.pending();
      expect(entry!.state).to.equal('retrying');
      expect(entry!.lastError!.code).to.equal(answer.code);
    }
    backend.mode = 'up';
    await recorder.retry(queued!.idempotencyKey);
    expect(backend.storedFor('c2')).to.have.length(1);

    await Recorder.for(backend).queue(record('c3', 'retired'));
    backend.mode = new OutcomeAdapterError('validation', 'outcome retired', { fieldErrors: { outcomeKey: 'is retired' } });
    await recorder.flush();
    await recorder.flush();
    const [refused] = await recorder.pending();
    expect(refused).to.deep.include({ subjectId: 'c3', state: 'refused' });
    expect(backend.attempts.filter((attempt) => attempt.record.subjectId === 'c3')).to.have.length(1);
    await recorder.discard(refused!.id);
    expect(await recorder.pending()).to.deep.equal([]);
  });

  it('through a real backend: a captive portal (200 text/html) and an expired token during a flush keep the entry; recovery delivers it once', async () => {
    const server = await seedServer<{ results: { task_id: string }[] }>('task-results');
    await server.reset();
    const adapter = new TaskResultTypeAdapter({
      id: 'task-results:flush-test',
      baseUrl: server.url,
      apiKey: 'task-key',
      resultPath: (id) => `/api/integration/tasks/${id}/result`,
      retries: 0,
      timeoutMs: 500,
    });
    const recorder = Recorder.for(adapter);
    const wrapUp: OutcomeRecord = { subjectId: 'task-77', outcomeKey: 'SALE_COMPLETED', source: 'agent' };
    await server.faults({ method: 'POST', kind: 'lose-answer' });
    const lost = await failure(recorder.record(wrapUp));
    expect(lost.delivery).to.equal('unknown');
    const [queued] = await recorder.queue(wrapUp);

    await server.faults(
      { method: 'POST', kind: 'raw', status: 200, body: '<html><body>Sign in to the Wi-Fi</body></html>', headers: { 'Content-Type': 'text/html' } },
      { method: 'POST', kind: 'status', status: 401, body: { error: 'Unauthorized' } },
    );
    for (const code of ['bad_response', 'unauthorized']) {
      await recorder.retry(queued!.idempotencyKey).catch(() => undefined);
      const [entry] = await recorder.pending();
      expect(entry).to.deep.include({ subjectId: 'task-77', state: 'retrying' });
      expect(entry!.lastError!.code).to.equal(code);
    }
    await recorder.retry(queued!.idempotencyKey);
    expect(await recorder.pending()).to.deep.equal([]);
    // The lost answer's write and the delivery carried one key: the backend holds one result.
    expect((await server.state()).results.filter((result) => result.task_id === 'task-77')).to.have.length(1);
  });

  it('refuses to discard a record that is still queued', async () => {
    const backend = new RecordingBackend('memory:a');
    const [queued] = await Recorder.for(backend).queue(record('c4'));
    let error: unknown;
    await Recorder.for(backend).discard(queued!.idempotencyKey).catch((thrown: unknown) => (error = thrown));
    expect(error).to.be.an('error');
    expect(await Recorder.for(backend).pending()).to.have.length(1);
  });

  it('after an answer lost behind the write, keeps the key across a notes edit and re-choosing the outcome: stored once', async () => {
    const backend = new RecordingBackend('memory:a');
    const recorder = Recorder.for(backend);
    recorder.saveDraft(record('c5', 'sale', 'Angry'));
    backend.mode = 'lose';
    const lost = await failure(recorder.record(record('c5', 'sale', 'Angry')));
    expect(lost.delivery).to.equal('unknown');
    expect(recorder.unsettled('c5')).to.deep.include({ notes: 'Angry' });
    // The agent fixes a typo, chooses another outcome and then the first again.
    recorder.saveDraft(record('c5', 'sale', 'Angry customer'));
    recorder.saveDraft(record('c5', 'callback'));
    recorder.saveDraft(record('c5', 'sale', 'Angry customer'));
    backend.mode = 'up';
    const recorded = await recorder.record(record('c5', 'sale', 'Angry customer'));
    expect(backend.storedFor('c5')).to.have.length(1);
    expect(recorded.notes).to.equal('Angry');
    expect(new Set(backend.attempts.map((attempt) => attempt.key)).size).to.equal(1);
    expect(recorder.draft('c5')).to.equal(null);
  });

  it('sends a different outcome after an unknown one only once the first is settled', async () => {
    const backend = new RecordingBackend('memory:a');
    const recorder = Recorder.for(backend);
    backend.mode = 'lose';
    await failure(recorder.record(record('c6', 'sale')));
    backend.mode = 'down';
    await failure(recorder.record(record('c6', 'callback')));
    expect(backend.attempts.map((attempt) => attempt.record.outcomeKey)).to.deep.equal(['sale', 'sale']);
    backend.mode = 'up';
    await recorder.record(record('c6', 'callback'));
    expect(backend.attempts.map((attempt) => attempt.record.outcomeKey)).to.deep.equal(['sale', 'sale', 'sale', 'callback']);
    expect(backend.storedFor('c6').map((stored) => stored.outcomeKey)).to.deep.equal(['sale', 'callback']);
  });

  it('renews the key after a refusal, since nothing was stored', async () => {
    const backend = new RecordingBackend('memory:a');
    const recorder = Recorder.for(backend);
    backend.mode = new OutcomeAdapterError('validation', 'notes too long');
    const refused = await failure(recorder.record(record('c7', 'sale', 'x')));
    expect(refused.delivery).to.equal('refused');
    expect(refused.queueable).to.be.false;
    expect(recorder.unsettled('c7')).to.equal(undefined);
    backend.mode = 'up';
    await recorder.record(record('c7', 'sale', 'y'));
    expect(backend.attempts[0]!.key).not.to.equal(backend.attempts[1]!.key);
  });

  it('gives every attempt a deadline, host recorders included, and honours the caller\'s signal', async () => {
    const backend = new RecordingBackend('memory:hung');
    backend.mode = 'hang';
    const recorder = Recorder.for(backend, { attemptTimeoutMs: 150 });
    const started = performance.now();
    const timedOut = await failure(recorder.record(record('c8')));
    expect(timedOut.error.code).to.equal('timeout');
    expect(timedOut.delivery).to.equal('unknown');
    expect(performance.now() - started).to.be.below(2_000);

    const cancel = new AbortController();
    const pending = failure(recorder.record(record('c8'), { signal: cancel.signal }));
    cancel.abort();
    const cancelled = await pending;
    expect(cancelled.error.code).to.equal('aborted');
    // Both attempts carried the same key: the record's fate is unknown, retrying is safe.
    expect(new Set(backend.attempts.map((attempt) => attempt.key)).size).to.equal(1);

    const host = withRecorder(new RecordingBackend('memory:host'), () => new Promise(() => undefined));
    const hostFailure = await failure(Recorder.for(host, { attemptTimeoutMs: 100 }).record(record('c9')));
    expect(hostFailure.error.code).to.equal('timeout');
  });

  it('never holds the outbox lock past a deadline: another tab delivers meanwhile', async () => {
    const hung = new RecordingBackend('memory:lock');
    hung.mode = 'hang';
    const recorder = Recorder.for(hung, { attemptTimeoutMs: 200, flushDeadlineMs: 150 });
    const [hungEntry] = await recorder.queue(record('c10'));
    const flushing = recorder.flush();
    // The other tab: its own connection to the same database, the backend answering there.
    const otherTab = new RecordingBackend('memory:lock');
    const other = Recorder.for(otherTab, { pending: indexedDbStore(() => indexedDB, { database: 'outcome-elements', store: 'outbox', keyPath: 'idempotencyKey' }) });
    await other.queue(record('c11'));
    const started = performance.now();
    await flushing;
    // Bounded by the flush deadline plus one attempt's, though the backend never answered.
    expect(performance.now() - started).to.be.below(1_500);
    const free = await navigator.locks.request('outcome-elements:outbox:memory:lock', { ifAvailable: true }, async (held) => held !== null);
    expect(free).to.be.true;
    await other.flush();
    expect(otherTab.storedFor('c11')).to.have.length(1);
    // The one that hung waits out its backoff; asked for now, it goes with the same key.
    await other.retry(hungEntry!.idempotencyKey);
    expect(otherTab.storedFor('c10')).to.have.length(1);
    expect(otherTab.attempts.find((attempt) => attempt.record.subjectId === 'c10')!.key).to.equal(hung.attempts[0]!.key);
  });

  it('refuses to queue, rather than pretend, when IndexedDB cannot be opened; pages without storage keep it in memory', async () => {
    const versionError = indexedDbStore<StoredEntry>(() => ({
      open() {
        const request = {} as IDBOpenDBRequest & { error: DOMException };
        setTimeout(() => {
          Object.defineProperty(request, 'error', { value: new DOMException('The requested version is less than the existing version.', 'VersionError') });
          request.onerror?.(new Event('error'));
        });
        return request;
      },
    }) as unknown as IDBFactory, { database: 'x', store: 'outbox', keyPath: 'idempotencyKey' });
    const backend = new RecordingBackend('memory:broken-idb');
    const error = await Recorder.for(backend, { pending: versionError }).queue(record('c12')).catch((thrown: unknown) => thrown);
    expect(error).to.be.instanceOf(QueueRefusedError);
    expect((error as QueueRefusedError).reason).to.equal('storage');

    const opaque = indexedDbStore<StoredEntry>(() => ({
      open() {
        throw new DOMException('Access to the Indexed Database API is denied in this context.', 'SecurityError');
      },
    }) as unknown as IDBFactory, { database: 'x', store: 'outbox', keyPath: 'idempotencyKey' });
    expect(await opaque.kind()).to.equal('memory');
    const inMemory = Recorder.for(new RecordingBackend('memory:opaque'), { pending: opaque });
    await inMemory.queue(record('c13'));
    expect(await inMemory.pending()).to.have.length(1);
  });

  it('cannot queue for an adapter without an id', async () => {
    const recorder = Recorder.for(new RecordingBackend(undefined));
    expect(recorder.canQueue).to.be.false;
    const error = await recorder.queue(record('c14')).catch((thrown: unknown) => thrown);
    expect((error as QueueRefusedError).reason).to.equal('no-adapter-id');
  });

  it('keeps a deferred wrap-up until a record for its subject is recorded or queued', async () => {
    const backend = new RecordingBackend('memory:a');
    const recorder = Recorder.for(backend, { pending: memoryStore('idempotencyKey') });
    const seen: string[] = [];
    recorder.addEventListener('deferred', (event) => seen.push(event.detail.subjectId));
    await recorder.defer('c15');
    await recorder.defer('c16');
    expect(seen).to.deep.equal(['c15', 'c16']);
    expect((await recorder.pending()).map((entry) => [entry.subjectId, entry.state])).to.deep.equal([['c15', 'deferred'], ['c16', 'deferred']]);
    await recorder.record(record('c15'));
    backend.mode = 'down';
    await recorder.queue(record('c16'));
    expect((await recorder.pending()).map((entry) => [entry.subjectId, entry.state])).to.deep.equal([['c16', 'queued']]);
  });

  it('announces each delivered record once, on one element, when several flush at once', async () => {
    const backend = new RecordingBackend('memory:a');
    backend.mode = 'down';
    await Recorder.for(backend).queue(record('c17'));
    await Recorder.for(backend).queue(record('c18'));
    backend.mode = 'up';
    const hosts = [document.createElement('div'), document.createElement('div')];
    const announced: string[] = [];
    for (const host of hosts) host.addEventListener('outcome-recorded', (event) => announced.push((event as CustomEvent).detail.subjectId));
    const disconnects = hosts.map((host) => Recorder.for(backend).connect(host));
    await Promise.all([Recorder.for(backend).flush(), Recorder.for(backend).flush()]);
    await tick(20);
    disconnects.forEach((disconnect) => disconnect());
    expect(announced.sort()).to.deep.equal(['c17', 'c18']);
    expect(backend.stored.size).to.equal(2);
  });
});
