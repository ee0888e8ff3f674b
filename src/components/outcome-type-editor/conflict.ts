import { html, nothing, type TemplateResult } from 'lit';
import type { FieldRules } from '../../model/field-rules.js';
import { sameValue } from '../../model/field-checks.js';
import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../../model/types.js';
import { changesOf, draftFrom, writableValues, type Draft } from './draft.js';
import { fieldLabel, type Msg } from './field-text.js';

/**
 * When a Save meets another admin's work: the type changed elsewhere since the form opened
 * (`conflict`, with the server's version), or it was deleted elsewhere (`not_found`). Part of the
 * editing kit: fetched with the form, never with the list.
 */

/** One field the admin's form and the server's version disagree on. */
export interface Difference {
  field: OutcomeTypeField;
  yours: unknown;
  server: unknown;
  /** The admin changed this field (reapplying writes it); else another admin did (reapplying keeps theirs). */
  changedByYou: boolean;
}

/** "No movement" is what an absent destination means, and a Smart List's display name is not stored: the same value. */
function same(field: string, a: unknown, b: unknown): boolean {
  const stored = (value: unknown) => {
    if (field !== 'destination') return value;
    if (value === undefined) return { type: 'none' };
    const { name: _shown, ...rest } = value as { name?: string };
    return rest;
  };
  return sameValue(stored(a), stored(b));
}

/** The writable fields whose value in the form differs from the server's version, in form order. */
export function differences(draft: Draft, fields: FieldRules, base: OutcomeType, current: OutcomeType, order: readonly OutcomeTypeField[]): Difference[] {
  const yours = writableValues(draft, fields);
  return order
    .filter((field) => Object.hasOwn(yours, field) && !same(field, yours[field as keyof OutcomeTypeInput], current[field]))
    .map((field) => ({
      field,
      yours: yours[field as keyof OutcomeTypeInput],
      server: current[field],
      changedByYou: !same(field, yours[field as keyof OutcomeTypeInput], base[field]),
    }));
}

/** The server's version already holds every value of the form: a Save has nothing left to do. */
export function heldBy(current: OutcomeType, draft: Draft, fields: FieldRules): boolean {
  return Object.entries(changesOf(draft, fields, current)).every(([field, value]) => same(field, value, current[field as OutcomeTypeField]));
}

/** The draft keys one canonical field is edited through. */
const DRAFT_KEYS: Partial<Record<OutcomeTypeField, readonly (keyof Draft)[]>> = {
  destination: ['recipe', 'listId', 'listIds', 'listIdsText'],
};

/**
 * The server's version with the admin's own changes (what they changed since `base`, the version
 * they saw) on top: what "Reapply my changes" saves, so another admin's work on other fields stays.
 */
export function rebase(draft: Draft, fields: FieldRules, base: OutcomeType, current: OutcomeType): Draft {
  const rebased: Record<string, unknown> = { ...draftFrom(current, current.ordinal) };
  for (const field of Object.keys(changesOf(draft, fields, base)) as OutcomeTypeField[]) {
    for (const key of DRAFT_KEYS[field] ?? [field as keyof Draft]) rebased[key] = draft[key];
  }
  return rebased as unknown as Draft;
}

/** A canonical value as the form's labels say it. */
function valueText(msg: Msg, field: OutcomeTypeField, value: unknown): string {
  if (value === undefined || value === null || value === '') return msg('editor.conflict.empty');
  switch (field) {
    case 'classification':
    case 'category':
    case 'kind':
    case 'status':
      return msg(`${field}.${String(value)}` as 'status.active');
    case 'requiresFutureScheduledAt':
      return msg(value ? 'editor.followUp.yes' : 'editor.followUp.no');
    case 'autoAppliedOn':
      return msg('editor.autoApplied.voicemail-drop');
    case 'appliesTo':
      return (value as string[]).map((to) => msg(`editor.appliesTo.${to}` as 'editor.appliesTo.calls')).join(', ');
    case 'destination': {
      const destination = value as NonNullable<OutcomeType['destination']>;
      if (destination.type === 'smart_list') return `${msg('editor.recipe.smart_list')}: ${destination.name ?? destination.id}`;
      if (destination.type === 'remove_from_smart_list') {
        return 'all' in destination ? msg('editor.recipe.remove_all') : `${msg('editor.recipe.remove_chosen')}: ${destination.listIds.join(', ')}`;
      }
      return msg('editor.recipe.none');
    }
    default:
      return String(value);
  }
}

export interface ClashContext {
  msg: Msg;
  /** The type's name as the admin saw it. */
  name: string;
  /** `conflict`: the differences; `gone`: deleted elsewhere. */
  clash: { differences: Difference[] } | 'gone';
  busy: boolean;
  /** Whether the admin may still write (a role lowered meanwhile offers no write). */
  canUpdate: boolean;
  canCreate: boolean;
  reapply(): void;
  useServer(): void;
  createAgain(): void;
  close(): void;
}

/**
 * Said in an alert and focused (the container, `#clash`): the conflict with both versions of each
 * field that differs and the two ways on, or the deletion with Create it again and Close.
 */
export function renderClash(context: ClashContext): TemplateResult {
  const { msg, clash, busy } = context;
  if (clash === 'gone') {
    return html`<div id="clash" part="deleted-elsewhere" tabindex="-1">
      <p role="alert">${msg('editor.deletedElsewhere')} ${msg('editor.gone.kept')}</p>
      <div class="buttons">
        ${context.canCreate
          ? html`<button type="button" part="create-again" class="primary" ?disabled=${busy} @click=${context.createAgain}>${msg('editor.gone.createAgain')}</button>`
          : nothing}
        <button type="button" part="close-form" ?disabled=${busy} @click=${context.close}>${msg('editor.close')}</button>
      </div>
    </div>`;
  }
  return html`<div id="clash" part="conflict" tabindex="-1" aria-labelledby="clash-title">
    <p id="clash-title" role="alert">${msg('editor.conflict.title', context.name)}</p>
    <ul class="differences" aria-label=${msg('editor.conflict.list')}>
      ${clash.differences.map(
        (difference) => html`<li part="difference">
          <span class="field-name">${fieldLabel(msg, difference.field)}</span>
          <span class="yours">${msg('editor.conflict.yours', valueText(msg, difference.field, difference.yours))}</span>
          <span class="server">${msg('editor.conflict.server', valueText(msg, difference.field, difference.server))}</span>
          ${difference.changedByYou ? nothing : html`<span class="kept">${msg('editor.conflict.notYours')}</span>`}
        </li>`,
      )}
    </ul>
    <div class="buttons">
      ${context.canUpdate
        ? html`<button type="button" part="reapply" class="primary" ?disabled=${busy} @click=${context.reapply}>${msg('editor.conflict.reapply')}</button>`
        : nothing}
      <button type="button" part="use-server" ?disabled=${busy} @click=${context.useServer}>${msg('editor.conflict.useServer')}</button>
    </div>
  </div>`;
}
