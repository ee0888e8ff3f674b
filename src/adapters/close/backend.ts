import * as z from 'zod/mini';
import { withDefaults } from '../../model/field-rules.js';
import type { ParseResult } from '../../model/parse.js';
import { IsoInstantSchema } from '../../model/schemas.js';
import type { OutcomeType, OutcomeTypeInput } from '../../model/types.js';
import { APPLIES_TO, type Role } from '../../model/vocabulary.js';
import type { HttpBackend } from '../http-adapter.js';
import type { HttpAdapterOptions } from '../http.js';
import { offsetPaging } from '../paging.js';
import { ItemsSchema, KnownFields, isArrayOf, isIsoInstant, isNonEmptyString, isOneOf, isWireObject, readWire } from '../wire-checks.js';
import { CLOSE_RULES } from './rules.js';

export type CloseAdapterOptions = HttpAdapterOptions & {
  /** A Close API key; sent as the user name of Basic auth, with an empty password. */
  apiKey: string;
  /** What this caller may do. Default `editor`. */
  role?: Role;
  /** Outcomes asked for per page (`_limit`). Default 100, Close's own default. */
  pageSize?: number;
  /** A ceiling on the pages of one list, if the host wants one. Default: none. */
  maxPages?: number;
};

export const OUTCOMES_PATH = '/api/v1/outcome/';
const DEFAULT_PAGE_SIZE = 100;

/** Close's `type` ↔ the canonical `autoAppliedOn`; `custom` is the absence of one. */
const CLOSE_TYPES = ['custom', 'vm-dropped'] as const;
type CloseType = (typeof CLOSE_TYPES)[number];

/** Wire field → canonical field; every wire field not named here goes to `extras`. */
const CANONICAL_BY_WIRE: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'name',
  description: 'description',
  type: 'autoAppliedOn',
  applies_to: 'appliesTo',
  date_created: 'createdAt',
  date_updated: 'updatedAt',
};

const WIRE_FIELDS = new KnownFields(Object.keys(CANONICAL_BY_WIRE));

// seeds/close-outcomes-list.txt and -create.txt: the outcome as Close returns it. Lenient where
// Close documents null (description, applies_to, type left empty means custom).
const CloseOutcomeWireSchema = z.looseObject({
  id: z.string().check(z.minLength(1, 'must not be empty')),
  name: z.string().check(z.minLength(1, 'must not be empty')),
  description: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.enum(CLOSE_TYPES))),
  applies_to: z.optional(z.nullable(z.array(z.enum(APPLIES_TO)))),
  date_created: z.optional(IsoInstantSchema),
  date_updated: z.optional(IsoInstantSchema),
});

type CloseOutcome = z.output<typeof CloseOutcomeWireSchema>;

/** The common valid shape of CloseOutcomeWireSchema, checked by hand (see wire-checks.ts). */
function isCommonCloseOutcome(value: unknown): value is CloseOutcome {
  if (!isWireObject(value)) return false;
  const { id, name, description, type, applies_to: appliesTo, date_created: created, date_updated: updated } = value;
  return (
    isNonEmptyString(id) &&
    isNonEmptyString(name) &&
    (description == null || typeof description === 'string') &&
    (type == null || isOneOf(CLOSE_TYPES, type)) &&
    (appliesTo == null || isArrayOf(APPLIES_TO, appliesTo)) &&
    (created === undefined || isIsoInstant(created)) &&
    (updated === undefined || isIsoInstant(updated))
  );
}

/** Close has no key, ordinal, classification, category, kind or status: the canonical defaults apply. */
function toOutcomeType(wire: CloseOutcome): OutcomeType {
  return withDefaults({
    id: wire.id,
    key: wire.id,
    name: wire.name,
    description: wire.description ?? '',
    autoAppliedOn: wire.type === 'vm-dropped' ? 'voicemail-drop' : undefined,
    // The array is this item's own (parsed from this answer, held by nothing else): no copy needed.
    appliesTo: wire.applies_to ?? undefined,
    createdAt: wire.date_created,
    updatedAt: wire.date_updated,
    extras: WIRE_FIELDS.extrasOf(wire),
  });
}

/** One Close outcome, read and mapped to the canonical model. */
export const CloseOutcomeSchema = z.pipe(CloseOutcomeWireSchema, z.transform(toOutcomeType));

/** One Close outcome of a list, checked once: by hand in the common shape, else by the wire schema. */
export function readCloseOutcome(item: unknown): ParseResult<OutcomeType> {
  return readWire(CloseOutcomeWireSchema, isCommonCloseOutcome, item, mapped);
}

const mapped = (wire: CloseOutcome): ParseResult<OutcomeType> => ({ ok: true, value: toOutcomeType(wire) });

const ClosePageSchema = z.object({
  data: ItemsSchema,
  has_more: z.boolean(),
});

export type ClosePage = z.output<typeof ClosePageSchema>;

export function closeTypeFor(autoAppliedOn: OutcomeTypeInput['autoAppliedOn']): CloseType {
  return autoAppliedOn === 'voicemail-drop' ? 'vm-dropped' : 'custom';
}

/** Close (seeds/close-outcomes-*.txt), described once: `_limit`/`_skip`/`has_more` pages, Basic auth with the key. */
export function closeBackend(options: CloseAdapterOptions): HttpBackend<ClosePage, OutcomeType, CloseAdapterOptions> {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));
  const maxPages = options.maxPages === undefined ? undefined : Math.max(1, Math.floor(options.maxPages));
  return {
    name: 'close',
    auth: ({ apiKey }) => ({ type: 'basic', username: apiKey, password: '' }),
    // `{ "error": "...", "errors": [...], "field-errors": { "name": "..." } }`
    errors: { name: 'Close', fields: CANONICAL_BY_WIRE, verbose: true },
    rules: CLOSE_RULES,
    operations: { create: true, update: true, delete: true, record: false },
    list: {
      path: OUTCOMES_PATH,
      envelope: ClosePageSchema,
      items: (page) => page.data,
      paging: offsetPaging({ limit: '_limit', skip: '_skip', announces: 'has_more' }, pageSize, (page) => page.has_more, { maxPages }),
      item: readCloseOutcome,
    },
  };
}
