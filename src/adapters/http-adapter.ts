import type * as z from 'zod/mini';
import type { BackendRules } from '../model/field-rules.js';
import { sortQuickly } from '../model/name-order.js';
import { describeIssues, type ParseResult } from '../model/parse.js';
import type { OutcomeType, OutcomeTypeInput } from '../model/types.js';
import { checkOutcomeTypeInput, issuesToFieldErrors } from '../model/validate-input.js';
import type { Role } from '../model/vocabulary.js';
import {
  OutcomeAdapterError,
  capabilitiesOf,
  warnInvalidItem,
  type AdapterCapabilities,
  type InvalidItemHandler,
  type OutcomeAdapter,
  type RequestOptions,
} from './adapter.js';
import { HttpClient, unexpectedBody, type ErrorDialect, type HttpAdapterOptions, type HttpAuth, type HttpRequest } from './http.js';
import type { Paging } from './paging.js';
import { readList } from './parse-list.js';

/**
 * One backend, described once: where its list is and how it pages, how it identifies callers,
 * how it words errors, which operations it has and its write rules. HttpAdapter does the rest
 * (requests, retries, parsing each item once, duplicates, order, capabilities) the same way
 * for every backend; a backend's adapter adds only what its API does differently.
 */
export interface HttpBackend<Envelope = unknown, Item = OutcomeType, Options extends HttpAdapterOptions = HttpAdapterOptions> {
  /** The API's name, the default id's prefix: `sailor` → `sailor:https://api.sailorhq.io`. */
  name: string;
  /** How a caller is identified, from the adapter's options (a token, a key). */
  auth(options: Options): HttpAuth;
  /** How its error bodies read (names, codes, the 2xx failure envelope). */
  errors: ErrorDialect;
  rules: BackendRules;
  /** The operations it has; the role comes from the adapter's options. */
  operations: Pick<AdapterCapabilities, 'create' | 'update' | 'delete' | 'record'>;
  list: {
    path: string;
    /** The answer around the items: checked once per page. */
    envelope: z.ZodMiniType<Envelope>;
    items(envelope: Envelope): readonly unknown[];
    /** Absent: one answer holds the whole list. */
    paging?: Paging<Envelope>;
    /** One wire item → what the adapter keeps of it, validated once. `index` is its place in the list. */
    item(wire: unknown, index: number): ParseResult<Item>;
    /** The outcome type an item holds, when the item is more than one (default: the item itself). */
    outcome?: (item: Item) => OutcomeType;
  };
}

/** The options of an adapter that has roles. */
export type RoleOption = { role?: Role };

/**
 * The one implementation behind every HTTP adapter: one HttpClient, lists read and paged as the
 * backend describes, each item validated once and reported (never thrown) when malformed or a
 * duplicate, lists handed out in the canonical order, and write rules checked before sending.
 */
export abstract class HttpAdapter<Envelope = unknown, Item = OutcomeType, Options extends HttpAdapterOptions = HttpAdapterOptions> implements OutcomeAdapter {
  readonly id: string;
  readonly capabilities: AdapterCapabilities;
  protected readonly http: HttpClient;
  protected readonly backend: HttpBackend<Envelope, Item, Options>;
  protected readonly reportInvalid: InvalidItemHandler;

  /** `role`: what the caller may do; a read-only backend says `viewer` whatever the options. */
  constructor(backend: HttpBackend<Envelope, Item, Options>, options: Options, role: Role = (options as RoleOption).role ?? 'editor') {
    this.http = new HttpClient(options, backend.auth(options), backend.errors);
    this.backend = backend;
    this.reportInvalid = options.onInvalidItem ?? warnInvalidItem;
    if (options.id !== undefined && (typeof options.id !== 'string' || options.id === '')) {
      throw new TypeError('id must be a non-empty string.');
    }
    this.id = options.id ?? `${backend.name}:${this.http.baseUrl}`;
    this.capabilities = capabilitiesOf(backend.operations, role, backend.rules);
  }

