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

const PREFIX = 'outcome-elements:outbox:';
const LOCK = 'outcome-elements:outbox';

/**
 * Records an agent queued while the backend was unreachable, persisted in localStorage and
 * retried with their own idempotency key until acknowledged: nothing is lost, and since every
 * retry carries the same key, nothing is recorded twice — even when two tabs flush at once.
 * Each entry is its own storage item, written once when queued and removed once acknowledged,
 * so no tab ever rewrites a list another tab is changing (which could bring back an entry that
 * was already delivered).
 */
export class Outbox {
  readonly #storage: Storage;
  #flushing: Promise<RecordedOutcome[]> | undefined;

  constructor(storage: Storage = webStorage('localStorage')) {
    this.#storage = storage;
  }

  /** Every entry, oldest first; unreadable items are skipped, never thrown. */
  entries(): OutboxEntry[] {
    const entries: OutboxEntry[] = [];
    try {
      for (let index = 0; index < this.#storage.length; index++) {
        const key = this.#storage.key(index);
        if (!key?.startsWith(PREFIX)) continue;
        const entry = parseEntry(this.#storage.getItem(key));
        if (entry) entries.push(entry);
      }
    } catch {
      return entries;
    }
    return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  get pending(): number {
    return this.entries().filter((entry) => !entry.rejected).length;
  }

  /**
   * Stores the record at once (synchronously): closing the tab right after loses nothing.
   * Throws when the storage refuses it.
   */
  enqueue(record: OutcomeRecord, idempotencyKey: string): void {
    this.#write({ record, idempotencyKey, queuedAt: new Date().toISOString(), attempts: 0 });
  }

  /**
   * Tries every pending entry once, oldest first; acknowledged ones leave the outbox and are
   * returned, to the caller that started the flush only: a call made while a flush runs waits
   * for it and gets nothing, so no record is announced twice. A Web Lock makes one flush at a
   * time across every tab and element; the next one finds the acknowledged entries gone.
   */
  flush(send: Send): Promise<RecordedOutcome[]> {
    if (this.#flushing) return this.#flushing.then(() => []);
    const run = () => this.#flush(send);
    const exclusive = typeof navigator !== 'undefined' && navigator.locks
      ? () => navigator.locks.request(LOCK, run)
      : run;
    this.#flushing = exclusive().finally(() => (this.#flushing = undefined));
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

  /** Under the flush lock only: an acknowledged entry goes, a failed one records why. */
  #update(idempotencyKey: string, changes: Partial<OutboxEntry> | null): void {
    const key = PREFIX + idempotencyKey;
    if (changes === null) {
      this.#storage.removeItem(key);
      return;
    }
    const entry = parseEntry(this.#storage.getItem(key));
    if (entry) this.#write({ ...entry, ...changes });
  }

  /** Throws when storage refuses (full): the caller must not claim the record is queued. */
  #write(entry: OutboxEntry): void {
    this.#storage.setItem(PREFIX + entry.idempotencyKey, JSON.stringify(entry));
  }
}

function parseEntry(text: string | null): OutboxEntry | null {
  try {
    const value: unknown = JSON.parse(text ?? 'null');
    if (!value || typeof value !== 'object') return null;
    const entry = value as OutboxEntry;
    return entry.record && typeof entry.idempotencyKey === 'string' && typeof entry.queuedAt === 'string' ? entry : null;
  } catch {
    return null;
  }
}
