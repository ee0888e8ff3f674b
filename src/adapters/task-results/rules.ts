import type { BackendRules } from '../../model/field-rules.js';

/** seeds/task-result-type-configs.txt: read only; code, label and the follow-up flag. */
export const TASK_RESULT_RULES: BackendRules = {
  fields: {
    key: { editable: false },
    name: { editable: false },
    requiresFutureScheduledAt: { editable: false },
  },
  crossField: [],
};
