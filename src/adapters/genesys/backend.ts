import * as z from 'zod/mini';
import { withDefaults } from '../../model/field-rules.js';
import type { ParseResult } from '../../model/parse.js';
import { IsoInstantSchema } from '../../model/schemas.js';
import type { OutcomeType } from '../../model/types.js';
import type { Role } from '../../model/vocabulary.js';
import type { HttpBackend } from '../http-adapter.js';
import type { HttpAdapterOptions, TokenSource } from '../http.js';
import { pageNumberPaging } from '../paging.js';
import { ItemsSchema, KnownFields, isIsoInstant, isNonEmptyString, isWireObject, readWire } from '../wire-checks.js';
import { clientCredentialsToken, type ClientCredentials } from './client-credentials.js';
import { GENESYS_RULES } from './rules.js';

/** A Bearer token (or a provider of the current one), or the OAuth client-credentials grant. */
export type GenesysAuth = { token: TokenSource } | ClientCredentials;

export type GenesysAdapterOptions = HttpAdapterOptions & {
  /** How the adapter gets its Bearer token. Client credentials are for servers (Node): the platform's own SDK refuses them in a browser. */
  auth: GenesysAuth;
  /** What the caller may do (the OAuth client's permissions). Default `editor`. */
  role?: Role;
  /** Codes asked for per page (`pageSize`), 1 to 500. Default 500: fewest requests under the platform's rate limits. */
  pageSize?: number;
};

export const CODES_PATH = '/api/v2/routing/wrapupcodes';
export const MAX_PAGE_SIZE = 500;

/** Wire field → canonical field; every other wire field goes to `extras`. */
const CANONICAL_BY_WIRE: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'name',
  description: 'description',
  dateCreated: 'createdAt',
  dateModified: 'updatedAt',
};

// The WrapupCode model: fields without a value are left out, never null; null is still read.
const WrapupCodeWireSchema = z.looseObject({
  id: z.string().check(z.minLength(1, 'must not be empty')),
  name: z.string().check(z.minLength(1, 'must not be empty')),
  description: z.optional(z.nullable(z.string())),
  division: z.optional(z.nullable(z.looseObject({ id: z.string() }))),
  dateCreated: z.optional(IsoInstantSchema),
  dateModified: z.optional(IsoInstantSchema),
});

type WrapupCode = z.output<typeof WrapupCodeWireSchema>;

const WIRE_FIELDS_AND_DIVISION = new KnownFields([...Object.keys(CANONICAL_BY_WIRE), 'division']);

/**
 * A code's extras, `division` first: the wire schema reads division among its own fields, ahead
 * of the rest, so a code reads the same whichever way it was checked.
 */
function extrasOfCode(wire: WrapupCode): Record<string, unknown> {
  return WIRE_FIELDS_AND_DIVISION.extrasOf(wire, Object.hasOwn(wire, 'division') ? { division: wire.division } : {});
}

/** The common valid shape of WrapupCodeWireSchema, checked by hand (see wire-checks.ts). */
function isCommonWrapupCode(value: unknown): value is WrapupCode {
  if (!isWireObject(value)) return false;
  const { id, name, description, division, dateCreated, dateModified } = value;
  return (
    isNonEmptyString(id) &&
    isNonEmptyString(name) &&
    (description == null || typeof description === 'string') &&
    (division == null || (isWireObject(division) && typeof division['id'] === 'string')) &&
    (dateCreated === undefined || isIsoInstant(dateCreated)) &&
    (dateModified === undefined || isIsoInstant(dateModified))
  );
}

/** The id is the key (codes have none); division, createdBy, modifiedBy and selfUri go to `extras`. */
function toOutcomeType(wire: WrapupCode): OutcomeType {
  return withDefaults({
    id: wire.id,
    key: wire.id,
    name: wire.name,
    description: wire.description ?? '',
    createdAt: wire.dateCreated,
    updatedAt: wire.dateModified,
    extras: extrasOfCode(wire),
  });
}

/** One wrap-up code, read and mapped to the canonical model. */
export const WrapupCodeSchema = z.pipe(WrapupCodeWireSchema, z.transform(toOutcomeType));

/** One wrap-up code of a list, checked once: by hand in the common shape, else by the wire schema. */
export function readWrapupCode(item: unknown): ParseResult<OutcomeType> {
  return readWire(WrapupCodeWireSchema, isCommonWrapupCode, item, mapped);
}

const mapped = (wire: WrapupCode): ParseResult<OutcomeType> => ({ ok: true, value: toOutcomeType(wire) });

const count = z.int().check(z.nonnegative('must not be negative'));

/** WrapupCodeEntityListing: the entities and where this page is. */
const EntityListingSchema = z.looseObject({
  entities: ItemsSchema,
  pageNumber: count,
  pageCount: count,
});

export type EntityListing = z.output<typeof EntityListingSchema>;

/** Genesys's field error codes (`details[].errorCode`), worded for the field they name. */
const FIELD_CODES: Readonly<Record<string, string>> = {
  'field.required': 'is required',
  'field.too.long': 'is too long',
  'field.invalid': 'is not valid',
  'division.not.found': 'names a division that does not exist',
  'name.not.unique': 'is already used by another wrap-up code (names are unique without regard to case)',
};

export function genesysPageSize(pageSize: number | undefined): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize ?? MAX_PAGE_SIZE)));
}

/**
 * Genesys Cloud wrap-up codes (test/servers/genesys-wrapup-codes.txt), described once: pages by
 * `pageSize`/`pageNumber` until `pageNumber >= pageCount` in the `entities` envelope, a Bearer
 * token that refreshes, the platform's ErrorBody with `details[].fieldName`.
 */
export function genesysBackend(options: GenesysAdapterOptions): HttpBackend<EntityListing, OutcomeType, GenesysAdapterOptions> {
  const pageSize = genesysPageSize(options.pageSize);
  return {
    name: 'genesys',
    auth: ({ auth, ...http }) => ({ type: 'bearer', token: 'token' in auth ? auth.token : clientCredentialsToken(auth, http) }),
    errors: { name: 'Genesys Cloud', fields: CANONICAL_BY_WIRE, fieldCodes: FIELD_CODES },
    rules: GENESYS_RULES,
    operations: { create: true, update: true, delete: true, record: false },
    list: {
      path: CODES_PATH,
      envelope: EntityListingSchema,
      items: (page) => page.entities,
      paging: pageNumberPaging({ size: 'pageSize', number: 'pageNumber', announces: 'pageNumber < pageCount' }, pageSize, (page) => page.pageNumber < page.pageCount, 1, {
        // The first page says how many there are: no page beyond them is asked for.
        lastPage: (page) => page.pageCount,
      }),
      item: readWrapupCode,
    },
  };
}
