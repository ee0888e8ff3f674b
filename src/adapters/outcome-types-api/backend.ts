import { parseWith, type ParseResult } from '../../model/parse.js';
import { OutcomeTypeSchema } from '../../model/schemas.js';
import { OUTCOME_TYPE_DEFAULTS as DEFAULTS } from '../../model/field-rules.js';
import type { OutcomeType } from '../../model/types.js';
import { CATEGORIES, CLASSIFICATIONS, STATUSES, type Role } from '../../model/vocabulary.js';
import type { HttpBackend } from '../http-adapter.js';
import type { HttpAdapterOptions, TokenSource } from '../http.js';
import { ItemsSchema, KnownFields, fieldNames, isIsoInstant, isNonEmptyString, isOneOf, isRecord, isWireObject, readCommon } from '../wire-checks.js';
import { OUTCOME_TYPES_API_RULES } from './rules.js';

export interface OutcomeTypesApiAdapterOptions extends HttpAdapterOptions {
  /** Bearer token, or a provider of the current one (asked again once after a 401). */
  token: TokenSource;
  /** The caller's role on this tenant (GET needs viewer; POST, PUT, DELETE need editor). Default editor. */
  role?: Role;
}

export const OUTCOME_TYPES_PATH = '/api/v1/outcome-types';

/** Wire field → canonical field (the same names here); every other wire field is kept in `extras`. */
const CANONICAL_BY_WIRE: Readonly<Record<string, string>> = Object.fromEntries(
  ['id', 'key', 'name', 'description', 'classification', 'category', 'isSystem', 'ordinal', 'status', 'createdAt', 'updatedAt'].map((name) => [name, name]),
);

const WIRE_FIELDS = new KnownFields(Object.keys(CANONICAL_BY_WIRE));
const MODEL_FIELDS = fieldNames(OutcomeTypeSchema.shape);

/** The fields a POST or PUT body carries. */
export const WRITABLE = ['key', 'name', 'description', 'classification', 'category', 'ordinal', 'status'] as const;

/**
 * The common valid shape, checked by hand (see wire-checks.ts): only the seed's fields, each
 * valid, and no field that the schema reads but the seed does not send (`kind`, `extras`…). Such
 * an item becomes exactly what OutcomeTypeSchema makes of it; any other is left to the schema.
 */
function commonOutcomeType(item: unknown): OutcomeType | undefined {
  if (!isWireObject(item)) return undefined;
  const { id, key, name, description, classification, category, ordinal, status, isSystem, createdAt, updatedAt } = item;
  const valid =
    isNonEmptyString(id) &&
    isNonEmptyString(key) &&
    isNonEmptyString(name) &&
    (description === undefined || typeof description === 'string') &&
    (classification === undefined || isOneOf(CLASSIFICATIONS, classification)) &&
    (category === undefined || isOneOf(CATEGORIES, category)) &&
    (ordinal === undefined || Number.isSafeInteger(ordinal)) &&
    (status === undefined || isOneOf(STATUSES, status)) &&
    (isSystem === undefined || typeof isSystem === 'boolean') &&
    (createdAt === undefined || isIsoInstant(createdAt)) &&
    (updatedAt === undefined || isIsoInstant(updatedAt));
  if (!valid) return undefined;
  // The fields the model has no place for are the extras; one the model reads but the seed
  // does not send is left to the schema.
  const extras = WIRE_FIELDS.extrasOf(item);
  for (const field in extras) if (MODEL_FIELDS.has(field)) return undefined;
  // The schema's output, field for field and in its order.
  const type: OutcomeType = {
    id,
    key,
    name,
    description: description ?? DEFAULTS.description,
    classification: classification ?? DEFAULTS.classification,
    category: category ?? DEFAULTS.category,
    kind: DEFAULTS.kind,
    ordinal: (ordinal as number | undefined) ?? DEFAULTS.ordinal,
    status: status ?? DEFAULTS.status,
    requiresFutureScheduledAt: DEFAULTS.requiresFutureScheduledAt,
    extras,
    isSystem: isSystem ?? DEFAULTS.isSystem,
  };
  if (createdAt !== undefined) type.createdAt = createdAt;
  if (updatedAt !== undefined) type.updatedAt = updatedAt;
  return type;
}

/**
 * One wire object as an outcome type, validated once: by hand in the common shape, else by the
 * schema. The schema keeps only the model's fields, so only the fields the model has no place
 * for are gathered, into `extras`.
 */
export function readOutcomeType(item: unknown): ParseResult<OutcomeType> {
  return readCommon(commonOutcomeType, readBySchema, item);
}

function readBySchema(item: unknown): ParseResult<OutcomeType> {
  // A wire field named `extras` is the backend's, not the model's: it goes into extras too.
  const own = isRecord(item) && 'extras' in item ? { ...item, extras: undefined } : item;
  const parsed = parseWith(OutcomeTypeSchema, own);
  if (!parsed.ok) return parsed;
  parsed.value.extras = WIRE_FIELDS.extrasOf(item as Record<string, unknown>);
  return parsed;
}

/** seeds/outcome-types-api.txt, described once: a bare array, Bearer auth, canonical field names. */
export const outcomeTypesApi: HttpBackend<unknown[], OutcomeType, OutcomeTypesApiAdapterOptions> = {
  name: 'outcome-types',
  auth: (options) => ({ type: 'bearer', token: options.token }),
  errors: { name: 'The outcome-types API', fields: CANONICAL_BY_WIRE },
  rules: OUTCOME_TYPES_API_RULES,
  operations: { create: true, update: true, delete: true, record: false },
  list: {
    path: OUTCOME_TYPES_PATH,
    envelope: ItemsSchema,
    items: (body) => body,
    item: readOutcomeType,
  },
};
