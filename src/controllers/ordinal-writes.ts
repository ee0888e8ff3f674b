import { OutcomeAdapterError } from '../adapters/errors.js';
import { randomId } from '../model/id.js';
import type { OutcomeType } from '../model/types.js';
import type { OutcomeStore } from './outcome-store.js';
import { MAX_IN_FLIGHT, pool } from './write-pool.js';

/** One ordinal to write: `from` is what the type had, written back if the plan fails. */
export interface OrdinalWrite {
  id: string;
  /** Named when this write fails. */
  name: string;
  from: number;
  to: number;
}

export interface OrdinalWritesOptions {
  /** Writes in flight at once; 1 to 4, default 4. */
  concurrency?: number;
  /** After each write the backend accepted: how many of `total` are done. */
  onProgress?: (done: number, total: number) => void;
  /** The longest stretch of work before the event loop gets a turn; default 8 ms. */
  sliceMs?: number;
}

export type OrdinalWritesResult =
  | { ok: true; updated: OutcomeType[] }
  | {
      ok: false;
      /** The first write that failed, and why. */
      failed: { write: OrdinalWrite; error: OutcomeAdapterError };
      /** Writes that were (or, their answer lost, may have been) done and were written back. */
      restored: OrdinalWrite[];
      /** Writes that were or may have been done whose old ordinal could not be written back. */
      unrestored: OrdinalWrite[];
    };

/**
 * Applies a reorder plan through `store`: at most 4 writes in flight, each with an idempotency
 * key of its own (the adapter reuses it for that write's retries), progress reported as writes
 * are done, and the list updated once, at the end, so that the elements render once.
 *
 * On a failure no new write is sent; those in flight are awaited; every write that was done —
 * or may have been, its answer lost (a retryable failure) — is written back to its old
 * ordinal; then the list is read again, so what is shown is what the server holds. The result
 * names the write that failed first.
 */
export async function writeOrdinals(store: OutcomeStore, writes: readonly OrdinalWrite[], options: OrdinalWritesOptions = {}): Promise<OrdinalWritesResult> {
  const limit = Math.max(1, Math.min(MAX_IN_FLIGHT, Math.floor(options.concurrency ?? MAX_IN_FLIGHT)));
  const sliceMs = options.sliceMs ?? 8;
  const total = writes.length;
  /** The types written, by their place in the plan, so events follow the plan's order. */
  const answers: (OutcomeType | undefined)[] = new Array<OutcomeType | undefined>(total);
  const place = new Map(writes.map((write, index) => [write, index]));
  let accepted = 0;
  const done: OrdinalWrite[] = [];
  let failed: { write: OrdinalWrite; error: OutcomeAdapterError } | undefined;

  await pool(
    writes,
    limit,
    sliceMs,
    async (write) => {
      try {
        answers[place.get(write)!] = await store.sendUpdate(write.id, { ordinal: write.to }, { idempotencyKey: randomId() });
      } catch (thrown) {
        const error = OutcomeAdapterError.from(thrown, 'network');
        // A refused write changed nothing; one whose answer was lost may have been done.
        if (error.retryable) done.push(write);
        failed ??= { write, error };
        return;
      }
      done.push(write);
      options.onProgress?.(++accepted, total);
    },
    () => failed !== undefined,
  );

  if (!failed) {
    const updated = answers.filter((type): type is OutcomeType => type !== undefined);
    store.applyUpdates(updated);
    return { ok: true, updated };
  }
  const restored: OrdinalWrite[] = [];
  const unrestored: OrdinalWrite[] = [];
  await pool(
    done,
    limit,
    sliceMs,
    async (write) => {
      try {
        await store.sendUpdate(write.id, { ordinal: write.from }, { idempotencyKey: randomId() });
        restored.push(write);
      } catch {
        unrestored.push(write);
      }
    },
    () => false,
  );
  // Whatever happened, the list shows what the server holds now.
  await store.reload().catch(() => undefined);
  return { ok: false, failed, restored, unrestored };
}
