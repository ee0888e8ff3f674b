import type { BackendRules } from '../model/field-rules.js';
import type { ParseResult } from '../model/parse.js';
import type { OutcomeType, OutcomeTypeInput } from '../model/types.js';
import { checkOutcomeTypeInput, issuesToFieldErrors } from '../model/validate-input.js';
import {
  OutcomeAdapterError,
  warnInvalidItem,
  type AdapterCapabilities,
  type InvalidItemHandler,
  type OutcomeAdapter,
  type RequestOptions,
} from './adapter.js';
import { HttpClient, type ErrorReader, type HttpAdapterOptions, type HttpAuth } from './http.js';
import { parseListLeniently } from './parse-list.js';

/**
 * The base of every HTTP adapter: one HttpClient, lenient list parsing that reports what it
 * leaves out, and the backend's write rules checked before anything is sent.
 */
export abstract class HttpAdapter implements OutcomeAdapter {
  abstract readonly capabilities: AdapterCapabilities;
  readonly id: string;
  protected readonly http: HttpClient;
  protected readonly reportInvalid: InvalidItemHandler;

  /** `backend` names the API in the default id, e.g. `sailor`. */
  constructor(backend: string, options: HttpAdapterOptions, auth: HttpAuth | undefined, readError?: ErrorReader) {
    this.http = new HttpClient(options, auth, readError);
    this.reportInvalid = options.onInvalidItem ?? warnInvalidItem;
    if (options.id !== undefined && (typeof options.id !== 'string' || options.id === '')) {
      throw new TypeError('id must be a non-empty string.');
    }
    this.id = options.id ?? `${backend}:${this.http.baseUrl}`;
  }

  abstract listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]>;

  /** The items that parse; each one that does not is reported through `onInvalidItem`. */
  protected parseItems<T>(items: readonly unknown[], parse: (item: unknown) => ParseResult<T>, source: string): T[] {
    return parseListLeniently(items, parse, this.reportInvalid, source);
  }

  /** Writes need the editor role: a viewer's write is refused here, before anything is sent. */
  protected assertEditor(): void {
    if (this.capabilities.role !== 'editor') {
      throw new OutcomeAdapterError('forbidden', 'Changing outcome types needs the editor role.', { status: 403 });
    }
  }

  /** The value of a parsed answer, or `bad_response` naming the request and the failing path. */
  protected expectValid<T>(result: ParseResult<T>, source: string): T {
    if (result.ok) return result.value;
    throw new OutcomeAdapterError('bad_response', `${source} answered with an unexpected body: ${result.message}`);
  }

  /**
   * Checks a create (no `existing`) or an update against the backend's rules and returns only
   * the fields to write; invalid input throws `validation` with the fields named and is never sent.
   */
  protected checkWrite(
    input: unknown,
    rules: BackendRules,
    existing?: OutcomeType,
  ): Partial<OutcomeTypeInput> {
    const checked = checkOutcomeTypeInput(input, rules, existing);
    if (!checked.ok) {
      const fieldErrors = issuesToFieldErrors(checked.issues);
      const summary = Object.entries(fieldErrors).map(([field, message]) => `${field} ${message}`).join('; ');
      throw new OutcomeAdapterError('validation', `Not sent: ${summary}.`, { fieldErrors });
    }
    return checked.value;
  }
}
