import * as z from 'zod/mini';
import { CLOSE_RULES } from '../model/field-rules.js';
import { sortOutcomeTypes } from '../model/ordering.js';
import { parseWith } from '../model/parse.js';
import { IsoInstantSchema } from '../model/schemas.js';
import type { OutcomeType, OutcomeTypeInput } from '../model/types.js';
import { APPLIES_TO, type Role } from '../model/vocabulary.js';
import { OutcomeAdapterError, type AdapterCapabilities, type RequestOptions } from './adapter.js';
import { readFieldErrors, type ErrorReader, type HttpAdapterOptions } from './http.js';
import { HttpAdapter } from './http-adapter.js';

export type CloseAdapterOptions = HttpAdapterOptions & {
  /** A Close API key; sent as the user name of Basic auth, with an empty password. */
  apiKey: string;
  /** What this caller may do. Default `editor`. */
  role?: Role;
  /** Outcomes asked for per page (`_limit`). Default 100, Close's own default. */
  pageSize?: number;
  /** More pages than this means the server's `has_more` never ends. Default 1,000. */
  maxPages?: number;
};

const OUTCOMES_PATH = '/api/v1/outcome/';
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_MAX_PAGES = 1_000;

/** Close's `type` ↔ the canonical `autoAppliedOn`; `custom` is the absence of one. */
const CLOSE_TYPES = ['custom', 'vm-dropped'] as const;
type CloseType = (typeof CLOSE_TYPES)[number];

/** Wire field names of Close → canonical names, for field errors. */
const CANONICAL_FIELD: Record<string, string> = {
  name: 'name',
  description: 'description',
  type: 'autoAppliedOn',
  applies_to: 'appliesTo',
};

/** The fields the model has a place for; every other one goes to `extras`. */
const MAPPED_FIELDS = new Set(['id', 'name', 'description', 'type', 'applies_to', 'date_created', 'date_updated']);

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

function toOutcomeType(wire: CloseOutcome): OutcomeType {
  const extras: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wire)) {
    if (!MAPPED_FIELDS.has(field)) extras[field] = value;
  }
  // Close has no ordinal, classification, category, kind or status: the canonical defaults apply.
  const outcome: OutcomeType = {
    id: wire.id,
    key: wire.id,
    name: wire.name,
    description: wire.description ?? '',
    classification: 'neutral',
    category: 'response',
    kind: 'disposition',
    ordinal: 99,
    status: 'active',
    isSystem: false,
    requiresFutureScheduledAt: false,
    extras,
  };
  if (wire.type === 'vm-dropped') outcome.autoAppliedOn = 'voicemail-drop';
  if (wire.applies_to) outcome.appliesTo = [...wire.applies_to];
  if (wire.date_created) outcome.createdAt = wire.date_created;
  if (wire.date_updated) outcome.updatedAt = wire.date_updated;
  return outcome;
}

/** One Close outcome, read and mapped to the canonical model. */
export const CloseOutcomeSchema = z.pipe(CloseOutcomeWireSchema, z.transform(toOutcomeType));

const ClosePageSchema = z.object({
  data: z.array(z.unknown()),
  has_more: z.boolean(),
});

// DELETE answers `{}` (or nothing): whatever JSON comes back, the item is gone.
const AnyAnswerSchema = z.unknown();

function closeTypeFor(autoAppliedOn: OutcomeTypeInput['autoAppliedOn']): CloseType {
  return autoAppliedOn === 'voicemail-drop' ? 'vm-dropped' : 'custom';
}

