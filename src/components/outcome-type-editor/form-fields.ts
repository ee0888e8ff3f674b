import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SmartList } from '../../adapters/adapter.js';
import type { BackendRules } from '../../model/field-rules.js';
import type { OutcomeType, OutcomeTypeField } from '../../model/types.js';
import { APPLIES_TO, AUTO_APPLIED_ON, type AppliesTo } from '../../model/vocabulary.js';
import type { Draft, Recipe } from './draft.js';
import { fieldHint, fieldLabel, type Msg } from './field-text.js';
import { LOCK } from './icons.js';

/** Smart Lists for the destination field: the host's, still loading, unavailable, or none offered. */
export type SmartListsState = { lists: SmartList[] } | 'loading' | 'failed' | 'typed';

/** What the form renderer needs from the element. */
export interface FormFieldsContext {
  msg: Msg;
  rules: BackendRules;
  draft: Draft;
  /** The type being edited; undefined for a new one. */
  existing: OutcomeType | undefined;
  /** The message to show under each field (client rule or server answer), when shown. */
  errors: Partial<Record<OutcomeTypeField, string>>;
  smartLists: SmartListsState;
  /** Saving: every control is disabled until the answer arrives. */
  busy: boolean;
  /** A control changed: the draft patch and the field it belongs to. */
  change(patch: Partial<Draft>, field: OutcomeTypeField): void;
  /** The user left a control: its errors may show from now on. */
  touch(field: OutcomeTypeField): void;
}

/** The order the form shows fields in; only those in `capabilities.fields` appear. */
const FIELD_ORDER: readonly OutcomeTypeField[] = [
  'name',
  'key',
  'description',
  'kind',
  'classification',
  'category',
  'status',
  'ordinal',
  'requiresFutureScheduledAt',
  'autoAppliedOn',
  'appliesTo',
  'destination',
  'webhookUrl',
];

const RECIPES: readonly Recipe[] = ['none', 'smart_list', 'remove_all', 'remove_chosen'];

/** The id of a field's control, and of its hint and error. */
export const controlId = (field: OutcomeTypeField) => `field-${field}`;
const hintId = (field: OutcomeTypeField) => `field-${field}-hint`;
export const errorId = (field: OutcomeTypeField) => `field-${field}-error`;

function isLocked(context: FormFieldsContext, field: OutcomeTypeField): boolean {
  return !!context.existing?.isSystem && !!context.rules.fields[field]?.lockedOnSystem;
}

/** The fields of `capabilities.fields` in form order. */
export function formFields(rules: BackendRules): OutcomeTypeField[] {
  return FIELD_ORDER.filter((field) => rules.fields[field]);
}

/** Every field of the backend, each with its label, rules (as a hint) and error. */
export function renderFormFields(context: FormFieldsContext): TemplateResult {
  return html`${formFields(context.rules).map((field) => renderField(context, field))}`;
}

function renderField(context: FormFieldsContext, field: OutcomeTypeField): TemplateResult {
  const { msg, rules } = context;
  const locked = isLocked(context, field);
  const hint = fieldHint(msg, field, rules, locked, !context.existing);
  const error = context.errors[field];
  const frame = (control: TemplateResult, labelled = true) => html`<div part="field field-${field}" class=${locked ? 'locked' : ''}>
    ${labelled ? html`<label for=${controlId(field)}>${fieldLabel(msg, field)}</label>` : nothing}
    ${control}
    <p part="hint" id=${hintId(field)}>${locked ? html`<span class="lock-icon" aria-hidden="true">${LOCK}</span>` : nothing}${hint}</p>
    <p part="field-error" id=${errorId(field)}>${error ?? ''}</p>
  </div>`;
  if (field === 'destination') return frame(renderDestination(context), false);
  if (field === 'appliesTo') return frame(renderAppliesTo(context), false);
  // A checkbox sits in its label, box first (start side in either direction): one target, one line.
  if (field === 'requiresFutureScheduledAt') {
    return frame(html`<label class="choice">${renderControl(context, field, locked, !!error)} ${fieldLabel(msg, field)}</label>`, false);
  }
  return frame(renderControl(context, field, locked, !!error));
}

/** The attributes every control shares: description, invalid state, required, busy. */
function described(field: OutcomeTypeField) {
  return `${hintId(field)} ${errorId(field)}`;
}

