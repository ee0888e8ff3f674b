import type { Role } from '../../model/vocabulary.js';
import type { RequestOptions, SmartList } from '../adapter.js';
import type { HttpBackend } from '../http-adapter.js';
import type { HttpAdapterOptions, TokenSource } from '../http.js';
import { SAILOR_RULES } from './rules.js';
import { CANONICAL_BY_WIRE, ListEnvelopeSchema, readOutcome, type ListEnvelope, type ReadOutcome } from './wire.js';

export type SailorAdapterOptions = HttpAdapterOptions & {
  /** Sent as `Authorization: Bearer <token>`, or a provider of the current one; never logged. */
  token: TokenSource;
  /** What the token lets this caller do. Default `editor`. */
  role?: Role;
  /**
   * Sailor documents no Smart List endpoint: the host says where its lists come from. Without
   * it the adapter has no `listSmartLists`, and the editor takes a list id typed by hand.
   */
  listSmartLists?: (options?: RequestOptions) => Promise<SmartList[]>;
};

export const OUTCOMES_PATH = '/phone-system/outcomes';

/** Sailor (seeds/sailor-phone-system-outcomes.txt), described once: one envelope, Bearer auth, `{ ok: false, error }` failures. */
export const sailorBackend: HttpBackend<ListEnvelope, ReadOutcome, SailorAdapterOptions> = {
  name: 'sailor',
  auth: (options) => ({ type: 'bearer', token: options.token }),
  errors: {
    name: 'Sailor',
    fields: CANONICAL_BY_WIRE,
    codes: {
      invalid_outcome: 'validation',
      destination_not_found: 'validation',
      unauthorized: 'unauthorized',
      forbidden: 'forbidden',
      not_found: 'not_found',
      rate_limited: 'rate_limited',
    },
    codeFields: { destination_not_found: 'destination' },
    okField: 'ok',
  },
  rules: SAILOR_RULES,
  operations: { create: true, update: true, delete: true, record: false },
  list: {
    path: OUTCOMES_PATH,
    envelope: ListEnvelopeSchema,
    items: (envelope) => envelope.outcomes,
    item: readOutcome,
    outcome: (item) => item.outcome,
  },
};
