import type { OutcomeAdapter, RequestOptions } from '../adapters/adapter.js';
import { OutcomeAdapterError } from '../adapters/errors.js';
import { inOrder } from '../model/ordering.js';
import type {
  OutcomeRecord,
  OutcomeType,
  OutcomeTypeInput,
  RecordedOutcome,
} from '../model/types.js';
import type { LastKnownList } from './last-known-lists.js';
import { onDemand } from './on-demand.js';

/**
 * The last known lists' code (IndexedDB): fetched with the first good list, which it keeps, so a
 * page pays for it after its first render and has it in hand when the backend later fails.
 */
const lastKnownCode = onDemand(() => import('./last-known-lists.js'));

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What every element sharing an adapter sees; replaced, never mutated, on each change. */
export interface StoreSnapshot {
  /** `ready` once a list arrived; `error` only when no list ever did. */
  readonly status: StoreStatus;
  /** Sorted in the canonical order. */
  readonly outcomeTypes: readonly OutcomeType[];
  /** The last failure of a load, kept next to the last good list when there is one. */
  readonly error: OutcomeAdapterError | null;
  /** A load is under way (also while an older list is shown). */
  readonly loading: boolean;
  /**
   * The list is the last known one, kept on this device, because the backend could not be
   * reached for a newer one; it is loaded again in the background until one arrives.
   */
  readonly stale: boolean;
  /** When the backend sent the list shown (ISO-8601); null before any list. */
  readonly fetchedAt: string | null;
}

export type StoreListener = (snapshot: StoreSnapshot) => void;

const stores = new WeakMap<OutcomeAdapter, OutcomeStore>();
/** Background loads after a failure: 5 s, doubling, at most 5 min apart (with jitter). */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * The one cache per adapter. Loads are de-duplicated, a list that started before a newer load
 * or a write never overwrites what those brought (and its request is aborted), and writes go
 * through here so that every element showing the same adapter updates at once. Each good list
 * is kept on the device under the adapter's id and served, marked stale, when a later load
 * fails with nothing newer in memory; while the last load failed, the store loads again in the
 * background with backoff and when the browser comes back online, for as long as anyone listens.
 */
export class OutcomeStore {
  /** The store of an adapter, created on first use and shared by every element after. */
  static for(adapter: OutcomeAdapter): OutcomeStore {
    let store = stores.get(adapter);
    if (!store) {
      store = new OutcomeStore(adapter);
      stores.set(adapter, store);
    }
    return store;
  }

  readonly adapter: OutcomeAdapter;
  #snapshot: StoreSnapshot = { status: 'idle', outcomeTypes: [], error: null, loading: false, stale: false, fetchedAt: null };
  #listeners = new Set<StoreListener>();
  /** Bumped by every load started and every write applied; a load applies only its own. */
  #generation = 0;
  #inflight: Promise<readonly OutcomeType[]> | undefined;
  #abort: AbortController | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = 0;

  private constructor(adapter: OutcomeAdapter) {
    this.adapter = adapter;
  }

  get snapshot(): StoreSnapshot {
    return this.#snapshot;
  }

