import type { OutcomeTypeField, OutcomeTypeInput } from './types.js';
import { AUTO_APPLIED_ON, CATEGORIES, CLASSIFICATIONS, KINDS, STATUSES } from './vocabulary.js';

/** What a backend allows for one canonical field of an outcome type. */
export interface FieldRule {
  editable: boolean;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** Inclusive lower bound for numbers (the outcome-types API: ordinal >= 0). */
  min?: number;
  values?: readonly string[];
  /** Locked on system types: shown, never changed. */
  lockedOnSystem?: boolean;
  /** The value must be an http(s) URL. */
  format?: 'url';
}

export type FieldRules = Partial<Record<OutcomeTypeField, FieldRule>>;

/** A rule that spans fields, e.g. Sailor's "action outcomes require webhook_url". */
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

/** seeds/outcome-types-api.txt: POST and PUT bodies; system types lock key, classification, category, status. */
export const OUTCOME_TYPES_API_RULES: BackendRules = {
  fields: {
    key: { editable: true, required: true, minLength: 1, maxLength: 255, lockedOnSystem: true },
    name: { editable: true, required: true, minLength: 1, maxLength: 255 },
    description: { editable: true },
    classification: { editable: true, values: CLASSIFICATIONS, lockedOnSystem: true },
    category: { editable: true, values: CATEGORIES, lockedOnSystem: true },
    ordinal: { editable: true, min: 0 },
    status: { editable: true, values: STATUSES, lockedOnSystem: true },
  },
  crossField: [],
};

/**
 * The in-memory adapter: the outcome-types rules over the whole canonical model, so that a
 * demo or a test can exercise every field the elements know.
 */
export const MEMORY_RULES: BackendRules = {
  fields: {
    ...OUTCOME_TYPES_API_RULES.fields,
    kind: { editable: true, values: KINDS },
    requiresFutureScheduledAt: { editable: true },
    destination: { editable: true },
    webhookUrl: { editable: true, format: 'url' },
    autoAppliedOn: { editable: true, values: AUTO_APPLIED_ON },
    appliesTo: { editable: true },
  },
  crossField: [],
};

/**
 * seeds/close-outcomes-*.txt: name required; description string or null; type custom or
 * vm-dropped (canonical `autoAppliedOn`); applies_to deprecated and derived from type, so read only.
 */
export const CLOSE_RULES: BackendRules = {
  fields: {
    name: { editable: true, required: true, minLength: 1 },
    description: { editable: true },
    autoAppliedOn: { editable: true, values: AUTO_APPLIED_ON },
    appliesTo: { editable: false },
  },
  crossField: [],
};

/** seeds/sailor-phone-system-outcomes.txt: the validation-rules table. */
export const SAILOR_RULES: BackendRules = {
  fields: {
    name: { editable: true, required: true, minLength: 1, maxLength: 120 },
    kind: { editable: true, required: true, values: KINDS },
    ordinal: { editable: true },
    destination: { editable: true },
    webhookUrl: { editable: true, format: 'url' },
  },
  crossField: [
    {
      field: 'webhookUrl',
      code: 'required',
      because: 'action',
      applies: (input) => input.kind === 'action',
    },
  ],
};

/** seeds/task-result-type-configs.txt: read only; code, label and the follow-up flag. */
export const TASK_RESULT_RULES: BackendRules = {
  fields: {
    key: { editable: false },
    name: { editable: false },
    requiresFutureScheduledAt: { editable: false },
  },
  crossField: [],
};

/** What a create gets for the fields it leaves out (seeds/outcome-types-api.txt, POST; DESIGN.md's defaults). */
export const CREATE_DEFAULTS: Partial<OutcomeTypeInput> = {
  description: '',
  classification: 'neutral',
  category: 'response',
  kind: 'disposition',
  ordinal: 99,
  status: 'active',
  requiresFutureScheduledAt: false,
};
