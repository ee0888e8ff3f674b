import * as z from 'zod/mini';
import { SAILOR_RULES } from '../model/field-rules.js';
import { randomId } from '../model/id.js';
import { sortOutcomeTypes } from '../model/ordering.js';
import { parseWith, type ParseResult } from '../model/parse.js';
import { HttpUrlSchema, IsoInstantSchema, OutcomeTypeSchema } from '../model/schemas.js';
import type { Destination, OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../model/types.js';
import { KINDS, type Role } from '../model/vocabulary.js';
import {
  OutcomeAdapterError,
  type AdapterCapabilities,
  type AdapterErrorCode,
  type RequestOptions,
  type SmartList,
} from './adapter.js';
import { HttpAdapter } from './http-adapter.js';
import { readFieldErrors, type ErrorReader, type HttpAdapterOptions, type HttpRequest } from './http.js';

export type SailorAdapterOptions = HttpAdapterOptions & {
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  token: string;
  /** What the token lets this caller do. Default `editor`. */
  role?: Role;
  /**
   * Sailor documents no Smart List endpoint: the host says where its lists come from. Without
   * it the adapter has no `listSmartLists`, and the editor takes a list id typed by hand.
   */
  listSmartLists?: (options?: RequestOptions) => Promise<SmartList[]>;
};

const OUTCOMES_PATH = '/phone-system/outcomes';

// ---------------------------------------------------------------------------------------------
// Reading: the wire shapes, leniently, and their canonical form.

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

const WireDestinationSchema = z.looseObject({
  destination_type: z.optional(z.nullable(z.string())),
  destination_id: z.optional(z.nullable(z.string())),
  destination_name: z.optional(z.nullable(z.string())),
});

const WireRemovalSchema = z.looseObject({
  all: z.optional(z.nullable(z.boolean())),
  list_ids: z.optional(z.nullable(z.array(nonEmpty))),
});

const WireOutcomeSchema = z.looseObject({
  outcome_id: nonEmpty,
  outcome_name: nonEmpty,
  outcome_type: z.enum(KINDS),
  order: z.int(),
  destination_type: z.enum(['none', 'smart_list', 'remove_from_smart_list']),
  destination: z.optional(z.nullable(WireDestinationSchema)),
  destination_id: z.optional(z.nullable(z.string())),
  remove_from_smart_lists: z.optional(z.nullable(WireRemovalSchema)),
  webhook_url: z.optional(z.nullable(z.union([z.literal(''), HttpUrlSchema]))),
  created_at: z.optional(z.nullable(IsoInstantSchema)),
  updated_at: z.optional(z.nullable(IsoInstantSchema)),
});

type WireOutcome = z.output<typeof WireOutcomeSchema>;

const KNOWN_WIRE_FIELDS = new Set(Object.keys(WireOutcomeSchema.shape));
const KNOWN_DESTINATION_FIELDS = new Set(Object.keys(WireDestinationSchema.shape));

const ListEnvelopeSchema = z.looseObject({
  ok: z.literal(true),
  outcomes: z.array(z.unknown()),
  disposition_popup_enabled: z.boolean(),
});

const OutcomeEnvelopeSchema = z.looseObject({
  ok: z.literal(true),
  outcome: z.record(z.string(), z.unknown()),
  disposition_popup_enabled: z.optional(z.boolean()),
});

const DeleteAnswerSchema = z.optional(z.looseObject({ ok: z.literal(true) }));

/** An outcome as read, with the canonical fields the answer did not say enough to resend. */
interface ReadOutcome {
  outcome: OutcomeType;
  unread: OutcomeTypeField[];
}

function failed<T>(path: string, message: string): ParseResult<T> {
  return { ok: false, issues: [{ path, message }], message: `${path}: ${message}` };
}

type DestinationRead = { ok: true; destination: Destination | undefined } | { ok: false; path: string; message: string };

function readDestination(wire: WireOutcome): DestinationRead {
  switch (wire.destination_type) {
    case 'none':
      return { ok: true, destination: { type: 'none' } };
    case 'smart_list': {
      const id = wire.destination?.destination_id || wire.destination_id;
      if (!id) return { ok: false, path: '$.destination.destination_id', message: 'required with destination_type smart_list' };
      const name = wire.destination?.destination_name;
      return { ok: true, destination: name ? { type: 'smart_list', id, name } : { type: 'smart_list', id } };
    }
    case 'remove_from_smart_list': {
      const removal = wire.remove_from_smart_lists;
      // List answers leave the lists out: the destination is then unknown, not "none".
      if (!removal) return { ok: true, destination: undefined };
      const listIds = removal.list_ids ?? [];
      if (removal.all === true && listIds.length === 0) return { ok: true, destination: { type: 'remove_from_smart_list', all: true } };
      if (removal.all !== true && listIds.length > 0) return { ok: true, destination: { type: 'remove_from_smart_list', listIds } };
      return { ok: false, path: '$.remove_from_smart_lists', message: 'must choose either all or list_ids, not both' };
    }
  }
}

/** Backend fields the model has no place for, so that nothing read is lost. */
function extrasOf(wire: WireOutcome, destination: Destination | undefined): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(wire)) {
    if (!KNOWN_WIRE_FIELDS.has(name)) extras[name] = value;
  }
  if (wire.destination && Object.keys(wire.destination).some((name) => !KNOWN_DESTINATION_FIELDS.has(name))) {
    extras['destination'] = wire.destination;
  }
  // The model cannot say "removes from some Smart Lists, unknown which": keep the wire's word.
  if (destination === undefined) extras['destination_type'] = wire.destination_type;
  return extras;
}