function describeFieldErrors(fieldErrors: Record<string, string>): string {
  return Object.entries(fieldErrors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
}

/**
 * Close's error bodies: `{ "error": "...", "errors": [...], "field-errors": { "name": "..." } }`,
 * with wire field names mapped to canonical ones (`type` → `autoAppliedOn`).
 */
export const readCloseError: ErrorReader = (_status, body) => {
  if (typeof body === 'string') return { message: body.trim().slice(0, 300) || undefined };
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const fieldErrors = readFieldErrors(body, (wire) => CANONICAL_FIELD[wire] ?? wire);
  const general = Array.isArray(record['errors'])
    ? record['errors'].filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    : [];
  const error = typeof record['error'] === 'string' && record['error'].trim() ? record['error'] : undefined;
  const fields = describeFieldErrors(fieldErrors);
  const message = [error ?? general.join(' '), fields].filter(Boolean).join(' — ');
  return { message: message ? `Close: ${message}` : undefined, fieldErrors };
};

/** The canonical fields a Close update writes. */
const CLOSE_WRITTEN_FIELDS = ['name', 'description', 'autoAppliedOn'] as const;

/**
 * `conflict` (with the server's version) when the outcome is not the one the caller read: its
 * `date_updated` moved, or — when either read has none — a field this update writes differs.
 */
function assertCloseUnchanged(expected: OutcomeType, current: OutcomeType, changes: Partial<OutcomeTypeInput>): void {
  const moved = expected.updatedAt !== undefined && current.updatedAt !== undefined && expected.updatedAt !== current.updatedAt;
  const changed = CLOSE_WRITTEN_FIELDS.filter((field) => Object.hasOwn(changes, field) && (expected[field] ?? '') !== (current[field] ?? ''));
  if (!moved && changed.length === 0) return;
  const what = changed.length ? ` (${changed.join(', ')})` : '';
  throw new OutcomeAdapterError(
    'conflict',
    `"${current.name}" was changed by someone else since it was read${what}; nothing was saved. Review the current version and apply your change again.`,
    { retryable: false, current: structuredClone(current) },
  );
}

function outcomePath(id: string): string {
  return `${OUTCOMES_PATH}${encodeURIComponent(id)}/`;
}

/**
 * Outcomes of the Close CRM (seeds/close-outcomes-*.txt): name, description and the
 * voicemail-drop type; `applies_to` is read but never written (Close derives it from `type`).
 * Close has no recording of outcomes: add one with `withRecorder`.
 */
export class CloseAdapter extends HttpAdapter {
  readonly capabilities: AdapterCapabilities;
  readonly #pageSize: number;
  readonly #maxPages: number;

  constructor(options: CloseAdapterOptions) {
    if (!options.apiKey) throw new TypeError('CloseAdapter needs an apiKey.');
    super('close', options, { type: 'basic', username: options.apiKey, password: '' }, readCloseError);
    this.#pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));
    this.#maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES));
    this.capabilities = Object.freeze({
      create: true,
      update: true,
      delete: true,
      record: false,
      role: options.role ?? 'editor',
      fields: CLOSE_RULES.fields,
      crossField: CLOSE_RULES.crossField,
    });
  }

  async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    const outcomes = new Map<string, OutcomeType>();
    let skip = 0;
    for (let page = 1; ; page++) {
      const answer = await this.#readPage(skip, options);
      const source = `GET ${OUTCOMES_PATH}?_skip=${skip}`;
      const fresh = this.parseItems(answer.data, (item) => parseWith(CloseOutcomeSchema, item), source);
      this.#assertPageAdvances(answer, fresh, outcomes, skip);
      // An outcome created while paging shifts the offsets and may come twice: keep one.
      for (const outcome of fresh) outcomes.set(outcome.id, outcome);
      if (!answer.has_more) break;
      if (page >= this.#maxPages) {
        throw this.#endlessPaging(`more than ${this.#maxPages} pages of ${this.#pageSize} were announced`);
      }
      skip += answer.data.length;
    }
    return sortOutcomeTypes([...outcomes.values()]).map((outcome) => structuredClone(outcome));
  }

  async getOutcomeType(id: string, options?: RequestOptions): Promise<OutcomeType> {
    return this.http.send({ method: 'GET', path: outcomePath(id), signal: options?.signal }, CloseOutcomeSchema);
  }

  /** Close documents no idempotency key, so a create is sent once and never retried. */
  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const fields = this.checkWrite(input, CLOSE_RULES);
    const body = {
      name: fields.name,
      description: fields.description ?? '',
      type: closeTypeFor(fields.autoAppliedOn),
    };
    return this.http.send({ method: 'POST', path: OUTCOMES_PATH, body, signal: options?.signal }, CloseOutcomeSchema);
  }

  /**
   * Close documents no conditional write, so the outcome is re-read (GET of the one outcome)
   * right before writing: only what differs from the server's current value is sent — a name
   * set back to its old value after someone else's rename is a change — and nothing is sent
   * when nothing differs. With `options.expected`, an outcome that changed since it was read is
   * `conflict` (carrying the current version); one deleted meanwhile is `not_found`.
   */
  async updateOutcomeType(
    id: string,
    changes: Partial<OutcomeTypeInput>,
    options?: RequestOptions,
  ): Promise<OutcomeType> {
    this.assertEditor();
    const current = await this.getOutcomeType(id, { signal: options?.signal });
    if (options?.expected) assertCloseUnchanged(options.expected, current, changes);
    const fields = this.checkWrite(changes, CLOSE_RULES, current);
    const body = this.#changedWireFields(fields, changes, current);
    if (Object.keys(body).length === 0) return current;
    return this.http.send({ method: 'PUT', path: outcomePath(id), body, signal: options?.signal }, CloseOutcomeSchema);
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    await this.http.send({ method: 'DELETE', path: outcomePath(id), signal: options?.signal }, AnyAnswerSchema);
  }

  async #readPage(skip: number, options?: RequestOptions) {
    return this.http.send(
      {
        method: 'GET',
        path: OUTCOMES_PATH,
        query: { _limit: this.#pageSize, _skip: skip },
        signal: options?.signal,
      },
      ClosePageSchema,
    );
  }

  /**
   * A `has_more` that never ends would page forever: an empty page, or one holding only
   * outcomes already received (the server ignores `_skip`), while more are announced.
   */
  #assertPageAdvances(
    answer: z.output<typeof ClosePageSchema>,
    fresh: readonly OutcomeType[],
    received: ReadonlyMap<string, OutcomeType>,
    skip: number,
  ): void {
    if (!answer.has_more) return;
    if (answer.data.length === 0) {
      throw this.#endlessPaging(`the page at _skip=${skip} was empty`);
    }
    if (fresh.length > 0 && fresh.every((outcome) => received.has(outcome.id))) {
      throw this.#endlessPaging(`the page at _skip=${skip} repeated outcomes already received`);
    }
  }

  #endlessPaging(reason: string): OutcomeAdapterError {
    return new OutcomeAdapterError(
      'bad_response',
      `GET ${OUTCOMES_PATH} announced more outcomes (has_more: true), but ${reason}; stopped rather than page forever.`,
      { retryable: false },
    );
  }

  /**
   * The checked changes in Close's names, only where they differ from the server's current
   * outcome. An `autoAppliedOn` given as undefined means "no longer applied on voicemail drops",
   * which Close says as `type: custom`.
   */
  #changedWireFields(
    fields: Partial<OutcomeTypeInput>,
    changes: Partial<OutcomeTypeInput>,
    current: OutcomeType,
  ): Record<string, string> {
    const body: Record<string, string> = {};
    if (fields.name !== undefined && fields.name !== current.name) body['name'] = fields.name;
    if (fields.description !== undefined && fields.description !== current.description) body['description'] = fields.description;
    if (fields.autoAppliedOn !== undefined && fields.autoAppliedOn !== current.autoAppliedOn) {
      body['type'] = closeTypeFor(fields.autoAppliedOn);
    }
    const clearsAutoApplied =
      Object.hasOwn(changes, 'autoAppliedOn') && changes.autoAppliedOn === undefined && current.autoAppliedOn !== undefined;
    if (clearsAutoApplied) body['type'] = 'custom';
    return body;
  }

}