function renderControl(context: FormFieldsContext, field: OutcomeTypeField, locked: boolean, invalid: boolean): TemplateResult {
  const { msg, rules, draft, busy } = context;
  const rule = rules.fields[field]!;
  const readOnly = locked || !rule.editable;
  const required = !!rule.required || rules.crossField.some((cross) => cross.field === field && cross.applies({ kind: draft.kind }));
  const onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    context.change({ [field]: target.type === 'checkbox' ? target.checked : target.value } as Partial<Draft>, field);
  };
  const onChange = (event: Event) => {
    onInput(event);
    context.touch(field);
  };
  const common = {
    id: controlId(field),
    describedBy: described(field),
    invalid: invalid ? 'true' : 'false',
  };
  if (rule.values || field === 'autoAppliedOn') {
    const values = field === 'autoAppliedOn' ? ['', ...AUTO_APPLIED_ON] : rule.values!;
    const current = String(draft[field as keyof Draft] ?? '');
    return html`<select
      id=${common.id}
      aria-describedby=${common.describedBy}
      aria-invalid=${common.invalid}
      ?required=${required}
      ?disabled=${readOnly || busy}
      @change=${onChange}
    >
      ${values.map((value) => html`<option value=${value} ?selected=${value === current}>${optionLabel(msg, field, value)}</option>`)}
    </select>`;
  }
  if (field === 'requiresFutureScheduledAt') {
    return html`<input
      id=${common.id}
      type="checkbox"
      aria-describedby=${common.describedBy}
      .checked=${live(draft.requiresFutureScheduledAt)}
      ?disabled=${readOnly || busy}
      @change=${onChange}
    />`;
  }
  if (field === 'description') {
    return html`<textarea
      id=${common.id}
      rows="2"
      aria-describedby=${common.describedBy}
      aria-invalid=${common.invalid}
      .value=${live(draft.description)}
      ?readonly=${readOnly}
      ?disabled=${busy}
      @input=${onInput}
      @change=${onChange}
    ></textarea>`;
  }
  const type = field === 'ordinal' ? 'number' : field === 'webhookUrl' ? 'url' : 'text';
  return html`<input
    id=${common.id}
    type=${type}
    autocomplete="off"
    spellcheck=${field === 'name' ? 'true' : 'false'}
    inputmode=${field === 'ordinal' ? 'numeric' : nothing}
    step=${field === 'ordinal' ? '1' : nothing}
    min=${rule.min ?? nothing}
    maxlength=${rule.maxLength ?? nothing}
    aria-describedby=${common.describedBy}
    aria-invalid=${common.invalid}
    .value=${live(String(draft[field as keyof Draft] ?? ''))}
    ?required=${required}
    ?readonly=${readOnly}
    ?disabled=${busy}
    @input=${onInput}
    @change=${onChange}
  />`;
}

function optionLabel(msg: Msg, field: OutcomeTypeField, value: string): string {
  if (field === 'autoAppliedOn') return value ? msg('editor.autoApplied.voicemail-drop') : msg('editor.autoApplied.none');
  return msg(`${field}.${value}` as 'status.active');
}

function renderAppliesTo(context: FormFieldsContext): TemplateResult {
  const { msg, draft, rules, busy } = context;
  const readOnly = !rules.fields.appliesTo?.editable;
  const toggle = (value: AppliesTo, on: boolean) => {
    const next = APPLIES_TO.filter((item) => (item === value ? on : draft.appliesTo.includes(item)));
    context.change({ appliesTo: next }, 'appliesTo');
    context.touch('appliesTo');
  };
  return html`<fieldset aria-describedby=${described('appliesTo')}>
    <legend>${fieldLabel(msg, 'appliesTo')}</legend>
    ${APPLIES_TO.map(
      (value) => html`<label class="choice">
        <input
          type="checkbox"
          .checked=${live(draft.appliesTo.includes(value))}
          ?disabled=${readOnly || busy}
          @change=${(event: Event) => toggle(value, (event.target as HTMLInputElement).checked)}
        />
        ${msg(`editor.appliesTo.${value}`)}
      </label>`,
    )}
  </fieldset>`;
}