/** Canonical fields an update must resend but that this answer did not tell. */
function unreadFields(wire: WireOutcome, destination: Destination | undefined): OutcomeTypeField[] {
  const unread: OutcomeTypeField[] = [];
  if (destination === undefined) unread.push('destination');
  if (!('webhook_url' in wire)) unread.push('webhookUrl');
  return unread;
}

function readOutcome(item: unknown): ParseResult<ReadOutcome> {
  const parsed = parseWith(WireOutcomeSchema, item);
  if (!parsed.ok) return parsed;
  const wire = parsed.value;
  const destination = readDestination(wire);
  if (!destination.ok) return failed(destination.path, destination.message);
  const canonical = parseWith(OutcomeTypeSchema, {
    id: wire.outcome_id,
    key: wire.outcome_id,
    name: wire.outcome_name,
    kind: wire.outcome_type,
    ordinal: wire.order,
    destination: destination.destination,
    webhookUrl: wire.webhook_url || undefined,
    createdAt: wire.created_at ?? undefined,
    updatedAt: wire.updated_at ?? undefined,
    extras: extrasOf(wire, destination.destination),
  });
  if (!canonical.ok) return canonical;
  return { ok: true, value: { outcome: canonical.value, unread: unreadFields(wire, destination.destination) } };
}

/**
 * A list answer leaves out what a removal removes from (and may leave out the webhook), which
 * the adapter knows when it wrote or read them itself. They still hold when the outcome was not
 * changed since — same `updated_at` and destination type — and are then kept, so that an update
 * can resend them; otherwise they stay unknown and an update must be given them again.
 */
function withStillKnownFields(fresh: ReadOutcome, earlier: ReadOutcome | undefined): ReadOutcome {
  if (!earlier || fresh.unread.length === 0) return fresh;
  const unchanged = fresh.outcome.updatedAt !== undefined && fresh.outcome.updatedAt === earlier.outcome.updatedAt;
  if (!unchanged) return fresh;
  const outcome: OutcomeType = { ...fresh.outcome, extras: { ...fresh.outcome.extras } };
  const unread: OutcomeTypeField[] = [];
  for (const field of fresh.unread) {
    if (earlier.unread.includes(field)) {
      unread.push(field);
    } else if (field === 'destination') {
      const known = earlier.outcome.destination;
      if (known && known.type === fresh.outcome.extras['destination_type']) {
        outcome.destination = structuredClone(known);
        delete outcome.extras['destination_type'];
      } else {
        unread.push(field);
      }
    } else if (field === 'webhookUrl') {
      if (earlier.outcome.webhookUrl === undefined) delete outcome.webhookUrl;
      else outcome.webhookUrl = earlier.outcome.webhookUrl;
    } else {
      unread.push(field);
    }
  }
  return { outcome, unread };
}

// ---------------------------------------------------------------------------------------------
// Writing: the whole configuration, in wire names, only the fields Sailor accepts.

type Configuration = Pick<OutcomeTypeInput, 'name' | 'kind' | 'ordinal' | 'destination' | 'webhookUrl'>;

interface WireWrite {
  outcome_name: string;
  outcome_type: string;
  order: number;
  destination_type: Destination['type'];
  destination_id?: string;
  remove_from_smart_lists?: { all: true } | { list_ids: string[] };
  webhook_url?: string;
}

