import type { OutcomeAdapterError } from '../adapters/errors.js';
import type { OutcomeRecord, RecordedOutcome } from '../model/types.js';
import { pageOutboxStore, type OutboxStore } from './outbox-store.js';

/** A record waiting to be acknowledged, with the key every attempt reuses. */
export interface OutboxEntry {
  record: OutcomeRecord;
  idempotencyKey: string;
  queuedAt: string;
  attempts: number;
  /** The last failure, for display. */
  lastError?: string;
  /** Refused for good (not retryable, e.g. the outcome was removed): kept, never dropped silently. */
  rejected?: boolean;
}

export type Send = (record: OutcomeRecord, idempotencyKey: string) => Promise<RecordedOutcome>;

const LOCK = 'outcome-elements:outbox';

/** The flush running on each store: every outbox of a page shares one, so a page holds at most one flush and one lock request at a time. */
const flushes = new WeakMap<OutboxStore, Promise<RecordedOutcome[]>>();

/**
 * Records an agent queued while the backend was unreachable, persisted in IndexedDB and
 * retried with their own idempotency key until acknowledged: nothing is lost, and since every
 * retry carries the same key, nothing is stored twice. One flush runs at a time across every
 * tab and element (a Web Lock), and each reads the committed entries, so an acknowledged record
 * is sent, and announced, by one flush only.
 */
export class Outbox {
  readonly #store: OutboxStore;

  constructor(store: OutboxStore = pageOutboxStore()) {
    this.#store = store;
  }

  /** Every entry, oldest first; unreadable ones are skipped, never thrown. */
  async entries(): Promise<OutboxEntry[]> {
    const entries = (await this.#store.all().catch((): unknown[] => [])).filter(isEntry);
    return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  async pending(): Promise<number> {
    return (await this.entries()).filter((entry) => !entry.rejected).length;
  }

  /**
   * Resolves once the record is durably stored, so closing the tab after that loses nothing;
   * rejects when the storage refuses it (the caller must not claim it is queued).
   */
  enqueue(record: OutcomeRecord, idempotencyKey: string): Promise<void> {
    return this.#store.put({ record, idempotencyKey, queuedAt: new Date().toISOString(), attempts: 0 });
  }

  /**
   * Tries every pending entry once, oldest first; acknowledged ones leave the outbox and are
   * returned, to the caller that started the flush only: a call made while a flush of the same
   * store runs (from any outbox of the page) waits for it and gets nothing, so no record is
   * announced twice.
   */
  flush(send: Send): Promise<RecordedOutcome[]> {
    const running = flushes.get(this.#store);
    if (running) return running.then(() => []);
    const run = () => this.#flush(send);
    const exclusive = typeof navigator !== 'undefined' && navigator.locks
      ? () => navigator.locks.request(LOCK, run)
      : run;
    const flushing = exclusive().finally(() => flushes.delete(this.#store));
    flushes.set(this.#store, flushing);
    return flushing;
  }

  async #flush(send: Send): Promise<RecordedOutcome[]> {
    const acknowledged: RecordedOutcome[] = [];
    for (const entry of await this.entries()) {
      if (entry.rejected) continue;
      let recorded: RecordedOutcome;
      try {
        recorded = await send(entry.record, entry.idempotencyKey);
      } catch (thrown) {
        const error = thrown as OutcomeAdapterError;
        await this.#store.put({
          ...entry,
          attempts: entry.attempts + 1,
          lastError: error?.message ?? String(thrown),
          rejected: error?.retryable === false && error.code !== 'aborted',
        }).catch(() => undefined);
        continue;
      }
      // Announced only once the entry is gone: if the removal fails, the next flush sends it
      // again with the same key (stored once) and announces it then, never twice.
      if (await this.#store.delete(entry.idempotencyKey).then(() => true, () => false)) acknowledged.push(recorded);
    }
    return acknowledged;
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry | null;
  return !!entry && typeof entry === 'object' && !!entry.record && typeof entry.record === 'object'
    && typeof entry.idempotencyKey === 'string' && typeof entry.queuedAt === 'string';
}
