import type {
  AppliesTo,
  AutoAppliedOn,
  Category,
  Classification,
  Kind,
  RecordSource,
  Status,
} from './vocabulary.js';

/**
 * Where a contacted person goes after an outcome (a dialer's destination recipes). The shape
 * makes their structural rules impossible to break: a list id only with `smart_list`, and either
 * `all` or `listIds` — never both — with `remove_from_smart_list`.
 */
export type Destination =
  | { type: 'none' }
  | { type: 'smart_list'; id: string; name?: string }
  | { type: 'remove_from_smart_list'; all: true }
  | { type: 'remove_from_smart_list'; listIds: string[] };

/** One outcome type, the same shape for every backend. */
export interface OutcomeType {
  id: string;
  key: string;
  name: string;
  description: string;
  classification: Classification;
  category: Category;
  kind: Kind;
  ordinal: number;
  status: Status;
  isSystem: boolean;
  requiresFutureScheduledAt: boolean;
  appliesTo?: AppliesTo[];
  autoAppliedOn?: AutoAppliedOn;
  destination?: Destination;
  webhookUrl?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Backend fields the model has no place for, kept so that nothing read is lost. */
  extras: Record<string, unknown>;
}

/** What a caller may write; `key` is optional because some backends have none (the id is the key). */
export type OutcomeTypeInput = Omit<
  OutcomeType,
  'id' | 'isSystem' | 'createdAt' | 'updatedAt' | 'key' | 'extras'
> & { key?: string; extras?: Record<string, unknown> };

/** The fields of an outcome type that a backend may let a caller write. */
export type OutcomeTypeField = keyof OutcomeTypeInput;

/** What an agent records at the end of a call or task. */
export interface OutcomeRecord {
  subjectId: string;
  outcomeKey: string;
  /** ISO-8601 instant; present exactly when the outcome requires a future date. */
  scheduledAt?: string;
  notes?: string;
  source: RecordSource;
}

/** A record as the backend acknowledged it. */
export interface RecordedOutcome extends OutcomeRecord {
  id: string;
  recordedAt: string;
}
