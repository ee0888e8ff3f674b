import type { BackendRules } from '../../model/field-rules.js';

/**
 * test/servers/genesys-wrapup-codes.txt, "Name rules": a wrap-up code has a name (required,
 * trimmed, at most 255 characters, unique in the organization without regard to case — only
 * the server can tell) and a description of at most 1000 characters. It has no key, ordinal,
 * classification, category, kind or status: the canonical defaults apply and are not editable.
 * Its division, creator and dates are read into `extras` and `createdAt`/`updatedAt`.
 */
export const GENESYS_RULES: BackendRules = {
  fields: {
    name: { editable: true, required: true, minLength: 1, maxLength: 255 },
    description: { editable: true, maxLength: 1000 },
  },
  crossField: [],
};
