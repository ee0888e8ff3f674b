import type { BackendRules } from '../../model/field-rules.js';
import { AUTO_APPLIED_ON, KINDS } from '../../model/vocabulary.js';
import { OUTCOME_TYPES_API_RULES } from '../outcome-types-api/rules.js';

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
