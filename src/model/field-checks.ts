import type { BackendRules, FieldRule } from './field-rules.js';
import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from './types.js';

// The rule checks themselves, free of zod: validate-input.ts runs them after parsing untrusted
// input with the schemas, and the elements (whose bundles must stay zod-free) run them on the
// already-typed values of a form. One implementation, so both say the same thing.

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

// The hostname rule of zod's `z.regexes.domain`, which HttpUrlSchema uses: kept equal so that a
// URL the editor accepts is one the adapters accept (test/model/field-checks… via validate-input).
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/** An absolute http(s) URL whose host is a domain name, as `HttpUrlSchema` accepts. */
export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && DOMAIN.test(url.hostname);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The first rule of one field that `value` breaks, or null. */
export function checkField(field: OutcomeTypeField, rule: FieldRule, value: unknown): FieldIssue | null {
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
    if (rule.format === 'url' && !isHttpUrl(value)) {
      return { field, code: 'badUrl' };
    }
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { field, code: 'notInteger' };
    if (rule.min !== undefined && value < rule.min) return { field, code: 'tooSmall', limit: rule.min };
  }
  return null;
}

export interface RulesCheck {
  /** Only the fields the backend has (for updates, only those that change): what may be sent. */
  value: Partial<OutcomeTypeInput>;
  issues: FieldIssue[];
}

/**
 * Checks typed values against one backend's rules: a create when `existing` is absent (`values`
 * holds the whole input, defaults filled in), an update otherwise (`values` holds the changes).
 * Fields in `skip` already failed elsewhere and are not checked again.
 */
export function checkRules(
  values: Partial<OutcomeTypeInput>,
  rules: BackendRules,
  existing?: OutcomeType,
  skip: ReadonlySet<OutcomeTypeField> = new Set(),
): RulesCheck {
  const issues: FieldIssue[] = [];
  const value: Partial<OutcomeTypeInput> = {};
  for (const [name, rule] of Object.entries(rules.fields) as [OutcomeTypeField, FieldRule][]) {
    if (skip.has(name)) continue;
    const next = values[name];
    if (existing ? !(name in values) || sameValue(next, existing[name]) : next === undefined && !rule.required) {
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
  const merged = { ...existing, ...values } as Partial<OutcomeTypeInput>;
  for (const rule of rules.crossField) {
    if (!skip.has(rule.field) && rule.applies(merged) && isBlank(merged[rule.field])) {
      issues.push({ field: rule.field, code: 'required', because: rule.because });
    }
  }
  return { value, issues };
}
