import type { BackendRules } from '../../model/field-rules.js';
import { AUTO_APPLIED_ON } from '../../model/vocabulary.js';

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
