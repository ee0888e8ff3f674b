import type { MessageKey, Messages } from '../../localization/catalogue.js';
import type { FieldIssue } from '../../model/field-checks.js';
import type { BackendRules } from '../../model/field-rules.js';
import type { OutcomeTypeField } from '../../model/types.js';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/** The element's `msg`, handed to the render helpers of this folder. */
export type Msg = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** The visible label of each canonical field. */
export function fieldLabel(msg: Msg, field: OutcomeTypeField): string {
  return msg(`editor.field.${field}` as 'editor.field.name');
}

/** What a broken rule means to the user, next to the field. */
export function issueText(msg: Msg, issue: FieldIssue): string {
  switch (issue.code) {
    case 'required':
      if (issue.because === 'action') return msg('editor.issue.webhookForAction');
      if (issue.because === 'smart_list') return msg('editor.issue.chooseList');
      if (issue.because === 'remove_chosen') return msg('editor.issue.chooseLists');
      if (issue.field === 'destination') return msg('editor.issue.chooseRecipe');
      return issue.because ? msg('issue.requiredBecause', issue.because) : msg('issue.required');
    case 'tooShort':
      return msg('issue.tooShort', issue.limit ?? 1);
    case 'tooLong':
      return msg('issue.tooLong', issue.limit ?? 0);
    case 'notInList':
      return msg('issue.notInList', (issue.values ?? []).join(', '));
    case 'tooSmall':
      return msg('issue.tooSmall', issue.limit ?? 0);
    case 'notInteger':
      return msg('issue.notInteger');
    case 'badUrl':
      return msg('issue.badUrl');
    case 'locked':
      return msg('issue.locked');
    case 'readOnly':
      return msg('issue.readOnly');
    case 'duplicate':
      return msg('issue.duplicate');
    case 'invalid':
      return msg('issue.invalid');
  }
}

/**
 * Every rule of a field, said before the user breaks it: required, length, range, format, the
 * cross-field rules that may require it, and why it is locked. The key says its format, and
 * on a new type (`creating`) that it follows the name until the admin changes it.
 */
export function fieldHint(msg: Msg, field: OutcomeTypeField, rules: BackendRules, locked: boolean, creating = false): string {
  const rule = rules.fields[field];
  if (!rule) return '';
  if (locked) return msg('lockedOnSystem');
  if (!rule.editable) return msg('editor.hint.readOnly');
  const parts: string[] = [];
  if (rule.required) parts.push(msg('editor.hint.required'));
  for (const cross of rules.crossField) {
    if (cross.field === field && cross.because === 'action') parts.push(msg('editor.issue.webhookForAction'));
  }
  const { minLength, maxLength } = rule;
  if (maxLength !== undefined) parts.push(msg('editor.hint.length', minLength ?? 0, maxLength));
  else if (minLength !== undefined && minLength > 1) parts.push(msg('issue.tooShort', minLength));
  if (rule.min !== undefined) parts.push(msg('editor.hint.min', rule.min));
  if (field === 'ordinal') parts.push(msg('editor.hint.ordinal'));
  if (rule.format === 'url') parts.push(msg('issue.badUrl'));
  if (field === 'key') parts.push(msg('editor.hint.key'), msg(creating ? 'editor.hint.keyFromName' : 'editor.hint.keyFormat'));
  if (field === 'autoAppliedOn') parts.push(msg('editor.hint.autoAppliedOn'));
  return parts.join(' ');
}
