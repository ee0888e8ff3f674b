import type { OutcomeRecord } from '../model/types.js';
import { pageStore, type KeyedStore } from './idb-store.js';

/**
 * Where a wrap-up stands while it is not acknowledged:
 * - `queued`: kept on the device, waiting for the backend (never tried, or tried and not
 *   refused: the next attempt reuses its key, so it is stored once however often it is sent);
 * - `refused`: the backend refused this record (validation, unknown outcome): kept, shown, sent
 *   again only when someone asks;
 * - `deferred`: the agent had nothing to record it with (no list) and chose to finish later.
 */
export type PendingState = 'queued' | 'refused' | 'deferred';

/** One pending wrap-up as stored. `id` is the record's idempotency key, or `deferred:<subject>`. */
export interface PendingEntry {
  id: string;
  /** The adapter this belongs to: it is only ever sent through an adapter with this id. */
  adapterId: string;
  subjectId: string;
  state: PendingState;
  /** Absent for a deferred wrap-up. */
  record?: OutcomeRecord;
  /** When it became pending, ISO-8601. */
  since: string;
  attempts: number;
  lastError?: { code: string; message: string };
  /** Not tried again before this time (ms since epoch): backoff after failed attempts. */
  notBefore?: number;
}

/**
 * The pending wrap-ups of every adapter, in IndexedDB. The database and store names are the
 * ones the first outbox used, so records queued by an older version are still found (they
 * carry no adapter id and so are kept, never sent anywhere).
 */
export function pagePendingStore(): KeyedStore<StoredEntry> {
  return pageStore<StoredEntry>({ database: 'outcome-elements', store: 'outbox', keyPath: 'idempotencyKey' });
}

/** The stored form keeps the first outbox's key path (`idempotencyKey`). */
export type StoredEntry = PendingEntry & { idempotencyKey: string };

export function toStored(entry: PendingEntry): StoredEntry {
  return { ...entry, idempotencyKey: entry.id };
}

const STATES: ReadonlySet<string> = new Set(['queued', 'refused', 'deferred']);

/** A stored value as an entry of `adapterId`, or undefined when it is another's or unreadable. */
export function readEntry(value: unknown, adapterId: string): PendingEntry | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entry = value as Partial<StoredEntry>;
  if (entry.adapterId !== adapterId || typeof entry.idempotencyKey !== 'string') return undefined;
  if (typeof entry.subjectId !== 'string' || !STATES.has(entry.state as string) || typeof entry.since !== 'string') return undefined;
  if (entry.state !== 'deferred' && !isRecord(entry.record)) return undefined;
  return {
    id: entry.idempotencyKey,
    adapterId,
    subjectId: entry.subjectId,
    state: entry.state!,
    ...(entry.record ? { record: entry.record } : {}),
    since: entry.since,
    attempts: typeof entry.attempts === 'number' ? entry.attempts : 0,
    ...(entry.lastError ? { lastError: entry.lastError } : {}),
    ...(typeof entry.notBefore === 'number' ? { notBefore: entry.notBefore } : {}),
  };
}

function isRecord(value: unknown): value is OutcomeRecord {
  const record = value as OutcomeRecord | undefined;
  return !!record && typeof record === 'object' && typeof record.subjectId === 'string' && typeof record.outcomeKey === 'string';
}
