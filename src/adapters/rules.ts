// Each backend's write rules, from its own folder: for a MemoryAdapter that should behave like
// one of them (`new MemoryAdapter({ rules: SAILOR_RULES })`), and for import plans.
export { OUTCOME_TYPES_API_RULES } from './outcome-types-api/rules.js';
export { MEMORY_RULES } from './memory/rules.js';
export { CLOSE_RULES } from './close/rules.js';
export { SAILOR_RULES } from './sailor/rules.js';
export { TASK_RESULT_RULES } from './task-results/rules.js';
export { GENESYS_RULES } from './genesys/rules.js';
