import * as z from 'zod/mini';
import type { BackendRules } from '../../model/field-rules.js';
import { randomId } from '../../model/id.js';
import { sortQuickly } from '../../model/name-order.js';
import { parseWith } from '../../model/parse.js';
import { checkScheduledAt } from '../../model/scheduled-at.js';
import { OutcomeTypeSchema, RecordedOutcomeSchema } from '../../model/schemas.js';
import { SYSTEM_DEFAULT_OUTCOME_TYPES } from '../../model/system-defaults.js';
import type {
  OutcomeRecord,
  OutcomeType,
  OutcomeTypeInput,
  RecordedOutcome,
} from '../../model/types.js';
import { checkOutcomeTypeInput, issuesToFieldErrors } from '../../model/validate-input.js';
import type { Role } from '../../model/vocabulary.js';
import {
  OutcomeAdapterError,
  capabilitiesOf,
  warnInvalidItem,
  type AdapterCapabilities,
  type InvalidItemHandler,
  type OutcomeAdapter,
  type RequestOptions,
} from '../adapter.js';
import { delay } from '../delay.js';
import { parseListLeniently, readList } from '../parse-list.js';
import { ItemsSchema } from '../wire-checks.js';
import { checkRecord } from '../record-check.js';
import { MEMORY_RULES } from './rules.js';

/**
 * The part of `Storage` the adapter needs; localStorage and sessionStorage fit. Written out
 * rather than picked from the DOM's `Storage` so that Node-only TypeScript projects compile.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** An outcome type given to seed the adapter; everything but key and name has a default. */
export type SeedOutcomeType = Partial<OutcomeType> & Pick<OutcomeType, 'key' | 'name'>;

export interface MemoryAdapterOptions {
  /** Replaces the ten system defaults as what the first list seeds. */
  outcomeTypes?: readonly SeedOutcomeType[];
  /** Persists everything (types, records, idempotency keys) as JSON under `storageKey`. */
  storage?: StorageLike;
  storageKey?: string;
  /**
   * The adapter's identity (`OutcomeAdapter.id`). Default `memory:<storageKey>`, so two
   * adapters over the same stored data are the same backend and two over different keys are not.
   */
  id?: string;
  /** Added before every answer, to show loading states. Default 0. */
  latencyMs?: number;
  /** Share of calls, 0–1, that fail with a retryable `network` error before changing anything. */
  failureRate?: number;
  /** What this caller may do. Default `editor`. */
  role?: Role;
  /**
   * The write rules it enforces and announces as `capabilities` (the fields an editor shows):
   * default `MEMORY_RULES`, every canonical field. Another backend's rules (each adapter's
   * folder exports them) make a demo show that backend's real form and checks. A backend whose
   * rules have no `key` names a new type by its id, as Sailor and Close do.
   */
  rules?: BackendRules;
  onInvalidItem?: InvalidItemHandler;
  /** Clock and dice, for tests. */
  now?: () => number;
  random?: () => number;
}

interface IdempotentAnswer {
  fingerprint: string;
  /** The id of what the key's first call made: a record, or an outcome type. */
  recordId: string;
}

interface MemoryState {
  seeded: boolean;
  outcomeTypes: OutcomeType[];
  records: RecordedOutcome[];
  idempotency: Record<string, IdempotentAnswer>;
}

const StoredStateSchema = z.object({
  version: z.literal(1),
  seeded: z.boolean(),
  outcomeTypes: ItemsSchema,
  records: ItemsSchema,
  idempotency: z.record(z.string(), z.object({ fingerprint: z.string(), recordId: z.string() })),
});

const DEFAULT_STORAGE_KEY = 'outcome-elements:memory-adapter';

function copy<T>(value: T): T {
  return structuredClone(value);
}

function validationError(message: string, fieldErrors: Record<string, string>): OutcomeAdapterError {
  return new OutcomeAdapterError('validation', message, { status: 400, fieldErrors });
}

/**
 * The embedded adapter: the whole canonical model in memory (optionally persisted), with the
 * rules and error meanings of the outcome-types API. For demos, tests and offline prototypes.
 */
export class MemoryAdapter implements OutcomeAdapter {
  readonly id: string;
  readonly capabilities: AdapterCapabilities;
  readonly #options: MemoryAdapterOptions;
  readonly #storageKey: string;
  readonly #report: InvalidItemHandler;
  readonly #rules: BackendRules;
  #state: MemoryState = { seeded: false, outcomeTypes: [], records: [], idempotency: {} };
  /** The raw stored text the state was last read from or written as. */
  #storedText: string | null = null;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#options = options;
    this.#storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
    this.id = options.id || `memory:${this.#storageKey}`;
    this.#report = options.onInvalidItem ?? warnInvalidItem;
    this.#rules = options.rules ?? MEMORY_RULES;
    this.capabilities = capabilitiesOf({ create: true, update: true, delete: true, record: true }, options.role ?? 'editor', this.#rules);
  }

