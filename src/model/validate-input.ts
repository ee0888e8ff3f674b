import type { BackendRules, FieldRule } from './field-rules.js';
import { parseWith } from './parse.js';
import { HttpUrlSchema, OutcomeTypeChangesSchema } from './schemas.js';
import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from './types.js';

export type FieldIssueCode =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'notInList'
  | 'tooSmall'
  | 'notInteger'
  | 'badUrl'
  | 'locked'
  | 'readOnly'
  | 'duplicate'
  | 'invalid';

/** One broken rule, structured so that elements can word it in the user's language. */
export interface FieldIssue {
  field: OutcomeTypeField;
  code: FieldIssueCode;
  limit?: number;
  values?: readonly string[];
  /** For cross-field rules: what made the field required (e.g. 'action'). */
  because?: string;
  /** For `invalid`: the schema's own wording. */
  detail?: string;
}

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

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkField(field: OutcomeTypeField, rule: FieldRule, value: unknown): FieldIssue | null {
  if (isBlank(value)) return rule.required ? { field, code: 'required' } : null;
  if (typeof value === 'string') {
    if (rule.minLength !== undefined && value.trim().length < rule.minLength) {
      return { field, code: 'tooShort', limit: rule.minLength };
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      return { field, code: 'tooLong', limit: rule.maxLength };
    }
    if (rule.values && !rule.values.includes(value)) {
      return { field, code: 'notInList', values: rule.values };
    }
    if (rule.format === 'url' && !parseWith(HttpUrlSchema, value).ok) {
      return { field, code: 'badUrl' };
    }
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { field, code: 'notInteger' };
    if (rule.min !== undefined && value < rule.min) return { field, code: 'tooSmall', limit: rule.min };
  }
  return null;
}

export type InputCheck<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** What a create gets for the fields it leaves out (seeds/outcome-types-api.txt, POST). */
const CREATE_DEFAULTS: Partial<OutcomeTypeInput> = {
  description: '',
  classification: 'neutral',
  category: 'response',
  kind: 'disposition',
  ordinal: 99,
  status: 'active',
  requiresFutureScheduledAt: false,
};

/** Each field on its own, so one bad field is reported without hiding the others. */
function parseFields(raw: Record<string, unknown>): { value: Partial<OutcomeTypeInput>; issues: FieldIssue[] } {
  const value: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const shape = OutcomeTypeChangesSchema.shape as Record<string, Parameters<typeof parseWith>[0]>;
  for (const [field, fieldValue] of Object.entries(raw)) {
    const schema = shape[field];
    if (!schema || fieldValue === undefined) continue;
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
  const parsed = parseFields(input as Record<string, unknown>);
  const issues = [...parsed.issues];
  const invalid = new Set(issues.map((issue) => issue.field));
  const candidate = existing ? parsed.value : { ...CREATE_DEFAULTS, ...parsed.value };
  const value: Partial<OutcomeTypeInput> = {};
  for (const [name, rule] of Object.entries(rules.fields) as [OutcomeTypeField, FieldRule][]) {
    if (invalid.has(name)) continue;
    const next = candidate[name];
    if (existing ? !(name in parsed.value) || sameValue(next, existing[name]) : next === undefined && !rule.required) {
      continue;
    }
    if (!rule.editable) issues.push({ field: name, code: 'readOnly' });
    else if (existing?.isSystem && rule.lockedOnSystem) issues.push({ field: name, code: 'locked' });
    else {
      const issue = checkField(name, rule, next);
      if (issue) issues.push(issue);
      else (value as Record<string, unknown>)[name] = next;
    }
  }
  const merged = { ...existing, ...candidate } as Partial<OutcomeTypeInput>;
  for (const rule of rules.crossField) {
    if (!invalid.has(rule.field) && rule.applies(merged) && isBlank(merged[rule.field])) {
      issues.push({ field: rule.field, code: 'required', because: rule.because });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value };
}
