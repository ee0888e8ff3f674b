import type { CrossFieldRule, FieldRule, FieldRules } from '../model/field-rules.js';
import type {
  OutcomeRecord,
  OutcomeType,
  OutcomeTypeInput,
  RecordedOutcome,
} from '../model/types.js';
import type { Role } from '../model/vocabulary.js';

export type { FieldRule, FieldRules };
export { OutcomeAdapterError, ADAPTER_ERROR_CODES, isOutcomeAdapterError } from './errors.js';
export type { AdapterErrorCode, OutcomeAdapterErrorOptions } from './errors.js';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` where the backend has one; reused for every retry. */
  idempotencyKey?: string;
  /**
   * Read by `updateOutcomeType` only: the outcome type as the caller (the admin) read it. The
   * update is then made only if the server still holds that version; otherwise it fails with
   * `conflict`, carrying the server's version as `OutcomeAdapterError.current`, and nothing is
   * written. A type deleted meanwhile fails with `not_found` and is not re-created. Backends
   * without conditional writes (Close, Sailor) re-read the one type right before writing and
   * compare its `updatedAt` and the fields the write depends on. Without it, an update behaves
   * as before (last write wins), but never resends values older than the server's.
   */
  expected?: OutcomeType;
}

export interface AdapterCapabilities {
  create: boolean;
  update: boolean;
  delete: boolean;
  record: boolean;
  /** What the backend lets this caller do. */
  role: Role;
  /** Only the fields this backend has. */
  fields: FieldRules;
  /**
   * Rules that span fields (Sailor: an action needs a webhook URL), so that the editor checks
   * them before sending too. Absent: the backend has none, or only it knows them (its
   * `fieldErrors` still land on the fields).
   */
  crossField?: readonly CrossFieldRule[];
}

export type SmartList = { id: string; name: string };

/** The capabilities of a backend: its operations, the caller's role and its rules, frozen. */
export function capabilitiesOf(
  operations: Pick<AdapterCapabilities, 'create' | 'update' | 'delete' | 'record'>,
  role: Role,
  rules: { fields: FieldRules; crossField: readonly CrossFieldRule[] },
): AdapterCapabilities {
  return Object.freeze({ ...operations, role, fields: rules.fields, crossField: rules.crossField });
}

/** The one seam between the elements and a backend. */
export interface OutcomeAdapter {
  /**
   * Which backend this adapter speaks to, stable across reloads (e.g. `sailor:https://api.sailorhq.io`).
   * Queued records, drafts, recents and the last known list are keyed by it, so nothing kept for
   * one backend is ever sent through another. A host adapter without one still lists and
   * records, but cannot queue: a record kept on the device must know where it belongs.
   */
  readonly id?: string;
  readonly capabilities: AdapterCapabilities;
  listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]>;
  getOutcomeType?(id: string, options?: RequestOptions): Promise<OutcomeType>;
  createOutcomeType?(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType>;
  updateOutcomeType?(
    id: string,
    changes: Partial<OutcomeTypeInput>,
    options?: RequestOptions,
  ): Promise<OutcomeType>;
  deleteOutcomeType?(id: string, options?: RequestOptions): Promise<void>;
  recordOutcome?(
    record: OutcomeRecord,
    options: RequestOptions & { idempotencyKey: string },
  ): Promise<RecordedOutcome>;
  listSmartLists?(options?: RequestOptions): Promise<SmartList[]>;
}

/** Reports one malformed item left out of an otherwise good list. */
export type InvalidItemHandler = (report: InvalidItemReport) => void;

export interface InvalidItemReport {
  /** Where the item came from, e.g. `GET /api/v1/outcome-types` or `storage`. */
  source: string;
  index?: number;
  item: unknown;
  /** The failing path and the reason, e.g. `$[3].classification: Invalid option`. */
  message: string;
}

export const warnInvalidItem: InvalidItemHandler = (report) => {
  console.warn(
    `[outcome-elements] left out a malformed item from ${report.source}` +
      `${report.index === undefined ? '' : ` at index ${report.index}`}: ${report.message}`,
    report.item,
  );
};
