import { checkRules, type FieldIssue } from '../../model/field-checks.js';
import type { BackendRules } from '../../model/field-rules.js';
import type { OutcomeType, OutcomeTypeField } from '../../model/types.js';
import { changesOf, writableValues, type Draft } from './draft.js';

/** Field → the first issue of that field, in the order the form shows them. */
export type DraftIssues = Partial<Record<OutcomeTypeField, FieldIssue>>;

/**
 * Every rule of the backend, checked on the draft before anything is sent: the field rules and
 * cross-field rules of the adapter's capabilities (the ones its adapter checks too), a complete
 * destination where the backend has one, and unique keys where keys are editable. No backend is
 * named here: a new backend's rules reach the form through its capabilities alone.
 */
export function checkDraft(
  draft: Draft,
  rules: BackendRules,
  existing: OutcomeType | undefined,
  others: readonly OutcomeType[],
): DraftIssues {
  const values = existing ? changesOf(draft, rules.fields, existing) : writableValues(draft, rules.fields);
  const found: FieldIssue[] = [...destinationIssues(draft, rules), ...checkRules(values, rules, existing).issues];
  const key = values.key;
  if (rules.fields.key?.editable && key && others.some((type) => type.key === key && type.id !== existing?.id)) {
    found.push({ field: 'key', code: 'duplicate' });
  }
  const issues: DraftIssues = {};
  for (const issue of found) issues[issue.field] ??= issue;
  return issues;
}

/**
 * What the canonical `Destination` shape requires (model/types.ts): a list for `smart_list`, at
 * least one list for "remove from chosen lists", and a recipe at all when the backend did not say
 * which one an outcome has (saving would otherwise erase it).
 */
function destinationIssues(draft: Draft, rules: BackendRules): FieldIssue[] {
  if (!rules.fields.destination?.editable) return [];
  if (draft.recipe === '') return [{ field: 'destination', code: 'required' }];
  if (draft.recipe === 'smart_list' && !draft.listId.trim()) return [{ field: 'destination', code: 'required', because: 'smart_list' }];
  if (draft.recipe === 'remove_chosen' && draft.listIds.length === 0) {
    return [{ field: 'destination', code: 'required', because: 'remove_chosen' }];
  }
  return [];
}
