import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from './types.js';

// The rule *types* and the canonical defaults. Each backend's own rules live with its adapter
// (src/adapters/<backend>/rules.ts); the one checker that runs them is field-checks.ts.

/** What a backend allows for one canonical field of an outcome type. */
export interface FieldRule {
  editable: boolean;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** Inclusive lower bound for numbers (e.g. ordinal >= 0). */
  min?: number;
  values?: readonly string[];
  /** Locked on system types: shown, never changed. */
  lockedOnSystem?: boolean;
  /** The value must be an http(s) URL. */
  format?: 'url';
}

export type FieldRules = Partial<Record<OutcomeTypeField, FieldRule>>;

/** A rule that spans fields, e.g. "action outcomes require a webhook URL". */
export interface CrossFieldRule {
  field: OutcomeTypeField;
  code: 'required';
  applies(input: Partial<OutcomeTypeInput>): boolean;
  /** Why the field is required, for messages: e.g. 'action'. */
  because: string;
}

/** The write rules of one backend, as data the adapters and the editor share. */
export interface BackendRules {
  fields: FieldRules;
  crossField: readonly CrossFieldRule[];
}

/** What every outcome type has when its backend says nothing (DESIGN.md's defaults). */
export const OUTCOME_TYPE_DEFAULTS = Object.freeze({
  description: '',
  classification: 'neutral',
  category: 'response',
  kind: 'disposition',
  ordinal: 99,
  status: 'active',
  requiresFutureScheduledAt: false,
  isSystem: false,
} as const satisfies Partial<OutcomeType>);

/** What a create gets for the fields it leaves out: the canonical defaults of every writable field. */
export const CREATE_DEFAULTS: Partial<OutcomeTypeInput> = (({ isSystem: _, ...writable }) => writable)(OUTCOME_TYPE_DEFAULTS);

/**
 * An outcome type built from fields a backend's wire schema already validated: the defaults
 * fill what the backend does not have, without validating the item a second time.
 */
export function withDefaults(
  fields: Pick<OutcomeType, 'id' | 'key' | 'name'> & Partial<OutcomeType>,
): OutcomeType {
  // One object shape for every item, no `delete` and no walk over `fields` (lists build 10,000
  // of these): fields a backend left undefined are skipped.
  const type: OutcomeType = {
    id: fields.id,
    key: fields.key,
    name: fields.name,
    description: fields.description ?? OUTCOME_TYPE_DEFAULTS.description,
    classification: fields.classification ?? OUTCOME_TYPE_DEFAULTS.classification,
    category: fields.category ?? OUTCOME_TYPE_DEFAULTS.category,
    kind: fields.kind ?? OUTCOME_TYPE_DEFAULTS.kind,
    ordinal: fields.ordinal ?? OUTCOME_TYPE_DEFAULTS.ordinal,
    status: fields.status ?? OUTCOME_TYPE_DEFAULTS.status,
    isSystem: fields.isSystem ?? OUTCOME_TYPE_DEFAULTS.isSystem,
    requiresFutureScheduledAt: fields.requiresFutureScheduledAt ?? OUTCOME_TYPE_DEFAULTS.requiresFutureScheduledAt,
    extras: fields.extras ?? {},
  };
  if (fields.appliesTo !== undefined) type.appliesTo = fields.appliesTo;
  if (fields.autoAppliedOn !== undefined) type.autoAppliedOn = fields.autoAppliedOn;
  if (fields.destination !== undefined) type.destination = fields.destination;
  if (fields.webhookUrl !== undefined) type.webhookUrl = fields.webhookUrl;
  if (fields.createdAt !== undefined) type.createdAt = fields.createdAt;
  if (fields.updatedAt !== undefined) type.updatedAt = fields.updatedAt;
  return type;
}
