import * as z from 'zod/mini';
import { OUTCOME_TYPE_DEFAULTS as DEFAULTS } from './field-rules.js';
import type { OutcomeRecord, OutcomeType, OutcomeTypeInput, RecordedOutcome } from './types.js';
import {
  APPLIES_TO,
  AUTO_APPLIED_ON,
  CATEGORIES,
  CLASSIFICATIONS,
  KINDS,
  RECORD_SOURCES,
  STATUSES,
} from './vocabulary.js';

/**
 * Reading is lenient: anything a backend may legally return must parse. Write limits are not
 * here but in each backend's field rules (src/adapters/<backend>/rules.ts).
 */
const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

/**
 * An ISO-8601 instant as backends write it: seconds and fractions optional (some send
 * microseconds), `Z` or an offset with or without a colon. A regular expression rather than
 * `Date.parse`: reading 10,000 outcome types must stay within budget, and Date.parse is half of it.
 */
export const ISO_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

export const IsoInstantSchema = z.string().check(z.regex(ISO_INSTANT, 'must be an ISO-8601 date-time with a time zone'));

export const HttpUrlSchema = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  message: 'must be an http or https URL',
});

// Strict members: a destination that mixes two recipes (both `all` and `listIds`, or a list id
// on a removal) is an error, never silently trimmed to one of them.
export const DestinationSchema = z.union([
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('smart_list'), id: nonEmpty, name: z.optional(z.string()) }),
  z.strictObject({ type: z.literal('remove_from_smart_list'), all: z.literal(true) }),
  z.strictObject({
    type: z.literal('remove_from_smart_list'),
    listIds: z.array(nonEmpty).check(z.minLength(1, 'choose at least one list')),
  }),
]);

const outcomeTypeFields = {
  key: nonEmpty,
  name: nonEmpty,
  description: z._default(z.string(), DEFAULTS.description),
  classification: z._default(z.enum(CLASSIFICATIONS), DEFAULTS.classification),
  category: z._default(z.enum(CATEGORIES), DEFAULTS.category),
  kind: z._default(z.enum(KINDS), DEFAULTS.kind),
  ordinal: z._default(z.int(), DEFAULTS.ordinal),
  status: z._default(z.enum(STATUSES), DEFAULTS.status),
  requiresFutureScheduledAt: z._default(z.boolean(), DEFAULTS.requiresFutureScheduledAt),
  appliesTo: z.optional(z.array(z.enum(APPLIES_TO))),
  autoAppliedOn: z.optional(z.enum(AUTO_APPLIED_ON)),
  destination: z.optional(DestinationSchema),
  webhookUrl: z.optional(HttpUrlSchema),
  extras: z._default(z.record(z.string(), z.unknown()), () => ({})),
};

export const OutcomeTypeSchema = z.object({
  id: nonEmpty,
  ...outcomeTypeFields,
  isSystem: z._default(z.boolean(), DEFAULTS.isSystem),
  createdAt: z.optional(IsoInstantSchema),
  updatedAt: z.optional(IsoInstantSchema),
});

/** A complete input for a create, defaults filled; per-backend limits are in the field rules. */
export const OutcomeTypeInputSchema = z.object({
  ...outcomeTypeFields,
  key: z.optional(nonEmpty),
  extras: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The changes of an update: every field optional, no defaults filled in, and strings not
 * checked for emptiness here — the backend's field rules say what is required, and say it as
 * `required` rather than as a type error.
 */
export const OutcomeTypeChangesSchema = z.partial(
  z.object({
    ...outcomeTypeFields,
    key: z.string(),
    name: z.string(),
    description: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    category: z.enum(CATEGORIES),
    kind: z.enum(KINDS),
    ordinal: z.int(),
    status: z.enum(STATUSES),
    requiresFutureScheduledAt: z.boolean(),
    extras: z.record(z.string(), z.unknown()),
  }),
);

export const OutcomeRecordSchema = z.object({
  subjectId: nonEmpty,
  outcomeKey: nonEmpty,
  scheduledAt: z.optional(IsoInstantSchema),
  notes: z.optional(z.string()),
  source: z.enum(RECORD_SOURCES),
});

export const RecordedOutcomeSchema = z.object({
  ...OutcomeRecordSchema.shape,
  id: nonEmpty,
  recordedAt: IsoInstantSchema,
});

// The hand-written interfaces in types.ts are what element code imports (without zod); these
// lines make the compiler prove that they and the schemas describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proofs: [
  Same<z.output<typeof OutcomeTypeSchema>, OutcomeType>,
  Same<z.output<typeof OutcomeTypeInputSchema>, OutcomeTypeInput>,
  Same<z.output<typeof OutcomeTypeChangesSchema>, Partial<OutcomeTypeInput>>,
  Same<z.output<typeof OutcomeRecordSchema>, OutcomeRecord>,
  Same<z.output<typeof RecordedOutcomeSchema>, RecordedOutcome>,
] = [true, true, true, true, true];
void proofs;
