import { OutcomeAdapterError } from '../adapters/errors.js';
import { randomId } from '../model/id.js';
import type { OutcomeType } from '../model/types.js';
import type { OutcomeStore } from './outcome-store.js';

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

const MAX_IN_FLIGHT = 4;

/**
 * A turn for the event loop: a task queued behind those already waiting (input, timers, other
 * elements' work), unlike `scheduler.yield()`, whose continuation goes first, and without the
 * 4 ms clamp of nested `setTimeout`s.
 */
function pause(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Runs `job` over `items` with at most `limit` in flight; stops taking new items once `stop()`
 * says so. Answers that arrive at once (an adapter in memory) would chain into one long task,
 * so after `sliceMs` of work no new job starts until the event loop has had a turn — one pause
 * for the whole pool, not one per job in flight.
 */
function pool<T>(items: readonly T[], limit: number, sliceMs: number, job: (item: T) => Promise<void>, stop: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let inFlight = 0;
    let paused = false;
    let sliceStart = performance.now();
    const launch = (): void => {
      while (!stop() && inFlight < limit && next < items.length) {
        inFlight++;
        void job(items[next++]!).then(settle, settle);
      }
      if (inFlight === 0) resolve();
    };
    const settle = (): void => {
      inFlight--;
      if (paused) return;
      if (performance.now() - sliceStart <= sliceMs) return launch();
      paused = true;
      void pause().then(() => {
        paused = false;
        sliceStart = performance.now();
        launch();
      });
    };
    launch();
  });
}

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
