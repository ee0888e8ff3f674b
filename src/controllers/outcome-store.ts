import type { OutcomeAdapter, RequestOptions } from '../adapters/adapter.js';
import { OutcomeAdapterError } from '../adapters/errors.js';
import { sortOutcomeTypes } from '../model/ordering.js';
import type {
  OutcomeRecord,
  OutcomeType,
  OutcomeTypeInput,
  RecordedOutcome,
} from '../model/types.js';

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
}

export type StoreListener = (snapshot: StoreSnapshot) => void;

const stores = new WeakMap<OutcomeAdapter, OutcomeStore>();

/**
 * The one cache per adapter. Loads are de-duplicated, a list that started before a newer load
 * or a write never overwrites what those brought, and writes go through here so that every
 * element showing the same adapter updates at once.
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
  #snapshot: StoreSnapshot = { status: 'idle', outcomeTypes: [], error: null, loading: false };
  #listeners = new Set<StoreListener>();
  /** Bumped by every load started and every write applied; a load applies only its own. */
  #generation = 0;
  #inflight: Promise<readonly OutcomeType[]> | undefined;

  private constructor(adapter: OutcomeAdapter) {
    this.adapter = adapter;
  }

  get snapshot(): StoreSnapshot {
    return this.#snapshot;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The list, from the cache once there is one; concurrent calls share one request. */
  load(): Promise<readonly OutcomeType[]> {
    if (this.#inflight) return this.#inflight;
    if (this.#snapshot.status === 'ready') return Promise.resolve(this.#snapshot.outcomeTypes);
    return this.reload();
  }

  /** A fresh list from the backend, superseding any load under way. */
  reload(): Promise<readonly OutcomeType[]> {
    const generation = ++this.#generation;
    const request = this.#fetch(generation);
    this.#inflight = request;
    return request;
  }

  async #fetch(generation: number): Promise<readonly OutcomeType[]> {
    const hasList = this.#snapshot.status === 'ready';
    this.#set({ status: hasList ? 'ready' : 'loading', loading: true });
    let types: OutcomeType[];
    try {
      types = await this.adapter.listOutcomeTypes();
    } catch (thrown) {
      if (generation !== this.#generation) return this.#follow();
      this.#inflight = undefined;
      const error = OutcomeAdapterError.from(thrown, 'network');
      this.#set({ status: this.#snapshot.status === 'ready' ? 'ready' : 'error', error, loading: false });
      throw error;
    }
    if (generation !== this.#generation) return this.#follow();
    this.#inflight = undefined;
    const outcomeTypes = Object.freeze(sortOutcomeTypes(types));
    this.#set({ status: 'ready', outcomeTypes, error: null, loading: false });
    return outcomeTypes;
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
    const created = await this.#write('createOutcomeType', 'create', (adapter) =>
      adapter.createOutcomeType!(input, options),
    );
    this.#applyWrite((types) => [...types.filter((type) => type.id !== created.id), created]);
    return created;
  }

  async update(
    id: string,
    changes: Partial<OutcomeTypeInput>,
    options?: RequestOptions,
  ): Promise<OutcomeType> {
    const updated = await this.#write('updateOutcomeType', 'update', (adapter) =>
      adapter.updateOutcomeType!(id, changes, options),
    );
    this.#applyWrite((types) => types.map((type) => (type.id === id ? updated : type)));
    return updated;
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
      this.#set({ outcomeTypes: Object.freeze(sortOutcomeTypes(change(this.#snapshot.outcomeTypes))) });
    }
    if (pending) void this.reload().catch(() => undefined);
  }

  #set(changes: Partial<StoreSnapshot>): void {
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...changes });
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}
