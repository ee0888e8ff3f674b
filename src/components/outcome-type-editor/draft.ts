import type { FieldRules } from '../../model/field-rules.js';
import { sameValue } from '../../model/field-checks.js';
import { keyFromName } from '../../model/import-plan.js';
import type { Destination, OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../../model/types.js';
import type { AppliesTo, AutoAppliedOn, Category, Classification, Kind, Status } from '../../model/vocabulary.js';

/** Sailor's destination recipes as the form offers them (DESIGN.md, `destination`). */
export type Recipe = 'none' | 'smart_list' | 'remove_all' | 'remove_chosen';

/**
 * What the form holds: every canonical field as the user typed it (text stays text until it is
 * checked, so that a failure can show exactly what the user left).
 */
export interface Draft {
  key: string;
  name: string;
  description: string;
  classification: Classification;
  category: Category;
  kind: Kind;
  status: Status;
  /** As typed; "" for none. */
  ordinal: string;
  requiresFutureScheduledAt: boolean;
  /** "" for none (Close: `custom`). */
  autoAppliedOn: AutoAppliedOn | '';
  appliesTo: AppliesTo[];
  webhookUrl: string;
  /** "" when the backend did not say (Sailor list answers leave out which lists are removed from). */
  recipe: Recipe | '';
  /** The one Smart List of `smart_list`. */
  listId: string;
  /** The lists of `remove_chosen`. */
  listIds: string[];
  /** `listIds` as typed, when the host offers no Smart Lists to choose from. */
  listIdsText: string;
}

/**
 * The recipe of a stored destination. No destination means no movement, except when the backend
 * said there is one without saying which (Sailor's list answers leave out the removal lists and
 * the adapter keeps its `destination_type` in extras): then the user must choose again.
 */
function recipeOf(type: OutcomeType): Recipe | '' {
  const { destination } = type;
  if (!destination) return type.extras['destination_type'] ? '' : 'none';
  if (destination.type === 'remove_from_smart_list') return 'all' in destination ? 'remove_all' : 'remove_chosen';
  return destination.type;
}

/** A form for a new type (`type` absent; it goes after `nextOrdinal - 1`) or for editing `type`. */
export function draftFrom(type: OutcomeType | undefined, nextOrdinal: number): Draft {
  const destination = type?.destination;
  const listIds = destination && 'listIds' in destination ? [...destination.listIds] : [];
  return {
    key: type?.key ?? '',
    name: type?.name ?? '',
    description: type?.description ?? '',
    classification: type?.classification ?? 'neutral',
    category: type?.category ?? 'response',
    kind: type?.kind ?? 'disposition',
    status: type?.status ?? 'active',
    ordinal: String(type?.ordinal ?? nextOrdinal),
    requiresFutureScheduledAt: type?.requiresFutureScheduledAt ?? false,
    autoAppliedOn: type?.autoAppliedOn ?? '',
    appliesTo: [...(type?.appliesTo ?? [])],
    webhookUrl: type?.webhookUrl ?? '',
    recipe: type ? recipeOf(type) : 'none',
    listId: destination?.type === 'smart_list' ? destination.id : '',
    listIds,
    listIdsText: listIds.join(', '),
  };
}

/**
 * A change made while the key follows the name (a new type, until the admin edits the key): a
 * new name brings its key along, the same slug an import gives a row without one (`keyFromName`:
 * "Sale again" → `sale_again`).
 */
export function followName(patch: Partial<Draft>): Partial<Draft> {
  return patch.name === undefined ? patch : { ...patch, key: keyFromName(patch.name) };
}

/** The destination a draft describes; undefined while no recipe is chosen. */
export function destinationOf(draft: Draft): Destination | undefined {
  switch (draft.recipe) {
    case 'none':
      return { type: 'none' };
    case 'smart_list':
      return { type: 'smart_list', id: draft.listId.trim() };
    case 'remove_all':
      return { type: 'remove_from_smart_list', all: true };
    case 'remove_chosen':
      return { type: 'remove_from_smart_list', listIds: draft.listIds };
    default:
      return undefined;
  }
}

/** Typed ordinal: a number (possibly not whole: the rules say so) or undefined when empty. */
function ordinalOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** Every canonical field the draft holds, typed; absent where the user left it empty. */
export function valuesOf(draft: Draft): Partial<OutcomeTypeInput> {
  return {
    key: draft.key,
    name: draft.name,
    description: draft.description,
    classification: draft.classification,
    category: draft.category,
    kind: draft.kind,
    status: draft.status,
    ordinal: ordinalOf(draft.ordinal),
    requiresFutureScheduledAt: draft.requiresFutureScheduledAt,
    autoAppliedOn: draft.autoAppliedOn || undefined,
    appliesTo: draft.appliesTo.length ? draft.appliesTo : undefined,
    webhookUrl: draft.webhookUrl.trim() || undefined,
    destination: destinationOf(draft),
  };
}

/** Only the fields this backend has and lets the user write. */
export function writableValues(draft: Draft, fields: FieldRules): Partial<OutcomeTypeInput> {
  const all = valuesOf(draft);
  const picked: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(fields)) {
    if (rule?.editable) picked[field] = all[field as OutcomeTypeField];
  }
  return picked as Partial<OutcomeTypeInput>;
}

/**
 * The changes an edit makes: writable fields whose value differs from `existing`. A field the
 * user emptied is kept as `undefined`, which adapters read as "clear it" (Close: `type: custom`).
 */
export function changesOf(draft: Draft, fields: FieldRules, existing: OutcomeType): Partial<OutcomeTypeInput> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(writableValues(draft, fields))) {
    let before = existing[field as OutcomeTypeField];
    // A Smart List's display name is not stored with the outcome (the form keeps only its id): not a change.
    if (field === 'destination' && before && typeof before === 'object' && 'name' in before) {
      const { name: _shown, ...stored } = before;
      before = stored;
    }
    // "No movement" is what an absent destination already means: not a change.
    const unchangedNone = field === 'destination' && before === undefined && sameValue(value, { type: 'none' });
    if (!unchangedNone && !sameValue(value, before)) changes[field] = value;
  }
  return changes as Partial<OutcomeTypeInput>;
}

/**
 * A complete input for a create: the draft's values over the canonical defaults the draft starts
 * with, so that every adapter gets the shape it expects and writes only its own fields.
 */
export function createInputOf(draft: Draft, fields: FieldRules): OutcomeTypeInput {
  const all = valuesOf(draft);
  const mine = writableValues(draft, fields);
  const input: Record<string, unknown> = {
    name: all.name,
    description: all.description ?? '',
    classification: all.classification,
    category: all.category,
    kind: all.kind,
    ordinal: all.ordinal ?? 99,
    status: all.status,
    requiresFutureScheduledAt: all.requiresFutureScheduledAt ?? false,
  };
  for (const [field, value] of Object.entries(mine)) {
    if (value === undefined) delete input[field];
    else input[field] = value;
  }
  return input as OutcomeTypeInput;
}
