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

/** One wire object as an outcome type, validated once. */
export function readOutcomeType(item: unknown): ParseResult<OutcomeType> {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return parseWith(OutcomeTypeSchema, item);
  const known: Record<string, unknown> = {};
  const extras: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!(name in CANONICAL_BY_WIRE)) extras[name] = value;
    else if (value !== undefined) known[name] = value;
  }
  known['extras'] = extras;
  return parseWith(OutcomeTypeSchema, known);
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
