import * as z from 'zod/mini';
import { parseWith, type ParseResult } from '../../model/parse.js';
import { OutcomeTypeSchema } from '../../model/schemas.js';
import type { OutcomeType } from '../../model/types.js';
import type { Role } from '../../model/vocabulary.js';
import type { HttpBackend } from '../http-adapter.js';
import type { HttpAdapterOptions, TokenSource } from '../http.js';
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

/** The fields a POST or PUT body carries. */
export const WRITABLE = ['key', 'name', 'description', 'classification', 'category', 'ordinal', 'status'] as const;

/**
 * One wire object as an outcome type, validated once. The schema keeps only the model's fields,
 * so the wire object is parsed as it is and only the fields the model has no place for are
 * gathered, into `extras`.
 */
export function readOutcomeType(item: unknown): ParseResult<OutcomeType> {
  // A wire field named `extras` is the backend's, not the model's: it goes into extras too.
  const own = item && typeof item === 'object' && 'extras' in item ? { ...item, extras: undefined } : item;
  const parsed = parseWith(OutcomeTypeSchema, own);
  if (!parsed.ok) return parsed;
  const extras: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
    if (!(name in CANONICAL_BY_WIRE)) extras[name] = value;
  }
  parsed.value.extras = extras;
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
    envelope: z.array(z.unknown()),
    items: (body) => body,
    item: readOutcomeType,
  },
};
