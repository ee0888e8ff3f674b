import type { OutcomeAdapter } from '../adapters/adapter.js';
import { OutcomeAdapterError } from '../adapters/errors.js';
import { randomId } from '../model/id.js';
import type { OutcomeRecord, RecordedOutcome } from '../model/types.js';
import { RecordingError, deliveryOf, withDeadline } from './delivery.js';
import { draftStorage, type Draft } from './draft-storage.js';
import type { KeyedStore } from './idb-store.js';
import { OutcomeStore } from './outcome-store.js';
import { pagePendingStore, readEntry, toStored, type PendingEntry, type StoredEntry } from './pending-store.js';

export { RecordingError } from './delivery.js';
export type { Delivery } from './delivery.js';

/** A pending wrap-up as the outbox shows it; `retrying` is a queued record that failed at least once. */
export interface PendingWrapUp {
  id: string;
  subjectId: string;
  state: 'queued' | 'retrying' | 'refused' | 'deferred';
  record?: OutcomeRecord;
  since: string;
  attempts: number;
  lastError?: { code: string; message: string };
}

export interface RecordOptions {
  signal?: AbortSignal;
}

export interface RecorderOptions {
  /** Per attempt, host recorders included. Default 30,000 ms. */
  attemptTimeoutMs?: number;
  /** How long one flush may hold the outbox's lock. Default 60,000 ms. */
  flushDeadlineMs?: number;
  /** Between flushes while an element is connected. Default 30,000 ms. */
  flushIntervalMs?: number;
  /** Where pending wrap-ups persist (tests pass another). Default the page's IndexedDB. */
  pending?: KeyedStore<StoredEntry>;
}

export interface RecorderEventMap {
  /** Every acknowledged record, once; `queued` says it came through the outbox. */
  recorded: CustomEvent<{ recorded: RecordedOutcome; queued: boolean }>;
  queued: CustomEvent<{ record: OutcomeRecord; idempotencyKey: string }>;
  deferred: CustomEvent<{ subjectId: string }>;
  /** The pending list changed (here or in another tab). */
  change: Event;
}

