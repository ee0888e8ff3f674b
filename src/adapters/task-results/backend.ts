import * as z from 'zod/mini';
import { withDefaults } from '../../model/field-rules.js';
import type { ParseResult } from '../../model/parse.js';
import type { OutcomeType } from '../../model/types.js';
import type { HttpBackend } from '../http-adapter.js';
import type { HttpAdapterOptions } from '../http.js';
import { ItemsSchema, KnownFields, isNonEmptyString, isWireObject, readWire } from '../wire-checks.js';
import { TASK_RESULT_RULES } from './rules.js';

export type TaskResultTypeAdapterOptions = HttpAdapterOptions & {
  /** Sent as `x-api-key`; the key needs the VIEW_ACTIVITIES permission to list result types. */
  apiKey: string;
  /**
   * Where a task's result is submitted, relative to `baseUrl`, e.g.
   * `(id) => \`/api/integration/tasks/${id}/result\``. The seed documents no submit path, so the
   * host names it. The id it receives is already URL-encoded (`encodeURIComponent`), so the
   * function only places it: encoding it again would send `%252F` for a `/`.
   */
  resultPath: (subjectId: string) => string;
};


export const CONFIGS_PATH = '/api/integration/task-result-type-configs';

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

/** One item of the configs list; fields beyond the documented three are kept as extras. */
const ResultConfigSchema = z.looseObject({
  code: nonEmpty,
  label: nonEmpty,
  requiresFutureScheduledAt: z.boolean(),
});

type ResultConfig = z.output<typeof ResultConfigSchema>;
const CONFIG_FIELDS = new KnownFields(Object.keys(ResultConfigSchema.shape));

/** The common valid shape of ResultConfigSchema, checked by hand (see wire-checks.ts). */
function isCommonConfig(value: unknown): value is ResultConfig {
  return isWireObject(value) && isNonEmptyString(value['code']) && isNonEmptyString(value['label']) && typeof value['requiresFutureScheduledAt'] === 'boolean';
}

/**
 * One config as an outcome type, validated once. `ordinal` is the position in the tenant's
 * list: the administrator's order is the order shown.
 */
function readResultType(item: unknown, index: number): ParseResult<OutcomeType> {
  return readWire(ResultConfigSchema, isCommonConfig, item, resultType, index);
}

function resultType(config: ResultConfig, index: number): ParseResult<OutcomeType> {
  const extras = CONFIG_FIELDS.extrasOf(config);
  return {
    ok: true,
    value: withDefaults({ id: config.code, key: config.code, name: config.label, ordinal: index, requiresFutureScheduledAt: config.requiresFutureScheduledAt, extras }),
  };
}

/** Task result types (seeds/task-result-type-configs.txt), described once: a bare array, an `x-api-key`, read only. */
export const taskResultsBackend: HttpBackend<unknown[], OutcomeType, TaskResultTypeAdapterOptions> = {
  name: 'task-results',
  auth: (options) => ({ type: 'header', name: 'x-api-key', value: options.apiKey }),
  errors: {
    name: 'The task results API',
    // The submit body's wire names, as the backend may name them in its field errors.
    fields: {
      result: 'outcomeKey',
      'task_result.result': 'outcomeKey',
      future_scheduled_at: 'scheduledAt',
      'task_result.future_scheduled_at': 'scheduledAt',
    },
  },
  rules: TASK_RESULT_RULES,
  operations: { create: false, update: false, delete: false, record: true },
  list: {
    path: CONFIGS_PATH,
    envelope: ItemsSchema,
    items: (body) => body,
    item: readResultType,
  },
};
