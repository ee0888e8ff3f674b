import { CREATE_DEFAULTS, type BackendRules } from './field-rules.js';
import { checkRules, type FieldIssue } from './field-checks.js';
import { parseWith } from './parse.js';
import { OutcomeTypeChangesSchema } from './schemas.js';
import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from './types.js';

export type { FieldIssue, FieldIssueCode } from './field-checks.js';

/** English wording, for `OutcomeAdapterError.fieldErrors` and logs. */
export function describeFieldIssue(issue: FieldIssue): string {
  switch (issue.code) {
    case 'required':
      return issue.because ? `is required for ${issue.because} outcomes` : 'is required';
    case 'tooShort':
      return `must be at least ${issue.limit} characters`;
    case 'tooLong':
      return `must be at most ${issue.limit} characters`;
    case 'notInList':
      return `must be one of: ${issue.values?.join(', ')}`;
    case 'tooSmall':
      return `must be at least ${issue.limit}`;
    case 'notInteger':
      return 'must be a whole number';
    case 'badUrl':
      return 'must be an http or https URL';
    case 'locked':
      return 'is locked on system outcome types';
    case 'readOnly':
      return 'cannot be changed on this backend';
    case 'duplicate':
      return 'is already used by another outcome type';
    case 'invalid':
      return issue.detail ?? 'is invalid';
  }
}

export function issuesToFieldErrors(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.field] ??= describeFieldIssue(issue);
  return errors;
}

export type InputCheck<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };


/** Each field on its own, so one bad field is reported without hiding the others. */
function parseFields(raw: Record<string, unknown>, keepCleared: boolean): { value: Partial<OutcomeTypeInput>; issues: FieldIssue[] } {
  const value: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const shape = OutcomeTypeChangesSchema.shape as Record<string, Parameters<typeof parseWith>[0]>;
  for (const [field, fieldValue] of Object.entries(raw)) {
    const schema = shape[field];
    if (!schema) continue;
    if (fieldValue === undefined) {
      // In an update, a field given as undefined means "clear it" (e.g. drop a webhook URL);
      // the field rules then say whether this backend allows that.
      if (keepCleared) value[field] = undefined;
      continue;
    }
    const parsed = parseWith(schema, fieldValue);
    if (parsed.ok) value[field] = parsed.value;
    else {
      issues.push({
        field: field as OutcomeTypeField,
        code: 'invalid',
        detail: parsed.issues.map((issue) => issue.message).join('; '),
      });
    }
  }
  return { value: value as Partial<OutcomeTypeInput>, issues };
}

/**
 * Checks a create (no `existing`) or an update (`existing` given, `input` holds only the
 * changes) against one backend's rules, before anything reaches the wire. The result holds only
 * the fields the backend has (and, for updates, only those that change): nothing else is sent.
 */
export function checkOutcomeTypeInput(
  input: unknown,
  rules: BackendRules,
  existing?: OutcomeType,
): InputCheck<Partial<OutcomeTypeInput>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ field: 'name', code: 'invalid', detail: 'expected an object' }] };
  }
  const parsed = parseFields(input as Record<string, unknown>, existing !== undefined);
  const issues = [...parsed.issues];
  const invalid = new Set(issues.map((issue) => issue.field));
  const candidate = existing ? parsed.value : { ...CREATE_DEFAULTS, ...parsed.value };
  const checked = checkRules(candidate, rules, existing, invalid);
  issues.push(...checked.issues);
  const { value } = checked;
  return issues.length ? { ok: false, issues } : { ok: true, value };
}