  async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    await this.#enter(options);
    // Sorted as every adapter sorts (a list kept in order is checked, not sorted again), in the copy handed out.
    return sortQuickly(copy(this.#read().outcomeTypes), (type) => type);
  }

  async getOutcomeType(id: string, options?: RequestOptions): Promise<OutcomeType> {
    await this.#enter(options);
    return copy(this.#find(id));
  }

  /** A create repeated with its idempotency key answers with the type it made, not a second one. */
  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    await this.#enter(options);
    this.#assertEditor();
    const state = this.#read();
    const checked = checkOutcomeTypeInput(input, this.#rules);
    if (!checked.ok) {
      throw validationError('The outcome type is not valid.', issuesToFieldErrors(checked.issues));
    }
    const key = options?.idempotencyKey;
    const fingerprint = JSON.stringify(['create', checked.value, input.extras ?? {}]);
    const replay = key ? state.idempotency[key] : undefined;
    if (replay) {
      const earlier = state.outcomeTypes.find((type) => type.id === replay.recordId);
      if (replay.fingerprint !== fingerprint || !earlier) {
        throw new OutcomeAdapterError('conflict', 'This idempotency key was already used for another write.', { status: 409 });
      }
      return copy(earlier);
    }
    const id = randomId();
    const typeKey = checked.value.key ?? id;
    this.#assertUniqueKey(typeKey);
    const time = this.#nowIso();
    const created = OutcomeTypeSchema.parse({
      ...checked.value,
      id,
      key: typeKey,
      extras: input.extras ?? {},
      isSystem: false,
      createdAt: time,
      updatedAt: time,
    });
    state.outcomeTypes.push(created);
    if (key) state.idempotency[key] = { fingerprint, recordId: created.id };
    this.#write();
    return copy(created);
  }

  async updateOutcomeType(
    id: string,
    changes: Partial<OutcomeTypeInput>,
    options?: RequestOptions,
  ): Promise<OutcomeType> {
    await this.#enter(options);
    this.#assertEditor();
    const existing = this.#find(id);
    const checked = checkOutcomeTypeInput(changes, this.#rules, existing);
    if (!checked.ok) {
      throw validationError('The changes are not valid.', issuesToFieldErrors(checked.issues));
    }
    if (checked.value.key !== undefined) this.#assertUniqueKey(checked.value.key, id);
    Object.assign(existing, checked.value, { updatedAt: this.#nowIso() });
    if (changes.extras) existing.extras = { ...changes.extras };
    this.#write();
    return copy(existing);
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    await this.#enter(options);
    this.#assertEditor();
    const existing = this.#find(id);
    if (existing.isSystem) {
      throw new OutcomeAdapterError('forbidden', 'System outcome types cannot be deleted.', {
        status: 403,
      });
    }
    const state = this.#read();
    state.outcomeTypes = state.outcomeTypes.filter((type) => type.id !== id);
    this.#write();
  }

  async recordOutcome(
    record: OutcomeRecord,
    options: RequestOptions & { idempotencyKey: string },
  ): Promise<RecordedOutcome> {
    await this.#enter(options);
    const checked = checkRecord(record, options);
    const state = this.#read();
    const fingerprint = JSON.stringify(checked);
    const replay = state.idempotency[options.idempotencyKey];
    if (replay) {
      const earlier = state.records.find((stored) => stored.id === replay.recordId);
      if (replay.fingerprint !== fingerprint || !earlier) {
        throw new OutcomeAdapterError(
          'conflict',
          'This idempotency key was already used for a different record.',
          { status: 409 },
        );
      }
      return copy(earlier);
    }
    const outcome = state.outcomeTypes.find(
      (type) => type.key === checked.outcomeKey && type.status === 'active',
    );
    if (!outcome) {
      throw validationError(`"${checked.outcomeKey}" is not an active outcome.`, {
        outcomeKey: 'is not an active outcome',
      });
    }
    const dateIssue = checkScheduledAt(outcome, checked.scheduledAt, this.#now());
    if (dateIssue) {
      throw validationError('The scheduled time is not valid.', {
        scheduledAt: {
          valueMissing: 'is required for this outcome',
          rangeUnderflow: 'must be in the future',
          badInput: 'must be an ISO-8601 date-time',
          notAllowed: 'is not used by this outcome',
        }[dateIssue],
      });
    }
    const recorded: RecordedOutcome = {
      ...checked,
      id: randomId(),
      recordedAt: this.#nowIso(),
    };
    state.records.push(recorded);
    state.idempotency[options.idempotencyKey] = { fingerprint, recordId: recorded.id };
    this.#write();
    return copy(recorded);
  }

  /** Every record accepted so far, oldest first. */
  listRecords(): RecordedOutcome[] {
    return copy(this.#read().records);
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  #nowIso(): string {
    return new Date(this.#now()).toISOString();
  }

  async #enter(options?: RequestOptions): Promise<void> {
    const { latencyMs = 0, failureRate = 0, random = Math.random } = this.#options;
    if (options?.signal?.aborted) await delay(0, options.signal);
    if (latencyMs > 0) await delay(latencyMs, options?.signal);
    if (failureRate > 0 && random() < failureRate) {
      throw new OutcomeAdapterError('network', 'Simulated network failure (failureRate).');
    }
  }

  #assertEditor(): void {
    if (this.capabilities.role !== 'editor') {
      throw new OutcomeAdapterError('forbidden', 'Changing outcome types needs the editor role.', {
        status: 403,
      });
    }
  }

  #assertUniqueKey(key: string, exceptId?: string): void {
    if (this.#read().outcomeTypes.some((type) => type.key === key && type.id !== exceptId)) {
      throw validationError(`The key "${key}" is already in use.`, {
        key: 'is already used by another outcome type',
      });
    }
  }

  #find(id: string): OutcomeType {
    const found = this.#read().outcomeTypes.find((type) => type.id === id);
    if (!found) {
      throw new OutcomeAdapterError('not_found', `No outcome type has the id "${id}".`, {
        status: 404,
      });
    }
    return found;
  }

  #seed(): OutcomeType[] {
    const time = this.#nowIso();
    const seeds: readonly SeedOutcomeType[] =
      this.#options.outcomeTypes ??
      SYSTEM_DEFAULT_OUTCOME_TYPES.map((type) => ({ ...type, id: `system-${type.key}`, isSystem: true }));
    return readList(
      seeds,
      (seed) => parseWith(OutcomeTypeSchema, { id: randomId(), createdAt: time, updatedAt: time, ...(seed as object) }),
      this.#report,
      'MemoryAdapter options.outcomeTypes',
    ).values;
  }

  /**
   * The state, re-read when another instance or tab changed the stored copy, and seeded on
   * first access as the outcome-types API seeds on first list.
   */
  #read(): MemoryState {
    const state = this.#readStored();
    if (!state.seeded) {
      state.outcomeTypes = this.#seed();
      state.seeded = true;
      this.#write();
    }
    return state;
  }

  #readStored(): MemoryState {
    const storage = this.#options.storage;
    if (!storage) return this.#state;
    let text: string | null;
    try {
      text = storage.getItem(this.#storageKey);
    } catch (error) {
      this.#report({ source: 'storage', item: null, message: `storage is not readable: ${String(error)}` });
      return this.#state;
    }
    if (text === this.#storedText || text === null) return this.#state;
    this.#storedText = text;
    this.#state = this.#parseStored(text);
    return this.#state;
  }

  #parseStored(text: string): MemoryState {
    const fresh: MemoryState = { seeded: false, outcomeTypes: [], records: [], idempotency: {} };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      this.#reportCorrupt(text, `not JSON (${(error as Error).message})`);
      return fresh;
    }
    const envelope = parseWith(StoredStateSchema, json);
    if (!envelope.ok) {
      this.#reportCorrupt(json, envelope.message);
      return fresh;
    }
    const source = `storage "${this.#storageKey}"`;
    return {
      seeded: envelope.value.seeded,
      outcomeTypes: readList(
        envelope.value.outcomeTypes,
        (item) => parseWith(OutcomeTypeSchema, item),
        this.#report,
        `${source} outcomeTypes`,
      ).values,
      records: parseListLeniently(
        envelope.value.records,
        (item) => parseWith(RecordedOutcomeSchema, item),
        this.#report,
        `${source} records`,
      ),
      idempotency: envelope.value.idempotency,
    };
  }

  #reportCorrupt(item: unknown, reason: string): void {
    this.#report({
      source: `storage "${this.#storageKey}"`,
      item,
      message: `the stored state is corrupt and was replaced by the defaults: ${reason}`,
    });
  }

  #write(): void {
    const storage = this.#options.storage;
    if (!storage) return;
    const text = JSON.stringify({ version: 1, ...this.#state });
    try {
      storage.setItem(this.#storageKey, text);
      this.#storedText = text;
    } catch (error) {
      // A full or blocked storage must not lose the change in this session: keep it in memory.
      this.#report({ source: 'storage', item: null, message: `storage is not writable: ${String(error)}` });
    }
  }
}