// The recorder's events, typed for listeners: types only, since EventTarget has the methods
// at run time (typed overrides would ship code that only calls super).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Recorder {
  addEventListener<K extends keyof RecorderEventMap>(
    type: K,
    listener: ((event: RecorderEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof RecorderEventMap>(
    type: K,
    listener: ((event: RecorderEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** Why a record cannot be kept on this device. */
export class QueueRefusedError extends Error {
  override readonly name = 'QueueRefusedError';
  readonly reason: 'no-adapter-id' | 'storage';
  constructor(reason: 'no-adapter-id' | 'storage', message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

const MAX_BACKOFF_MS = 5 * 60_000;
const CHANNEL = 'outcome-elements:pending';
const recorders = new WeakMap<OutcomeAdapter, Recorder>();
/** One flush per adapter id per page; the Web Lock makes it one across tabs. */
const flushes = new Map<string, Promise<void>>();

function sameOutcome(a: OutcomeRecord, b: OutcomeRecord): boolean {
  return a.subjectId === b.subjectId && a.outcomeKey === b.outcomeKey && (a.scheduledAt ?? '') === (b.scheduledAt ?? '');
}

function backoff(attempts: number): number {
  const ms = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.max(0, attempts - 1));
  return ms / 2 + Math.random() * (ms / 2);
}

/**
 * The one owner of the record lifecycle of one adapter, used by `<disposition-popup>` and
 * `<outcome-outbox>` and by hosts that build their own end-of-call UI: the idempotency key of
 * each distinct record, the per-subject draft, the outbox and its flush schedule (on connect, on
 * `online`, on an interval, under one Web Lock across tabs), deferred wrap-ups, and the
 * announcements. Nothing it keeps for one adapter id is ever sent through another.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Recorder extends EventTarget {
  /**
   * The recorder of an adapter, created on first use and shared by every element and host
   * after it (options apply only to that first creation). It sends through the adapter's
   * `OutcomeStore`, so recording shares the store's view of the backend.
   */
  static for(adapter: OutcomeAdapter, options?: RecorderOptions): Recorder {
    let recorder = recorders.get(adapter);
    if (!recorder) {
      recorder = new Recorder(OutcomeStore.for(adapter), options);
      recorders.set(adapter, recorder);
    }
    return recorder;
  }

  readonly #store: OutcomeStore;
  readonly #options: Required<Omit<RecorderOptions, 'pending'>>;
  readonly #pending: KeyedStore<StoredEntry>;
  /** Elements using this recorder; the first one announces what a flush delivers. */
  readonly #hosts = new Set<EventTarget>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #channel: BroadcastChannel | undefined;
  /** Deferred wrap-ups of an adapter without an id: kept for the page's lifetime only. */
  readonly #memoryDeferred = new Map<string, PendingEntry>();

  private constructor(store: OutcomeStore, options: RecorderOptions = {}) {
    super();
    this.#store = store;
    this.#options = {
      attemptTimeoutMs: options.attemptTimeoutMs ?? 30_000,
      flushDeadlineMs: options.flushDeadlineMs ?? 60_000,
      flushIntervalMs: options.flushIntervalMs ?? 30_000,
    };
    this.#pending = options.pending ?? pagePendingStore();
  }

  /** The adapter's identity, or '' when it has none (then nothing can be queued). */
  get adapterId(): string {
    return this.#store.adapter.id ?? '';
  }

  /** A record can be kept on this device to send later: the adapter says which backend it is for. */
  get canQueue(): boolean {
    return this.adapterId !== '';
  }

  /**
   * Starts the flush schedule while at least one user is connected; `host` (an element) is
   * where records delivered by a flush are announced as `outcome-recorded`, by the first host
   * only, so each is announced once. Returns the function that disconnects it.
   */
  connect(host: EventTarget): () => void {
    this.#hosts.add(host);
    if (this.#hosts.size === 1) {
      globalThis.addEventListener?.('online', this.#onOnline);
      this.#timer = setInterval(() => void this.flush(), this.#options.flushIntervalMs);
      if (typeof BroadcastChannel === 'function' && this.canQueue) {
        this.#channel = new BroadcastChannel(CHANNEL);
        this.#channel.onmessage = (event: MessageEvent) => {
          if (event.data === this.adapterId) this.dispatchEvent(new Event('change'));
        };
      }
    }
    void this.flush();
    return () => {
      this.#hosts.delete(host);
      if (this.#hosts.size > 0) return;
      globalThis.removeEventListener?.('online', this.#onOnline);
      clearInterval(this.#timer);
      this.#timer = undefined;
      this.#channel?.close();
      this.#channel = undefined;
    };
  }

  // ---- drafts and keys ------------------------------------------------------------------

  /** What the agent last entered for a subject (kept across a reload of the tab). */
  draft(subjectId: string): Draft | null {
    return subjectId ? draftStorage.read(this.adapterId, subjectId) : null;
  }

  /** Keeps what the agent entered; the record's key is renewed only when the record changes. */
  saveDraft(record: OutcomeRecord): void {
    if (!record.subjectId) return;
    const draft = this.draft(record.subjectId);
    draftStorage.write(this.adapterId, record.subjectId, {
      outcomeKey: record.outcomeKey,
      scheduledAt: record.scheduledAt ?? '',
      notes: record.notes ?? '',
      idempotencyKey: this.#keyOf(record, draft),
      ...(draft?.unsettled ? { unsettled: draft.unsettled } : {}),
      ...(draft?.countdown ? { countdown: draft.countdown } : {}),
    });
  }

  /**
   * Keeps where the subject's after-call-work countdown stands in its draft (undefined: forget
   * it), so that a reload of the tab continues the same countdown.
   */
  saveCountdown(subjectId: string, countdown: Draft['countdown']): void {
    const draft = this.draft(subjectId);
    if (!subjectId || !(draft || countdown)) return;
    const { countdown: _previous, ...rest } = draft ?? { outcomeKey: '', scheduledAt: '', notes: '', idempotencyKey: randomId() };
    draftStorage.write(this.adapterId, subjectId, countdown ? { ...rest, countdown } : rest);
  }

  /**
   * The record that may already be stored for this subject (its attempt got no answer), or
   * undefined. While there is one, only it is sent for the same outcome.
   */
  unsettled(subjectId: string): OutcomeRecord | undefined {
    return this.draft(subjectId)?.unsettled?.record;
  }

  #keyOf(record: OutcomeRecord, draft: Draft | null): string {
    if (draft?.unsettled && sameOutcome(draft.unsettled.record, record)) return draft.unsettled.idempotencyKey;
    if (draft?.idempotencyKey && draft.outcomeKey === record.outcomeKey && draft.scheduledAt === (record.scheduledAt ?? '') && draft.notes === (record.notes ?? '')) {
      return draft.idempotencyKey;
    }
    return randomId();
  }

  /**
   * What to send for `record` and with which key: the unsettled record of the same outcome
   * exactly as first sent (a later notes edit cannot be added to a record that may be stored),
   * otherwise the record with the key of its draft.
   */
  #prepare(record: OutcomeRecord): { record: OutcomeRecord; idempotencyKey: string; draft: Draft | null } {
    const draft = this.draft(record.subjectId);
    if (draft?.unsettled && sameOutcome(draft.unsettled.record, record)) {
      return { record: draft.unsettled.record, idempotencyKey: draft.unsettled.idempotencyKey, draft };
    }
    const idempotencyKey = this.#keyOf(record, draft);
    return { record, idempotencyKey, draft };
  }

  // ---- recording ------------------------------------------------------------------------

  /**
   * Sends a record, with one key per distinct record (reused by every retry of it), a deadline
   * per attempt and the caller's signal. Rejects with a `RecordingError` that says whether the
   * record may be stored (`unknown`), surely is not (`not-stored`) or is refused. A different
   * outcome after an unknown one is sent only once the unknown one is settled.
   */
  async record(input: OutcomeRecord, options: RecordOptions = {}): Promise<RecordedOutcome> {
    const unsettled = this.draft(input.subjectId)?.unsettled;
    if (unsettled && !sameOutcome(unsettled.record, input)) {
      await this.#send(unsettled.record, unsettled.idempotencyKey, options);
    }
    const { record, idempotencyKey } = this.#prepare(input);
    return this.#send(record, idempotencyKey, options);
  }

  async #send(record: OutcomeRecord, idempotencyKey: string, options: RecordOptions): Promise<RecordedOutcome> {
    let recorded: RecordedOutcome;
    try {
      recorded = await this.#attempt(record, idempotencyKey, options.signal);
    } catch (thrown) {
      const failure = new RecordingError(OutcomeAdapterError.from(thrown, 'network'));
      this.#remember(record, idempotencyKey, failure);
      throw failure;
    }
    await this.#settled(record.subjectId, idempotencyKey);
    this.#emit('recorded', { recorded, queued: false });
    return recorded;
  }

  #attempt(record: OutcomeRecord, idempotencyKey: string, signal?: AbortSignal): Promise<RecordedOutcome> {
    return withDeadline((deadline) => this.#store.record(record, { idempotencyKey, signal: deadline }), this.#options.attemptTimeoutMs, signal);
  }

  /** After a failure: an unknown or unstored record keeps its key; a refused one lets it go. */
  #remember(record: OutcomeRecord, idempotencyKey: string, failure: RecordingError): void {
    if (!record.subjectId) return;
    const draft = this.draft(record.subjectId) ?? { outcomeKey: record.outcomeKey, scheduledAt: record.scheduledAt ?? '', notes: record.notes ?? '', idempotencyKey };
    const { unsettled: _previous, ...rest } = draft;
    const next: Draft = failure.queueable ? { ...rest, unsettled: { record, idempotencyKey } } : rest;
    draftStorage.write(this.adapterId, record.subjectId, next);
  }

  /** The subject's record is acknowledged: its draft, any queued copy and any deferral go. */
  async #settled(subjectId: string, idempotencyKey: string): Promise<void> {
    if (!subjectId) return;
    draftStorage.clear(this.adapterId, subjectId);
    const removed = await Promise.all([this.#remove(idempotencyKey), this.#remove(this.#deferredId(subjectId))]);
    if (removed.some(Boolean)) this.#changed();
  }

  // ---- the outbox -----------------------------------------------------------------------

  /**
   * Keeps the record on the device and sends it when the backend is back, with the key its
   * attempts used. Resolves once it is durably stored; rejects with `QueueRefusedError` when it
   * cannot be (no adapter id, storage refused), so nobody is told it is safe when it is not.
   */
  async queue(input: OutcomeRecord): Promise<{ record: OutcomeRecord; idempotencyKey: string }[]> {
    if (!this.canQueue) {
      throw new QueueRefusedError('no-adapter-id', 'The adapter has no id: a record kept on this device would not know its backend.');
    }
    const queued: { record: OutcomeRecord; idempotencyKey: string }[] = [];
    const unsettled = this.draft(input.subjectId)?.unsettled;
    if (unsettled && !sameOutcome(unsettled.record, input)) queued.push(unsettled);
    const { record, idempotencyKey } = this.#prepare(input);
    queued.push({ record, idempotencyKey });
    const since = new Date().toISOString();
    try {
      for (const item of queued) {
        await this.#pending.put(toStored({ id: item.idempotencyKey, adapterId: this.adapterId, subjectId: item.record.subjectId, state: 'queued', record: item.record, since, attempts: 0 }));
      }
    } catch (error) {
      throw new QueueRefusedError('storage', 'This device could not keep the record.', { cause: error });
    }
    if (input.subjectId) {
      draftStorage.clear(this.adapterId, input.subjectId);
      await this.#remove(this.#deferredId(input.subjectId));
    }
    for (const item of queued) this.#emit('queued', item);
    this.#changed();
    return queued;
  }

  /** Keeps the subject as a wrap-up to finish later (nothing could be recorded for it now). */
  async defer(subjectId: string): Promise<void> {
    const entry: PendingEntry = { id: this.#deferredId(subjectId), adapterId: this.adapterId, subjectId, state: 'deferred', since: new Date().toISOString(), attempts: 0 };
    if (this.canQueue) await this.#pending.put(toStored(entry));
    else this.#memoryDeferred.set(entry.id, entry);
    this.#emit('deferred', { subjectId });
    this.#changed();
  }

  /** This adapter's pending wrap-ups, oldest first; other adapters' and unreadable ones are left alone. */
  async pending(): Promise<PendingWrapUp[]> {
    const stored = this.canQueue ? await this.#pending.all().catch((): unknown[] => []) : [];
    const entries = stored.map((value) => readEntry(value, this.adapterId)).filter((entry): entry is PendingEntry => !!entry);
    entries.push(...this.#memoryDeferred.values());
    return entries
      .sort((a, b) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id))
      .map(({ adapterId: _id, notBefore: _notBefore, state, ...entry }) => ({
        ...entry,
        state: state === 'queued' && entry.attempts > 0 ? 'retrying' : state,
      }));
  }

  /** Sends one queued or refused record now, whatever its backoff. */
  async retry(id: string): Promise<RecordedOutcome | undefined> {
    const entry = readEntry(await this.#pending.get(id), this.adapterId);
    if (!entry?.record) return undefined;
    return this.#exclusive(() => this.#deliver(entry));
  }

  /** Removes a refused record or a deferred wrap-up; a queued record is never thrown away. */
  async discard(id: string): Promise<void> {
    if (this.#memoryDeferred.delete(id)) return this.#changed();
    const entry = readEntry(await this.#pending.get(id), this.adapterId);
    if (!entry) return;
    if (entry.state === 'queued') throw new Error('Only refused records and deferred wrap-ups can be discarded.');
    await this.#pending.delete(id);
    this.#changed();
  }

  /**
   * Tries every queued record of this adapter whose backoff has passed, oldest first, under a
   * Web Lock so one tab at a time sends, each attempt with its deadline and the whole flush
   * with one, so the lock is never held for good.
   */
  flush(): Promise<void> {
    if (!this.canQueue) return Promise.resolve();
    const running = flushes.get(this.adapterId);
    if (running) return running;
    const flushing = this.#exclusive(() => this.#flush()).finally(() => flushes.delete(this.adapterId));
    flushes.set(this.adapterId, flushing);
    return flushing;
  }

  async #flush(): Promise<void> {
    const deadline = Date.now() + this.#options.flushDeadlineMs;
    const stored = await this.#pending.all().catch((): unknown[] => []);
    const due = stored
      .map((value) => readEntry(value, this.adapterId))
      .filter((entry): entry is PendingEntry => entry?.state === 'queued' && (entry.notBefore ?? 0) <= Date.now())
      .sort((a, b) => a.since.localeCompare(b.since));
    for (const entry of due) {
      if (Date.now() >= deadline) break;
      await this.#deliver(entry).catch(() => undefined);
    }
  }

  /** One attempt of a stored entry; it leaves the outbox only once acknowledged. */
  async #deliver(entry: PendingEntry): Promise<RecordedOutcome> {
    // Read again under the lock: another tab may have delivered it since it was listed.
    const current = readEntry(await this.#pending.get(entry.id), this.adapterId);
    if (!current?.record) throw new Error('Already delivered.');
    let recorded: RecordedOutcome;
    try {
      recorded = await this.#attempt(current.record, current.id);
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      const attempts = current.attempts + 1;
      await this.#pending.put(toStored({
        ...current,
        attempts,
        lastError: { code: error.code, message: error.message },
        state: deliveryOf(error) === 'refused' ? 'refused' : 'queued',
        notBefore: Date.now() + backoff(attempts),
      })).catch(() => undefined);
      this.#changed();
      throw error;
    }
    // Announced only once the entry is gone: if the removal fails, the next flush sends it
    // again with the same key (stored once) and announces it then, never twice.
    await this.#pending.delete(current.id);
    await this.#settled(current.subjectId, current.id);
    this.#emit('recorded', { recorded, queued: true });
    const [announcer] = this.#hosts;
    announcer?.dispatchEvent(new CustomEvent('outcome-recorded', { detail: recorded, bubbles: true, composed: true }));
    this.#changed();
    return recorded;
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(`outcome-elements:outbox:${this.adapterId}`, work) : work();
  }

  #deferredId(subjectId: string): string {
    return `deferred:${this.adapterId}:${subjectId}`;
  }

  async #remove(id: string): Promise<boolean> {
    if (this.#memoryDeferred.delete(id)) return true;
    if (!this.canQueue) return false;
    const existing = await this.#pending.get(id).catch(() => undefined);
    if (!readEntry(existing, this.adapterId)) return false;
    await this.#pending.delete(id).catch(() => undefined);
    return true;
  }

  #onOnline = (): void => {
    void this.flush();
  };

  #emit<K extends 'recorded' | 'queued' | 'deferred'>(type: K, detail: RecorderEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
    this.#channel?.postMessage(this.adapterId);
  }
}
