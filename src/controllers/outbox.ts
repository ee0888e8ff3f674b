import type { OutcomeAdapterError } from '../adapters/errors.js';
import type { OutcomeRecord, RecordedOutcome } from '../model/types.js';
import { webStorage } from './web-storage.js';

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

const KEY = 'outcome-elements:outbox';

/**
 * Records an agent queued while the backend was unreachable, persisted in localStorage and
 * retried with their own idempotency key until acknowledged: nothing is lost, and since every
 * retry carries the same key, nothing is recorded twice — even when two tabs flush at once.
 */
export class Outbox {
  readonly #storage: Storage;
  #flushing: Promise<RecordedOutcome[]> | undefined;

  constructor(storage: Storage = webStorage('localStorage')) {
    this.#storage = storage;
  }

  entries(): OutboxEntry[] {
    try {
      const value: unknown = JSON.parse(this.#storage.getItem(KEY) ?? '[]');
      return Array.isArray(value) ? (value.filter((entry) => entry && typeof entry === 'object' && entry.record && entry.idempotencyKey) as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  get pending(): number {
    return this.entries().filter((entry) => !entry.rejected).length;
  }

  enqueue(record: OutcomeRecord, idempotencyKey: string): void {
    const entries = this.entries().filter((entry) => entry.idempotencyKey !== idempotencyKey);
    entries.push({ record, idempotencyKey, queuedAt: new Date().toISOString(), attempts: 0 });
    this.#save(entries);
  }

  /**
   * Tries every pending entry once, oldest first; acknowledged ones leave the outbox. Calls
   * made while a flush runs share it, and a Web Lock makes one flush at a time across every
   * tab and element: the next one finds the acknowledged entries gone and reports nothing
   * twice.
   */
  flush(send: Send): Promise<RecordedOutcome[]> {
    const run = () => this.#flush(send);
    const exclusive = typeof navigator !== 'undefined' && navigator.locks
      ? () => navigator.locks.request(KEY, run)
      : run;
    this.#flushing ??= exclusive().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #flush(send: Send): Promise<RecordedOutcome[]> {
    const acknowledged: RecordedOutcome[] = [];
    for (const entry of this.entries()) {
      if (entry.rejected) continue;
      try {
        acknowledged.push(await send(entry.record, entry.idempotencyKey));
        this.#update(entry.idempotencyKey, null);
      } catch (thrown) {
        const error = thrown as OutcomeAdapterError;
        this.#update(entry.idempotencyKey, {
          attempts: entry.attempts + 1,
          lastError: error?.message ?? String(thrown),
          rejected: error?.retryable === false && error.code !== 'aborted',
        });
      }
    }
    return acknowledged;
  }

  /** Re-reads before writing: another tab may have changed the outbox meanwhile. */
  #update(idempotencyKey: string, changes: Partial<OutboxEntry> | null): void {
    const entries = this.entries();
    const index = entries.findIndex((entry) => entry.idempotencyKey === idempotencyKey);
    if (index === -1) return;
    if (changes === null) entries.splice(index, 1);
    else entries[index] = { ...entries[index]!, ...changes };
    this.#save(entries);
  }

  #save(entries: OutboxEntry[]): void {
    try {
      this.#storage.setItem(KEY, JSON.stringify(entries));
    } catch {
      // Storage full or refused: this page keeps the entries in memory only (see webStorage).
      webStorage('sessionStorage').setItem(KEY, JSON.stringify(entries));
    }
  }
}