  async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    const outcome = this.backend.list.outcome;
    const items = await this.readItems(options);
    return outcome ? items.map(outcome) : (items as unknown as OutcomeType[]);
  }

  /**
   * Every item of the list, in the canonical order of the outcome types they hold; malformed
   * items and repeated ids or keys are left out and reported through `onInvalidItem`.
   * `onEnvelope` sees each page's envelope, for what a backend says beside the items.
   */
  protected async readItems(options?: RequestOptions, onEnvelope?: (envelope: Envelope) => void): Promise<Item[]> {
    const { list } = this.backend;
    const outcome = list.outcome ?? ((item: Item) => item as unknown as OutcomeType);
    const items: Item[] = [];
    const seen = { ids: new Map<string, number>(), keys: new Map<string, number>() };
    let offset = 0;
    let previousPage = { start: 0, end: 0, repeated: [] as string[] };
    const take = (envelope: Envelope, source: string) => {
      onEnvelope?.(envelope);
      const wire = list.items(envelope);
      const start = items.length;
      const page = readList(wire, list.item, this.reportInvalid, source, { offset, seen, outcome, into: items });
      offset += wire.length;
      // The page before, again (a server ignoring `_skip`), says nothing new; one outcome that
      // came twice because another was created meanwhile does not stop the list.
      const again = page.added === 0 && page.repeated.length > 0 && page.repeated.every((id) => inPage(previousPage, id));
      previousPage = { start, end: items.length, repeated: page.repeated };
      return { count: wire.length, advanced: !again };
    };
    const inPage = (page: typeof previousPage, id: string) => page.repeated.includes(id) || items.slice(page.start, page.end).some((value) => outcome(value).id === id);
    if (list.paging) {
      await list.paging.read(
        (query, signal) => this.#readEnvelope({ method: 'GET', path: list.path, query, signal }),
        { take, path: list.path, signal: options?.signal },
      );
    } else {
      const request: HttpRequest = { method: 'GET', path: list.path, signal: options?.signal };
      take(await this.#readEnvelope(request), `GET ${list.path}`);
    }
    return sortQuickly(items, outcome);
  }

  async #readEnvelope(request: HttpRequest): Promise<Envelope> {
    return this.http.send(request, this.backend.list.envelope);
  }

  /** One path segment from an id: refused before the wire when it would move the request target. */
  protected segment(id: string): string {
    return encodeURIComponent(this.requireId(id));
  }

  /** An id an operation may send (in a path or a query): a non-empty string other than `.` and `..`. */
  protected requireId(id: unknown): string {
    if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
      throw new OutcomeAdapterError('validation', `Not sent: ${JSON.stringify(id) ?? String(id)} is not an id (an id is a non-empty string other than "." and "..").`, {
        retryable: false,
      });
    }
    return id;
  }

  /** Writes need the editor role: a viewer's write is refused here, before anything is sent. */
  protected assertEditor(): void {
    if (this.capabilities.role !== 'editor') {
      throw new OutcomeAdapterError('forbidden', 'Changing outcome types needs the editor role.', { status: 403 });
    }
  }

  /** The value of a parsed answer, or `bad_response` naming the request and the failing path under `root`. */
  protected answer<T>(result: ParseResult<T>, request: Pick<HttpRequest, 'method' | 'path' | 'query'>, root: readonly PropertyKey[] = []): T {
    if (result.ok) return result.value;
    throw unexpectedBody(request, describeIssues(result.issues, root));
  }

  /**
   * Checks a create (no `existing`) or an update against the backend's rules and returns only
   * the fields to write; invalid input throws `validation` with the fields named and is never sent.
   */
  protected checkWrite(input: unknown, existing?: OutcomeType): Partial<OutcomeTypeInput> {
    const checked = checkOutcomeTypeInput(input, this.backend.rules, existing);
    if (!checked.ok) throw notSent(issuesToFieldErrors(checked.issues));
    return checked.value;
  }
}

/** `validation` for input refused before the wire, each field with its reason. */
export function notSent(fieldErrors: Record<string, string>): OutcomeAdapterError {
  const summary = Object.entries(fieldErrors).map(([field, message]) => `${field} ${message}`).join('; ');
  return new OutcomeAdapterError('validation', `Not sent: ${summary}.`, { fieldErrors });
}
