import type { BackendRules } from '../../model/field-rules.js';
import { KINDS } from '../../model/vocabulary.js';

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