function toWire(configuration: Configuration): WireWrite {
  const destination = configuration.destination ?? { type: 'none' };
  return {
    outcome_name: configuration.name,
    outcome_type: configuration.kind,
    order: configuration.ordinal,
    destination_type: destination.type,
    ...(destination.type === 'smart_list' ? { destination_id: destination.id } : {}),
    ...(destination.type === 'remove_from_smart_list'
      ? { remove_from_smart_lists: 'all' in destination ? { all: true as const } : { list_ids: destination.listIds } }
      : {}),
    ...(configuration.webhookUrl ? { webhook_url: configuration.webhookUrl } : {}),
  };
}

/**
 * A write answer may leave out what list answers leave out. The request just sent is the whole
 * configuration (create, and PATCH replaces), so it fills those gaps; the answer wins elsewhere.
 */
function withSentConfiguration(answer: Record<string, unknown>, sent: WireWrite): Record<string, unknown> {
  return { webhook_url: sent.webhook_url ?? null, remove_from_smart_lists: sent.remove_from_smart_lists ?? null, ...answer };
}

const NOT_RESENDABLE: Partial<Record<OutcomeTypeField, string>> = {
  destination: 'was not sent by Sailor (list answers leave out which Smart Lists are removed from); choose the destination again so that saving does not erase it',
  webhookUrl: 'was not sent by Sailor; enter it again so that saving does not erase it',
};

/** PATCH replaces everything: a field the adapter cannot resend would be erased, so refuse. */
function refuseErasing(unread: readonly OutcomeTypeField[], changes: Partial<OutcomeTypeInput>): void {
  const fieldErrors: Record<string, string> = {};
  for (const field of unread) {
    if (!(field in changes)) fieldErrors[field] = NOT_RESENDABLE[field] ?? 'was not sent by Sailor; set it again';
  }
  if (Object.keys(fieldErrors).length) {
    const summary = Object.entries(fieldErrors).map(([field, message]) => `${field} ${message}`).join('; ');
    throw new OutcomeAdapterError('validation', `Not sent: ${summary}.`, { fieldErrors });
  }
}

// ---------------------------------------------------------------------------------------------
// Conflicts: Sailor has no conditional write, so an update compares what the caller expected
// with a fresh read. PATCH resends the whole configuration, so every field of it counts.

/** A destination as Sailor stores it: the Smart List's display name is not part of it. */
function destinationKey(destination: Destination | undefined): string {
  if (!destination) return 'unknown';
  switch (destination.type) {
    case 'none':
      return 'none';
    case 'smart_list':
      return `smart_list:${destination.id}`;
    case 'remove_from_smart_list':
      return 'all' in destination ? 'remove:all' : `remove:${JSON.stringify(destination.listIds)}`;
  }
}

/** The fields of the configuration that differ between two reads of one outcome. */
function changedConfiguration(expected: OutcomeType, current: OutcomeType): string[] {
  const changed: string[] = [];
  if (expected.name !== current.name) changed.push('name');
  if (expected.kind !== current.kind) changed.push('kind');
  if (expected.ordinal !== current.ordinal) changed.push('ordinal');
  if (destinationKey(expected.destination) !== destinationKey(current.destination)) changed.push('destination');
  if ((expected.webhookUrl ?? '') !== (current.webhookUrl ?? '')) changed.push('webhookUrl');
  return changed;
}

/**
 * `conflict` (with the server's version) when the outcome is not the one the caller read: its
 * `updated_at` moved, or — whether or not Sailor sent one — any field a PATCH resends differs.
 */
function assertSailorUnchanged(expected: OutcomeType, current: OutcomeType): void {
  const changed = changedConfiguration(expected, current);
  const moved = expected.updatedAt !== undefined && current.updatedAt !== undefined && expected.updatedAt !== current.updatedAt;
  if (!moved && changed.length === 0) return;
  const what = changed.length ? ` (${changed.join(', ')})` : '';
  throw new OutcomeAdapterError(
    'conflict',
    `"${current.name}" was changed by someone else since it was read${what}; nothing was saved. Review the current version and apply your change again.`,
    { retryable: false, current: structuredClone(current) },
  );
}

