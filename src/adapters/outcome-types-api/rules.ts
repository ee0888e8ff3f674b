import type { BackendRules } from '../../model/field-rules.js';
import { CATEGORIES, CLASSIFICATIONS, STATUSES } from '../../model/vocabulary.js';

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
