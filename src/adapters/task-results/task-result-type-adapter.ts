import { parseWith } from '../../model/parse.js';
import { checkScheduledAt, type ScheduledAtIssue } from '../../model/scheduled-at.js';
import { IsoInstantSchema } from '../../model/schemas.js';
import type { OutcomeRecord, OutcomeType, RecordedOutcome } from '../../model/types.js';
import { OutcomeAdapterError, type RequestOptions } from '../adapter.js';
import { delay, untilAborted } from '../delay.js';
import { HttpAdapter } from '../http-adapter.js';
import { LazyIndex } from '../lazy-index.js';
import { checkRecord } from '../record-check.js';
import { taskResultsBackend, type TaskResultTypeAdapterOptions } from './backend.js';

export type { TaskResultTypeAdapterOptions } from './backend.js';

const SCHEDULED_AT_MESSAGES: Record<Exclude<ScheduledAtIssue, 'nonexistentLocalTime'>, string> = {
  valueMissing: 'is required for this result',
  rangeUnderflow: 'must be in the future',
  badInput: 'must be an ISO-8601 date-time',
  notAllowed: 'is not used by this result',
};

/** A configured result as a submit reads it: its code is the key it was found by. */
type ResultCode = Pick<OutcomeType, 'requiresFutureScheduledAt'> & { code: string };

function notSent(message: string, fieldErrors: Record<string, string>): OutcomeAdapterError {
  return new OutcomeAdapterError('validation', `Not sent: ${message}`, { fieldErrors });
}

/** The first string of `names` found on `source` that passes `accept`. */
function firstString(source: unknown, names: readonly string[], accept: (value: string) => boolean): string | undefined {
  if (!source || typeof source !== 'object' || Array.isArray(source)) return undefined;
  const record = source as Record<string, unknown>;
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && accept(value)) return value;
  }
  return undefined;
}

/** The answer's own fields, whether at the top or echoed back under `task_result`. */
function answerFields(body: unknown): unknown[] {
  const nested = body && typeof body === 'object' ? (body as Record<string, unknown>)['task_result'] : undefined;
  return [body, nested];
}

/**
 * Task result types (seeds/task-result-type-configs.txt): a read-only list of the codes a task
 * result may carry, and the submit of one result. The label is what the operator sees; only the
 * code is ever sent.
 */
export class TaskResultTypeAdapter extends HttpAdapter<unknown[], OutcomeType, TaskResultTypeAdapterOptions> {
  readonly #resultPath: (subjectId: string) => string;
  /** The results of the last list by code, which a record is checked against before it is sent. */
  #codes: LazyIndex<string, OutcomeType> | undefined;
  /** The list records wait for when none came yet: one GET however many records, none kept if it fails. */
  #codesLoad: Promise<unknown> | undefined;

  constructor(options: TaskResultTypeAdapterOptions) {
    if (typeof options.apiKey !== 'string' || options.apiKey === '') {
      throw new TypeError('TaskResultTypeAdapter needs an apiKey.');
    }
    if (typeof options.resultPath !== 'function') {
      throw new TypeError('TaskResultTypeAdapter needs resultPath: the seed documents no submit path.');
    }
    super(taskResultsBackend, options, 'viewer');
    this.#resultPath = options.resultPath;
  }

  override async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    const types = await this.readItems(options);
    this.#codes = new LazyIndex(types, (type) => type.key);
    return types;
  }

  async recordOutcome(
    record: OutcomeRecord,
    options: RequestOptions & { idempotencyKey: string },
  ): Promise<RecordedOutcome> {
    const checked = checkRecord(record, options);
    const result = await this.#configuredResult(checked, options.signal);
    const answer = await this.http.request({
      method: 'POST',
      path: this.#submitPath(checked.subjectId),
      body: { task_result: this.#wireResult(result, checked) },
      idempotencyKey: options.idempotencyKey,
      signal: options.signal,
    });
    return this.#recorded(checked, answer.body, options.idempotencyKey);
  }

  /** The configured result the record names, its date checked against that result's rule. */
  async #configuredResult(record: OutcomeRecord, signal: AbortSignal | undefined): Promise<ResultCode> {
    if (!this.#codes) {
      if (signal?.aborted) await delay(0, signal);
      // Without the caller's signal: one caller giving up must not fail the others waiting on it.
      this.#codesLoad ??= this.listOutcomeTypes().finally(() => (this.#codesLoad = undefined));
      await untilAborted(this.#codesLoad, signal);
    }
    const codes = this.#codes!;
    const type = codes.get(record.outcomeKey);
    if (!type) {
      const byLabel = [...codes.values()].find((candidate) => candidate.name === record.outcomeKey);
      const hint = byLabel ? ` "${record.outcomeKey}" is the label of ${byLabel.key}; send the code.` : '';
      throw notSent(`"${record.outcomeKey}" is not a configured result code.${hint}`, {
        outcomeKey: byLabel ? `is a label; the code is ${byLabel.key}` : 'is not a configured result code',
      });
    }
    const result: ResultCode = { code: record.outcomeKey, requiresFutureScheduledAt: type.requiresFutureScheduledAt };
    const dateIssue = checkScheduledAt(result, record.scheduledAt);
    if (dateIssue) {
      throw notSent(`the scheduled time ${SCHEDULED_AT_MESSAGES[dateIssue]}.`, {
        scheduledAt: SCHEDULED_AT_MESSAGES[dateIssue],
      });
    }
    return result;
  }

  #submitPath(subjectId: string): string {
    const path = this.#resultPath(this.segment(subjectId));
    return path.startsWith('/') ? path : `/${path}`;
  }

  /** The seed's `task_result`: the code, and the date only for a result that requires one. Notes have no field. */
  #wireResult(result: ResultCode, record: OutcomeRecord): Record<string, string> {
    return result.requiresFutureScheduledAt
      ? { result: result.code, future_scheduled_at: record.scheduledAt! }
      : { result: result.code };
  }

  /** The seed documents no answer: take an id and a time from it where it has them. */
  #recorded(record: OutcomeRecord, body: unknown, idempotencyKey: string): RecordedOutcome {
    const isInstant = (value: string) => parseWith(IsoInstantSchema, value).ok;
    const sources = answerFields(body);
    const id = sources.map((source) => firstString(source, ['id'], (value) => value !== '')).find(Boolean);
    const recordedAt = sources
      .map((source) => firstString(source, ['recorded_at', 'recordedAt', 'created_at', 'createdAt'], isInstant))
      .find(Boolean);
    return { ...record, id: id ?? idempotencyKey, recordedAt: recordedAt ?? new Date().toISOString() };
  }
}
