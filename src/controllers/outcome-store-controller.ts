import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OutcomeAdapter } from '../adapters/adapter.js';
import { OutcomeStore, type StoreSnapshot } from './outcome-store.js';

const NO_ADAPTER: StoreSnapshot = Object.freeze({
  status: 'idle',
  outcomeTypes: [],
  error: null,
  loading: false,
  stale: false,
  fetchedAt: null,
});

/**
 * Keeps a host element subscribed to the store of whatever adapter it currently has (its own
 * or its provider's), loading the list on connect and re-rendering the host on every change.
 */
export class OutcomeStoreController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #adapter: () => OutcomeAdapter | undefined;
  #store: OutcomeStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, adapter: () => OutcomeAdapter | undefined) {
    this.#host = host;
    this.#adapter = adapter;
    host.addController(this);
  }

  // Both follow the host's current adapter when read: a host's willUpdate runs before
  // hostUpdate, and an update requested from hostUpdate is dropped, so a store switched only
  // there would leave the host rendering the previous adapter's list until something else
  // changed.
  get store(): OutcomeStore | undefined {
    this.#sync();
    return this.#store;
  }

  get snapshot(): StoreSnapshot {
    this.#sync();
    return this.#store?.snapshot ?? NO_ADAPTER;
  }

  /** Loads again from the backend (the retry of an error state). */
  reload(): Promise<unknown> {
    return this.store?.reload().catch(() => undefined) ?? Promise.resolve();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  #sync(): void {
    if (!this.#connected) return;
    const adapter = this.#adapter();
    if (adapter === this.#store?.adapter) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = adapter ? OutcomeStore.for(adapter) : undefined;
    if (!this.#store) return;
    this.#unsubscribe = this.#store.subscribe(() => this.#host.requestUpdate());
    // Errors land in the snapshot, where the element shows them with a retry.
    this.#store.load().catch(() => undefined);
    this.#host.requestUpdate();
  }
}