/** Rejects with `aborted` as soon as the caller aborts, whether or not `promise` settles. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  const aborted = () => new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// ---------------------------------------------------------------------------------------------
// Errors: the `{ ok: false, error }` envelope, on any status.

const CODE_BY_SAILOR_ERROR: Record<string, AdapterErrorCode> = {
  invalid_outcome: 'validation',
  destination_not_found: 'validation',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  rate_limited: 'rate_limited',
};

const CANONICAL_BY_WIRE_FIELD: Record<string, OutcomeTypeField> = {
  outcome_name: 'name',
  outcome_type: 'kind',
  order: 'ordinal',
  destination_type: 'destination',
  destination: 'destination',
  destination_id: 'destination',
  remove_from_smart_lists: 'destination',
  webhook_url: 'webhookUrl',
};

/** `remove_from_smart_lists.list_ids[0]` → `destination`; unknown names stay as they are. */
function canonicalField(wire: string): string {
  const head = wire.split(/[.[]/, 1)[0] ?? wire;
  return CANONICAL_BY_WIRE_FIELD[head] ?? wire;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function isFailureEnvelope(body: unknown): body is Record<string, unknown> & { ok: false } {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>)['ok'] === false;
}

/** Reads Sailor's error envelope; field names come back canonical (`destination`, `name`, …). */
export const readSailorError: ErrorReader = (status, body) => {
  if (typeof body === 'string') return { message: body.trim().slice(0, 300) || undefined };
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const error = text(record['error']);
  const message = text(record['message']) ?? (error ? `Sailor answered "${error}" (HTTP ${status}).` : undefined);
  const fieldErrors = readFieldErrors(body, canonicalField);
  const named = text(record['field']) ?? text(record['param']);
  if (named) fieldErrors[canonicalField(named)] ??= message ?? 'is invalid';
  if (error === 'destination_not_found') {
    fieldErrors['destination'] ??= message ?? 'The target Smart List does not exist in the workspace.';
  }
  return { code: error ? CODE_BY_SAILOR_ERROR[error] : undefined, message, fieldErrors };
};

const SmartListsSchema = z.array(z.looseObject({ id: nonEmpty, name: z.string() }));

/**
 * Sailor's phone-system outcomes (seeds/sailor-phone-system-outcomes.txt): list, create, full
 * replacement on update, delete; Bearer auth; an Idempotency-Key on every write.
 */
export class SailorAdapter extends HttpAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Present only when the host gave `listSmartLists`. */
  declare readonly listSmartLists?: (options?: RequestOptions) => Promise<SmartList[]>;
  /** The last outcome read or written per id: what an update starts from. */
  readonly #known = new Map<string, ReadOutcome>();
  /** The re-read that the updates asked for in this task share, until it is sent. */
  #pendingReread: Promise<OutcomeType[]> | undefined;
  #dispositionPopupEnabled: boolean | undefined;

  constructor(options: SailorAdapterOptions) {
    super('sailor', options, { type: 'bearer', token: options.token }, readSailorError);
    this.capabilities = Object.freeze({
      create: true,
      update: true,
      delete: true,
      record: false,
      role: options.role ?? 'editor',
      fields: SAILOR_RULES.fields,
      crossField: SAILOR_RULES.crossField,
    });
    const hostLists = options.listSmartLists;
    if (hostLists) this.listSmartLists = (requestOptions) => listHostSmartLists(hostLists, requestOptions);
  }

  /**
   * Sailor's `disposition_popup_enabled` from the last list (at least one disposition exists);
   * undefined before the first list.
   */
  get dispositionPopupEnabled(): boolean | undefined {
    return this.#dispositionPopupEnabled;
  }

  async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    const request: HttpRequest = { method: 'GET', path: OUTCOMES_PATH, signal: options?.signal };
    const envelope = await this.#send(request, ListEnvelopeSchema);
    const fresh = this.parseItems(envelope.outcomes, readOutcome, `GET ${OUTCOMES_PATH}`);
    const read = fresh.map((item) => withStillKnownFields(item, this.#known.get(item.outcome.id)));
    this.#known.clear();
    for (const item of read) this.#known.set(item.outcome.id, item);
    this.#dispositionPopupEnabled = envelope.disposition_popup_enabled;
    return sortOutcomeTypes(read.map((item) => structuredClone(item.outcome)));
  }

  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const configuration = this.checkWrite(input, SAILOR_RULES) as Configuration;
    return this.#write('POST', OUTCOMES_PATH, toWire(configuration), options);
  }

  /**
   * PATCH replaces the whole configuration, and Sailor has no conditional write nor a
   * single-outcome GET: the outcome is re-read (one list, shared by the updates asked for in
   * the same task) right before writing, and every field the caller does not change is resent
   * with the server's current value, never with an older copy. With `options.expected`, an
   * outcome that changed since it was read is `conflict` (carrying the current version), and
   * one deleted meanwhile is `not_found`; nothing is written either way.
   */
  async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const current = await this.#reread(id, options);
    if (options?.expected) assertSailorUnchanged(options.expected, current.outcome);
    const checked = this.checkWrite(changes, SAILOR_RULES, current.outcome);
    refuseErasing(current.unread, checked);
    const { name, kind, ordinal, destination, webhookUrl } = current.outcome;
    const configuration: Configuration = { name, kind, ordinal, destination, webhookUrl, ...checked };
    return this.#write('PATCH', outcomePath(id), toWire(configuration), options);
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    const request: HttpRequest = { method: 'DELETE', path: outcomePath(id), idempotencyKey: options?.idempotencyKey, signal: options?.signal };
    await this.#send(request, DeleteAnswerSchema);
    this.#known.delete(id);
  }

  /**
   * Each write has its own key, reused by its retries: the caller's, so that a Save repeated
   * after a lost answer is the same write to Sailor, or else a fresh one.
   */
  async #write(method: 'POST' | 'PATCH', path: string, body: WireWrite, options?: RequestOptions): Promise<OutcomeType> {
    const request: HttpRequest = {
      method,
      path,
      body,
      idempotencyKey: options?.idempotencyKey ?? randomId(),
      signal: options?.signal,
    };
    const envelope = await this.#send(request, OutcomeEnvelopeSchema);
    const read = readOutcome(withSentConfiguration(envelope.outcome, body));
    if (!read.ok) throw unexpectedBody(request, read.message.replace(/(^|; )\$/g, (_, lead: string) => `${lead}$.outcome`));
    this.#known.set(read.value.outcome.id, read.value);
    if (envelope.disposition_popup_enabled !== undefined) this.#dispositionPopupEnabled = envelope.disposition_popup_enabled;
    return structuredClone(read.value.outcome);
  }

  /**
   * The outcome as the server holds it now. Sailor has no single-outcome GET, so this lists;
   * the updates asked for in the same task (a reorder saving many ordinals) share one list,
   * sent after all of them were asked for, so that none reads anything older than its call.
   */
  async #reread(id: string, options?: RequestOptions): Promise<ReadOutcome> {
    if (options?.signal?.aborted) throw new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: options.signal.reason });
    let batch = this.#pendingReread;
    if (!batch) {
      batch = this.#pendingReread = Promise.resolve().then(() => {
        this.#pendingReread = undefined;
        return this.listOutcomeTypes();
      });
    }
    await abortable(batch, options?.signal);
    const current = this.#known.get(id);
    if (!current) throw new OutcomeAdapterError('not_found', `Sailor has no outcome with the id "${id}" (it may have been deleted).`);
    return current;
  }

  /** Like HttpClient.send, but `{ ok: false }` is a failure whatever the status. */
  async #send<S extends z.ZodMiniType>(request: HttpRequest, schema: S): Promise<z.output<S>> {
    const answer = await this.http.request(request);
    if (isFailureEnvelope(answer.body)) {
      // A success status with `ok: false` but no error name is not an answer Sailor documents.
      if (typeof answer.body['error'] !== 'string') {
        throw unexpectedBody(request, '$.error: an ok:false envelope must name its error', answer.status);
      }
      const meaning = readSailorError(answer.status, answer.body);
      throw new OutcomeAdapterError(meaning.code ?? 'server', meaning.message ?? `${request.method} ${request.path} failed.`, {
        status: answer.status,
        retryable: false,
        fieldErrors: meaning.fieldErrors ?? {},
      });
    }
    const parsed = parseWith(schema, answer.body);
    if (!parsed.ok) throw unexpectedBody(request, parsed.message, answer.status);
    return parsed.value;
  }
}

function outcomePath(id: string): string {
  return `${OUTCOMES_PATH}/${encodeURIComponent(id)}`;
}

function unexpectedBody(request: HttpRequest, detail: string, status?: number): OutcomeAdapterError {
  return new OutcomeAdapterError('bad_response', `${request.method} ${request.path} answered with an unexpected body: ${detail}`, {
    status,
    retryable: false,
  });
}

/** The host's Smart Lists, checked like any answer, every failure an OutcomeAdapterError. */
async function listHostSmartLists(
  hostLists: NonNullable<SailorAdapterOptions['listSmartLists']>,
  options?: RequestOptions,
): Promise<SmartList[]> {
  let lists: unknown;
  try {
    lists = await hostLists(options);
  } catch (error) {
    throw OutcomeAdapterError.from(error, 'server');
  }
  const parsed = parseWith(SmartListsSchema, lists);
  if (!parsed.ok) throw new OutcomeAdapterError('bad_response', `listSmartLists answered with unexpected lists: ${parsed.message}`);
  return parsed.value.map(({ id, name }) => ({ id, name }));
}