  /**
   * Calls `listener` on every change; returns the function that stops it. When the last
   * listener stops, a load under way is aborted and background loads end.
   */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) globalThis.addEventListener?.('online', this.#onOnline);
    return () => {
      if (!this.#listeners.delete(listener) || this.#listeners.size > 0) return;
      globalThis.removeEventListener?.('online', this.#onOnline);
      this.#abandon();
    };
  }

  /** The list, from the cache once there is one; concurrent calls share one request. */
  load(): Promise<readonly OutcomeType[]> {
    if (this.#inflight) return this.#inflight;
    if (this.#snapshot.status === 'ready') return Promise.resolve(this.#snapshot.outcomeTypes);
    return this.reload();
  }

  /** A fresh list from the backend, superseding (and aborting) any load under way. */
  reload(): Promise<readonly OutcomeType[]> {
    this.#abort?.abort(new OutcomeAdapterError('aborted', 'A newer load superseded this one.'));
    const generation = ++this.#generation;
    const abort = (this.#abort = new AbortController());
    const request = this.#fetch(generation, abort.signal);
    this.#inflight = request;
    return request;
  }

  async #fetch(generation: number, signal: AbortSignal): Promise<readonly OutcomeType[]> {
    // An error stays shown while the list is asked for again, so that what the agent can do
    // about it (retry, finish later) does not flicker away with every background attempt.
    const { status } = this.#snapshot;
    this.#set({ status: status === 'ready' || status === 'error' ? status : 'loading', loading: true });
    let types: OutcomeType[];
    try {
      types = await this.adapter.listOutcomeTypes({ signal });
    } catch (thrown) {
      if (generation !== this.#generation) return this.#follow();
      const error = OutcomeAdapterError.from(thrown, 'network');
      const lastKnown = this.#snapshot.status === 'ready' ? undefined : await this.#readLastKnown();
      if (generation !== this.#generation) return this.#follow();
      this.#inflight = undefined;
      this.#retryLater();
      if (lastKnown) {
        const outcomeTypes = inOrder(lastKnown.outcomeTypes);
        this.#set({ status: 'ready', outcomeTypes, error, loading: false, stale: true, fetchedAt: lastKnown.fetchedAt });
        return outcomeTypes;
      }
      this.#set({ status: this.#snapshot.status === 'ready' ? 'ready' : 'error', error, loading: false });
      throw error;
    }
    if (generation !== this.#generation) return this.#follow();
    this.#inflight = undefined;
    clearTimeout(this.#retryTimer);
    this.#retryDelay = 0;
    const outcomeTypes = inOrder(types);
    const fetchedAt = new Date().toISOString();
    this.#set({ status: 'ready', outcomeTypes, error: null, loading: false, stale: false, fetchedAt });
    this.#keep(outcomeTypes, fetchedAt);
    return outcomeTypes;
  }

  async #readLastKnown(): Promise<LastKnownList | undefined> {
    const id = this.adapter.id;
    if (!id) return undefined;
    try {
      return await (await lastKnownCode.load()).lastKnownList(id);
    } catch {
      // No storage, or its code could not be fetched (offline before any list arrived): none.
      return undefined;
    }
  }

  /** Kept for the next time the backend cannot be reached; a device that refuses just has none. */
  #keep(outcomeTypes: readonly OutcomeType[], fetchedAt: string): void {
    const adapterId = this.adapter.id;
    if (!adapterId) return;
    // When the page is idle: the first render and keystrokes come first.
    const keep = () =>
      void lastKnownCode
        .load()
        .then(({ keepLastKnownList }) => keepLastKnownList(adapterId, fetchedAt, outcomeTypes))
        .catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(keep, { timeout: 2000 });
    else setTimeout(keep, 0);
  }

  /** After a failed load, another in the background, later each time, while anyone listens. */
  #retryLater(): void {
    clearTimeout(this.#retryTimer);
    if (this.#listeners.size === 0) return;
    this.#retryDelay = Math.min(MAX_RETRY_MS, this.#retryDelay * 2 || FIRST_RETRY_MS);
    const wait = this.#retryDelay / 2 + Math.random() * (this.#retryDelay / 2);
    this.#retryTimer = setTimeout(() => void this.reload().catch(() => undefined), wait);
  }

  #onOnline = (): void => {
    const { status, stale } = this.#snapshot;
    if (status !== 'error' && !stale) return;
    this.#retryDelay = 0;
    void this.reload().catch(() => undefined);
  };

  /** Nobody listens any more: the load under way is not wanted, and nothing is retried. */
  #abandon(): void {
    clearTimeout(this.#retryTimer);
    this.#retryDelay = 0;
    if (!this.#inflight) return;
    this.#generation++;
    this.#inflight = undefined;
    this.#abort?.abort(new OutcomeAdapterError('aborted', 'No element shows this list any more.'));
    this.#set({ status: this.#snapshot.status === 'loading' ? 'idle' : this.#snapshot.status, loading: false });
  }

  /**
   * A superseded load answers with whatever superseded it: the newer load still under way, or
   * the list that newer load (or a write, which always starts one) left behind.
   */
  #follow(): Promise<readonly OutcomeType[]> {
    if (this.#inflight) return this.#inflight;
    const { status, error, outcomeTypes } = this.#snapshot;
    return status === 'error' && error ? Promise.reject(error) : Promise.resolve(outcomeTypes);
  }

  async create(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    const created = await this.sendCreate(input, options);
    this.applyUpdates([created]);
    return created;
  }

  /** Creates through the adapter, with the store's checks, and leaves the list as it is (see `sendUpdate`). */
  sendCreate(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    return this.#write('createOutcomeType', 'create', (adapter) => adapter.createOutcomeType!(input, options));
  }

  async update(
    id: string,
    changes: Partial<OutcomeTypeInput>,
    options?: RequestOptions,
  ): Promise<OutcomeType> {
    const updated = await this.sendUpdate(id, changes, options);
    this.applyUpdates([updated]);
    return updated;
  }

  /**
   * Writes through the adapter, with the store's checks, and leaves the list as it is: for
   * many writes that show together (a reorder), followed by one `applyUpdates`.
   */
  sendUpdate(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    return this.#write('updateOutcomeType', 'update', (adapter) => adapter.updateOutcomeType!(id, changes, options));
  }

  /**
   * Puts types the backend returned (updated or created) into the list: one change for every
   * listener, however many.
   */
  applyUpdates(updated: readonly OutcomeType[]): void {
    if (updated.length === 0) return;
    const ids = new Set(updated.map((type) => type.id));
    this.#applyWrite((types) => [...types.filter((type) => !ids.has(type.id)), ...updated]);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.#write('deleteOutcomeType', 'delete', (adapter) => adapter.deleteOutcomeType!(id, options));
    this.#applyWrite((types) => types.filter((type) => type.id !== id));
  }

  /** Records through the adapter; needs no editor role (agents record, editors configure). */
  async record(
    record: OutcomeRecord,
    options: RequestOptions & { idempotencyKey: string },
  ): Promise<RecordedOutcome> {
    if (!this.adapter.recordOutcome || !this.adapter.capabilities.record) {
      throw new OutcomeAdapterError(
        'forbidden',
        'This adapter cannot record outcomes; wrap it with withRecorder().',
      );
    }
    try {
      return await this.adapter.recordOutcome(record, options);
    } catch (error) {
      throw OutcomeAdapterError.from(error, 'network');
    }
  }

  async #write<T>(
    method: 'createOutcomeType' | 'updateOutcomeType' | 'deleteOutcomeType',
    capability: 'create' | 'update' | 'delete',
    call: (adapter: OutcomeAdapter) => Promise<T>,
  ): Promise<T> {
    const { capabilities } = this.adapter;
    if (!this.adapter[method] || !capabilities[capability]) {
      throw new OutcomeAdapterError('forbidden', `This backend does not allow to ${capability} outcome types.`);
    }
    if (capabilities.role !== 'editor') {
      throw new OutcomeAdapterError('forbidden', `The viewer role cannot ${capability} outcome types.`);
    }
    try {
      return await call(this.adapter);
    } catch (error) {
      throw OutcomeAdapterError.from(error, 'network');
    }
  }

  #applyWrite(change: (types: readonly OutcomeType[]) => OutcomeType[]): void {
    // A list requested before this write may not contain it: drop that list and ask again.
    this.#generation++;
    const pending = this.#inflight;
    this.#inflight = undefined;
    if (this.#snapshot.status === 'ready') {
      this.#set({ outcomeTypes: inOrder(change(this.#snapshot.outcomeTypes)) });
    }
    if (pending) void this.reload().catch(() => undefined);
  }

  #set(changes: Partial<StoreSnapshot>): void {
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...changes });
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}

