import type { OutcomeAdapter, RequestOptions } from '../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { pagePendingStore } from '../../src/controllers/pending-store.js';
import { MEMORY_RULES } from '../../src/adapters/rules.js';
import type { OutcomeRecord, OutcomeType, RecordedOutcome } from '../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from './sample-outcomes.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';

/**
 * What a record attempt meets: `up` stores and answers; `down` fails before storing; `lose`
 * stores and then loses the answer (a timeout after the write); `hang` never answers; any
 * OutcomeAdapterError is thrown as the answer, storing nothing.
 */
export type Mode = 'up' | 'down' | 'lose' | 'hang' | OutcomeAdapterError;

/**
 * A backend that stores records by idempotency key, as the seed APIs do, and counts every
 * attempt, so tests can prove a record was stored once and never reached another backend.
 */
export class RecordingBackend implements OutcomeAdapter {
  readonly id: string | undefined;
  readonly capabilities = { create: false, update: false, delete: false, record: true, role: 'viewer' as const, fields: MEMORY_RULES.fields };
  /** Stored records by idempotency key. */
  readonly stored = new Map<string, RecordedOutcome>();
  readonly attempts: { record: OutcomeRecord; key: string }[] = [];
  mode: Mode = 'up';
  listMode: 'up' | 'down' = 'up';
  readonly #types: Promise<OutcomeType[]>;

  constructor(id: string | undefined, types = CALL_CENTRE_OUTCOMES) {
    this.id = id;
    this.#types = new MemoryAdapter({ outcomeTypes: types }).listOutcomeTypes();
  }

  async listOutcomeTypes(): Promise<OutcomeType[]> {
    if (this.listMode === 'down') throw new OutcomeAdapterError('network', 'The list could not be fetched.');
    return this.#types;
  }

  async recordOutcome(record: OutcomeRecord, options: RequestOptions & { idempotencyKey: string }): Promise<RecordedOutcome> {
    const key = options.idempotencyKey;
    this.attempts.push({ record, key });
    const mode = this.mode;
    if (mode instanceof OutcomeAdapterError) throw mode;
    if (mode === 'down') throw new OutcomeAdapterError('network', 'unreachable');
    if (mode === 'hang') return new Promise(() => undefined);
    const existing = this.stored.get(key);
    if (existing && JSON.stringify({ ...existing, id: undefined, recordedAt: undefined }) !== JSON.stringify({ ...record, id: undefined, recordedAt: undefined })) {
      throw new OutcomeAdapterError('conflict', 'This idempotency key was used with another record.');
    }
    const stored = existing ?? { ...record, id: `r-${this.stored.size + 1}`, recordedAt: new Date().toISOString() };
    this.stored.set(key, stored);
    if (mode === 'lose') throw new OutcomeAdapterError('timeout', 'The answer was lost.');
    return stored;
  }

  /** Records stored for a subject. */
  storedFor(subjectId: string): RecordedOutcome[] {
    return [...this.stored.values()].filter((record) => record.subjectId === subjectId);
  }
}

/** Empties the page's pending wrap-ups (every adapter's), so tests do not see each other's. */
export async function clearPending(): Promise<void> {
  const store = pagePendingStore();
  for (const entry of (await store.all()) as { idempotencyKey: string }[]) await store.delete(entry.idempotencyKey);
}

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, up to `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, ms = 2_000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await condition())) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await tick(10);
  }
}
