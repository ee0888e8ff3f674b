import { parseWith } from '../model/parse.js';
import { OutcomeRecordSchema } from '../model/schemas.js';
import type { OutcomeRecord } from '../model/types.js';
import { OutcomeAdapterError } from './errors.js';

/**
 * The check every `recordOutcome` makes before anything is stored or sent: a well-formed record
 * (each bad field named in `fieldErrors`) and an idempotency key, so a retry cannot store it twice.
 */
export function checkRecord(record: unknown, options: { idempotencyKey?: unknown } | undefined): OutcomeRecord {
  const parsed = parseWith(OutcomeRecordSchema, record);
  if (!parsed.ok) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.issues) fieldErrors[String(issue.at[0] ?? 'record')] ??= issue.message;
    throw new OutcomeAdapterError('validation', `Not sent: the record is not valid: ${parsed.message}`, { status: 400, fieldErrors });
  }
  if (typeof options?.idempotencyKey !== 'string' || options.idempotencyKey === '') {
    throw new OutcomeAdapterError('validation', 'Not sent: recordOutcome needs an idempotency key, so that a retry cannot store the record twice.', { status: 400 });
  }
  return parsed.value;
}