/** Sailor's destination recipes as radios, then the list (or lists) the recipe needs. */
function renderDestination(context: FormFieldsContext): TemplateResult {
  const { msg, draft, busy } = context;
  const invalid = !!context.errors.destination;
  const choose = (recipe: Recipe) => {
    context.change({ recipe }, 'destination');
    context.touch('destination');
  };
  return html`<fieldset
    id=${controlId('destination')}
    tabindex="-1"
    aria-describedby=${described('destination')}
    aria-invalid=${invalid ? 'true' : 'false'}
  >
    <legend>${fieldLabel(msg, 'destination')}</legend>
    ${RECIPES.map(
      (recipe) => html`<label class="choice">
        <input
          type="radio"
          name="recipe"
          value=${recipe}
          .checked=${live(draft.recipe === recipe)}
          ?disabled=${busy}
          @change=${() => choose(recipe)}
        />
        ${msg(`editor.recipe.${recipe}`)}
      </label>`,
    )}
    ${draft.recipe === '' ? html`<p part="note">${msg('editor.recipe.unknown')}</p>` : nothing}
    ${draft.recipe === 'smart_list' ? renderOneList(context, invalid) : nothing}
    ${draft.recipe === 'remove_chosen' ? renderChosenLists(context, invalid) : nothing}
  </fieldset>`;
}

function listNote(context: FormFieldsContext) {
  const { smartLists, msg } = context;
  if (smartLists === 'loading') return html`<p part="note" role="status">${msg('editor.lists.loading')}</p>`;
  if (smartLists === 'failed') return html`<p part="note">${msg('editor.lists.failed')}</p>`;
  return nothing;
}

function renderOneList(context: FormFieldsContext, invalid: boolean): TemplateResult {
  const { msg, draft, smartLists, busy } = context;
  const onChange = (event: Event) => {
    context.change({ listId: (event.target as HTMLInputElement | HTMLSelectElement).value }, 'destination');
  };
  const touch = () => context.touch('destination');
  if (typeof smartLists === 'object') {
    const known = smartLists.lists.some((list) => list.id === draft.listId);
    return html`<label for="smart-list">${msg('editor.lists.one')}</label>
      <select id="smart-list" aria-describedby=${errorId('destination')} aria-invalid=${invalid ? 'true' : 'false'} required ?disabled=${busy} @change=${(event: Event) => (onChange(event), touch())}>
        <option value="" ?selected=${!draft.listId}>${msg('editor.lists.choose')}</option>
        ${!known && draft.listId ? html`<option value=${draft.listId} selected>${draft.listId}</option>` : nothing}
        ${smartLists.lists.map((list) => html`<option value=${list.id} ?selected=${list.id === draft.listId}>${list.name}</option>`)}
      </select>`;
  }
  return html`${listNote(context)}<label for="smart-list">${msg('editor.lists.oneId')}</label>
    <input
      id="smart-list"
      type="text"
      autocomplete="off"
      spellcheck="false"
      required
      aria-describedby=${errorId('destination')}
      aria-invalid=${invalid ? 'true' : 'false'}
      .value=${live(draft.listId)}
      ?disabled=${busy}
      @input=${onChange}
      @change=${touch}
    />`;
}

function renderChosenLists(context: FormFieldsContext, invalid: boolean): TemplateResult {
  const { msg, draft, smartLists, busy } = context;
  if (typeof smartLists === 'object') {
    const toggle = (id: string, on: boolean) => {
      const listIds = on ? [...draft.listIds, id] : draft.listIds.filter((listId) => listId !== id);
      context.change({ listIds }, 'destination');
      context.touch('destination');
    };
    return html`<fieldset aria-describedby=${errorId('destination')}>
      <legend>${msg('editor.lists.many')}</legend>
      ${smartLists.lists.map(
        (list) => html`<label class="choice">
          <input
            type="checkbox"
            .checked=${live(draft.listIds.includes(list.id))}
            ?disabled=${busy}
            @change=${(event: Event) => toggle(list.id, (event.target as HTMLInputElement).checked)}
          />
          ${list.name}
        </label>`,
      )}
    </fieldset>`;
  }
  const onInput = (event: Event) => {
    const text = (event.target as HTMLInputElement).value;
    context.change({ listIdsText: text, listIds: text.split(/[\s,]+/).filter(Boolean) }, 'destination');
  };
  return html`${listNote(context)}<label for="smart-lists">${msg('editor.lists.manyIds')}</label>
    <input
      id="smart-lists"
      type="text"
      autocomplete="off"
      spellcheck="false"
      required
      aria-describedby="smart-lists-hint ${errorId('destination')}"
      aria-invalid=${invalid ? 'true' : 'false'}
      .value=${live(draft.listIdsText)}
      ?disabled=${busy}
      @input=${onInput}
      @change=${() => context.touch('destination')}
    />
    <p part="hint" id="smart-lists-hint">${msg('editor.lists.idsHint')}</p>`;
}
