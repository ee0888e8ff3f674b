import * as z from 'zod/mini';
import { randomId } from '../../model/id.js';
import { parseWith } from '../../model/parse.js';
import type { Destination, OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../../model/types.js';
import { OutcomeAdapterError, type RequestOptions, type SmartList } from '../adapter.js';
import { HttpAdapter, notSent } from '../http-adapter.js';
import type { HttpRequest } from '../http.js';
import { LazyIndex } from '../lazy-index.js';
import { OUTCOMES_PATH, sailorBackend, type SailorAdapterOptions } from './backend.js';
import {
  DeleteAnswerSchema,
  OutcomeEnvelopeSchema,
  readOutcome,
  toWire,
  withSentConfiguration,
  withStillKnownFields,
  type Configuration,
  type ListEnvelope,
  type ReadOutcome,
  type WireWrite,
} from './wire.js';

export type { SailorAdapterOptions } from './backend.js';

const knownId = (read: ReadOutcome) => read.outcome.id;

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
  if (Object.keys(fieldErrors).length) throw notSent(fieldErrors);
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

const SmartListsSchema = z.array(z.looseObject({ id: z.string().check(z.minLength(1, 'must not be empty')), name: z.string() }));

/**
 * Sailor's phone-system outcomes (seeds/sailor-phone-system-outcomes.txt): list, create, full
 * replacement on update, delete; Bearer auth; an Idempotency-Key on every write.
 */
export class SailorAdapter extends HttpAdapter<ListEnvelope, ReadOutcome, SailorAdapterOptions> {
  /** Present only when the host gave `listSmartLists`. */
  declare readonly listSmartLists?: (options?: RequestOptions) => Promise<SmartList[]>;
  /** The last outcome read or written per id: what an update starts from. */
  #known = new LazyIndex<string, ReadOutcome>([], knownId);
  /** The re-read that the updates asked for in this task share, until it is sent. */
  #pendingReread: Promise<OutcomeType[]> | undefined;
  #dispositionPopupEnabled: boolean | undefined;

  constructor(options: SailorAdapterOptions) {
    super(sailorBackend, options);
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

  /** The outcomes handed out are the ones an update starts from: read them, do not change them. */
  override async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    let envelope: ListEnvelope | undefined;
    const fresh = await this.readItems(options, (answer) => (envelope = answer));
    const earlier = this.#known;
    const reads = fresh.map((item) => (item.unread.length ? withStillKnownFields(item, earlier.get(item.outcome.id)) : item));
    this.#known = new LazyIndex(reads, knownId);
    this.#dispositionPopupEnabled = envelope?.disposition_popup_enabled;
    return reads.map((read) => read.outcome);
  }

  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const configuration = this.checkWrite(input) as Configuration;
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
    const path = this.#outcomePath(id);
    const current = await this.#reread(id, options);
    if (options?.expected) assertSailorUnchanged(options.expected, current.outcome);
    const checked = this.checkWrite(changes, current.outcome);
    refuseErasing(current.unread, checked);
    const { name, kind, ordinal, destination, webhookUrl } = current.outcome;
    const configuration: Configuration = { name, kind, ordinal, destination, webhookUrl, ...checked };
    return this.#write('PATCH', path, toWire(configuration), options);
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    const request: HttpRequest = { method: 'DELETE', path: this.#outcomePath(id), idempotencyKey: options?.idempotencyKey, signal: options?.signal };
    await this.http.send(request, DeleteAnswerSchema);
    this.#known.delete(id);
  }

  #outcomePath(id: string): string {
    return `${OUTCOMES_PATH}/${this.segment(id)}`;
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
    const envelope = await this.http.send(request, OutcomeEnvelopeSchema);
    const read = this.answer(readOutcome(withSentConfiguration(envelope.outcome, body)), request, ['outcome']);
    this.#known.set(read.outcome.id, read);
    if (envelope.disposition_popup_enabled !== undefined) this.#dispositionPopupEnabled = envelope.disposition_popup_enabled;
    return read.outcome;
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
