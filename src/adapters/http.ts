import type * as z from 'zod/mini';
import { describeIssues, parseWith } from '../model/parse.js';
import { OutcomeAdapterError } from './errors.js';
import { codeForStatus, errorReader, isRecord, readErrorBody, type ErrorDialect, type ErrorReader } from './error-body.js';
import { delay } from './delay.js';
import type { InvalidItemHandler } from './adapter.js';

export { errorReader, readErrorBody, readFieldErrors } from './error-body.js';
export type { ErrorDialect, ErrorMeaning, ErrorReader } from './error-body.js';

/**
 * A bearer token, or where to get the current one: a provider is asked once, again after a
 * 401 (one refresh, one retry), so expiring tokens are renewed without the caller noticing.
 */
export type TokenSource = string | (() => Promise<string | IssuedToken> | string | IssuedToken);

/** A token with its lifetime: asked for again shortly before it runs out, not only after a 401. */
export interface IssuedToken {
  token: string;
  /** Milliseconds from now until the token expires. */
  expiresInMs?: number;
}

/** A token is renewed this long before its stated expiry (at most a tenth of its lifetime). */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;

/** How a backend wants its caller identified. */
export type HttpAuth =
  | { type: 'bearer'; token: TokenSource }
  | { type: 'basic'; username: string; password?: string }
  | { type: 'header'; name: string; value: string };

/** The options every HTTP adapter takes (DESIGN.md, "Constructor options"). */
export interface HttpAdapterOptions {
  /** Origin and any path prefix of the API, e.g. `https://api.example.com`. Never with credentials. */
  baseUrl: string;
  /**
   * The adapter's identity (`OutcomeAdapter.id`), which queued records, drafts and the last
   * known list are kept under. Default: the backend's name and the base URL, e.g.
   * `sailor:https://api.sailorhq.io`; give one when two adapters share a base URL but not a
   * tenant (e.g. different API keys).
   */
  id?: string;
  /** A fetch to use instead of the global one (a proxy, a test double, Node's undici). */
  fetch?: typeof fetch;
  /** Per attempt. Default 10,000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt, for requests safe to repeat. Default 2. */
  retries?: number;
  /** Extra headers sent with every request; never the ones that carry the adapter's credentials. */
  headers?: Record<string, string>;
  /** Where malformed items of a list are reported. Default `console.warn`. */
  onInvalidItem?: InvalidItemHandler;
  /** First backoff delay; doubled per retry up to `maxRetryDelayMs`, with jitter. Default 300 ms. */
  retryDelayMs?: number;
  /** Cap of the backoff delay. Default 5,000 ms. */
  maxRetryDelayMs?: number;
  /** The longest `Retry-After` honoured; a longer one fails as `rate_limited` at once. Default 30,000 ms. */
  maxRetryAfterMs?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to the base URL, e.g. `/api/v1/outcome/abc/`; no empty, `.` or `..` segment. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `application/x-www-form-urlencoded` instead of a JSON body (an OAuth token grant). */
  form?: Record<string, string>;
  /** Sent as `Idempotency-Key`; makes a write safe to retry, with the same key every time. */
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
}

/** Base64 of UTF-8 text; `btoa` alone throws on anything outside Latin-1. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The credentials header of `auth` when it never changes (not a token provider's). */
function fixedCredentials(auth: HttpAuth | undefined): Record<string, string> {
  switch (auth?.type) {
    case 'bearer':
      return typeof auth.token === 'string' ? { Authorization: `Bearer ${auth.token}` } : {};
    case 'basic':
      return { Authorization: `Basic ${base64(`${auth.username}:${auth.password ?? ''}`)}` };
    case 'header':
      return { [auth.name]: auth.value };
    default:
      return {};
  }
}

/** `?name=value&…` of the query's defined values (after a `?` the path has, `&`), or nothing. */
function queryString({ path, query }: HttpRequest): string {
  let text = '';
  for (const name of Object.keys(query ?? {})) {
    const value = query![name];
    if (value !== undefined) text += `${(text || path.includes('?')) ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }
  return text;
}

/** The header that carries the credentials of `auth`, lower case. */
function authHeaderName(auth: HttpAuth | undefined): string | undefined {
  if (!auth) return undefined;
  return auth.type === 'header' ? auth.name.toLowerCase() : 'authorization';
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A URL as text with any `user:password@` taken out, for messages. */
function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^/?#@]*@/, '//');
}

// `.` and `..` (also percent-encoded: URL parsing decodes `%2e`) move the request target; an
// empty segment inside a path is an id left out.
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** `validation` before the wire when a path has an empty, `.` or `..` segment. */
function assertSafePath(request: HttpRequest): void {
  const pathname = request.path.split(/[?#]/, 1)[0]!;
  const segments = pathname.split('/').slice(1);
  const bad = segments.findIndex((segment, index) => DOT_SEGMENT.test(segment) || (segment === '' && index < segments.length - 1));
  if (!pathname.startsWith('/') || bad !== -1) {
    throw new OutcomeAdapterError(
      'validation',
      `Not sent: ${request.method} ${JSON.stringify(request.path)} has an empty, "." or ".." path segment, which would change the request target.`,
      { retryable: false },
    );
  }
}

interface Attempt {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * The one HTTP client of every adapter: base URL, auth (a refreshing token included), JSON, a
 * timeout per attempt, the caller's AbortSignal, no redirects (credentials never follow one to
 * another origin), retries only where repeating is safe, request targets that stay where they
 * were meant to, and every failure as an OutcomeAdapterError.
 */
export class HttpClient {
  readonly #baseUrl: string;
  readonly #auth: HttpAuth | undefined;
  readonly #options: HttpAdapterOptions;
  readonly #readError: ErrorReader;
  readonly #okField: string | undefined;
  /** Accept, the host's headers and credentials that do not change: built once, not per request. */
  readonly #headers: Record<string, string>;
  /** The current token of a provider, shared by concurrent requests. */
  #token: Promise<string> | undefined;
  /** When the current token is to be renewed (its provider said when it expires); else never. */
  #renewAt = Infinity;

  constructor(options: HttpAdapterOptions, auth: HttpAuth | undefined, readError: ErrorReader | ErrorDialect = readErrorBody) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`baseUrl must be an absolute http(s) URL, got "${withoutCredentials(String(options.baseUrl))}".`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`baseUrl must be an http(s) URL, got "${url.protocol}".`);
    }
    if (url.username || url.password) {
      throw new TypeError('baseUrl must not carry credentials (user:password@): give them as the adapter\'s token or API key.');
    }
    const guarded = authHeaderName(auth);
    for (const name of Object.keys(options.headers ?? {})) {
      if (name.toLowerCase() === 'authorization' || name.toLowerCase() === guarded) {
        throw new TypeError(`headers must not set "${name}": the adapter sends its own credentials; give them as its token or API key.`);
      }
    }
    this.#baseUrl = url.href.replace(/\/+$/, '');
    this.#auth = auth;
    this.#headers = { Accept: 'application/json', ...options.headers, ...fixedCredentials(auth) };
    this.#options = options;
    this.#readError = typeof readError === 'function' ? readError : errorReader(readError);
    this.#okField = typeof readError === 'function' ? undefined : readError.okField;
  }

  /** The base URL as requests use it: absolute, without a trailing slash. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /**
   * Sends a request and parses the answer with `schema` (an empty answer parses as `undefined`).
   * A body that does not match is `bad_response`, naming the failing path.
   */
  async send<S extends z.ZodMiniType>(request: HttpRequest, schema: S): Promise<z.output<S>> {
    const response = await this.request(request);
    const parsed = parseWith(schema, response.body);
    if (!parsed.ok) throw unexpectedBody(request, describeIssues(parsed.issues), response.status);
    return parsed.value;
  }

  /** Sends a request with retries where safe; resolves with any 2xx answer that is not a failure. */
  async request(request: HttpRequest): Promise<Attempt> {
    assertSafePath(request);
    const retries = Math.max(0, this.#options.retries ?? 2);
    // GET, PUT and DELETE are idempotent by HTTP's definition; POST and PATCH only with a key.
    const repeatable = request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE' || Boolean(request.idempotencyKey);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#authorized(request);
      } catch (thrown) {
        const error = OutcomeAdapterError.from(thrown, 'network');
        // A DELETE whose first answer was lost may find the item already gone: that is done.
        if (request.method === 'DELETE' && attempt > 0 && error.code === 'not_found') {
          return { status: 204, headers: new Headers(), body: undefined };
        }
        const wait = repeatable && attempt < retries && error.retryable ? this.retryDelay(attempt, error) : undefined;
        if (wait === undefined) throw error;
        await delay(wait, request.signal);
      }
    }
  }

  /** One attempt; with a token provider, a 401 gets one fresh token and one more try. */
  async #authorized(request: HttpRequest): Promise<Attempt> {
    const token = this.#auth?.type === 'bearer' && typeof this.#auth.token === 'function' ? this.#currentToken() : undefined;
    try {
      return await this.#attempt(request, token && (await token));
    } catch (thrown) {
      if (!token || !(thrown instanceof OutcomeAdapterError) || thrown.status !== 401) throw thrown;
      // Requests that failed with the same token share one refresh.
      if (this.#token === token) this.#token = undefined;
      return this.#attempt(request, await this.#currentToken());
    }
  }

  #currentToken(): Promise<string> {
    const provider = (this.#auth as { token: () => Promise<string | IssuedToken> | string | IssuedToken }).token;
    if (this.#token && Date.now() >= this.#renewAt) this.#token = undefined;
    this.#token ??= Promise.resolve()
      .then(provider)
      .then((issued) => {
        const token = typeof issued === 'string' ? issued : issued?.token;
        if (typeof token !== 'string' || token === '') throw new TypeError('the token provider gave no token');
        const lifetime = typeof issued === 'object' ? issued.expiresInMs : undefined;
        this.#renewAt = lifetime === undefined ? Infinity : Date.now() + lifetime - Math.min(TOKEN_RENEWAL_MARGIN_MS, lifetime / 10);
        return token;
      })
      .catch((error: unknown) => {
        this.#token = undefined;
        // A provider that failed as an adapter error (a token endpoint out of reach) keeps its
        // meaning, so an outage stays retryable and is not mistaken for bad credentials.
        if (error instanceof OutcomeAdapterError) throw error;
        throw new OutcomeAdapterError('unauthorized', `No token: ${error instanceof Error ? error.message : String(error)}.`, { retryable: false, cause: error });
      });
    return this.#token;
  }

  /**
   * How long to wait before retry `attempt + 1` after `error`: its `Retry-After` if not beyond
   * the cap (undefined: do not retry), else capped exponential backoff with jitter. Public for
   * an adapter that retries a write itself (Genesys: a create re-read by name before it is resent).
   */
  retryDelay(attempt: number, error: OutcomeAdapterError): number | undefined {
    const asked = error.retryAfterMs;
    if (asked !== undefined) {
      return asked <= (this.#options.maxRetryAfterMs ?? 30_000) ? asked : undefined;
    }
    const base = this.#options.retryDelayMs ?? 300;
    const cap = this.#options.maxRetryDelayMs ?? 5_000;
    const exponential = Math.min(cap, base * 2 ** attempt);
    // Full jitter within the upper half, so clients that failed together do not retry together.
    return exponential / 2 + Math.random() * (exponential / 2);
  }

  async #attempt(request: HttpRequest, token: string | undefined): Promise<Attempt> {
    const { signal } = request;
    if (signal?.aborted) throw new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: signal.reason });
    const timeoutMs = this.#options.timeoutMs ?? 10_000;
    // One controller per attempt, its timer and its link to the caller's signal undone when the
    // attempt ends: AbortSignal.timeout leaves a timer running for the whole timeout, and
    // AbortSignal.any a dependent signal, per request — a paged list makes a hundred of each.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError'));
    }, timeoutMs);
    const forward = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', forward);
    const url = this.#baseUrl + request.path + queryString(request);
    const headers: Record<string, string> = { ...this.#headers };
    if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    if (request.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    else if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    const doFetch = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: request.method,
        headers,
        body: request.form !== undefined ? new URLSearchParams(request.form).toString() : request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'error',
        credentials: 'omit',
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: error });
      if (timedOut) {
        throw new OutcomeAdapterError('timeout', `${request.method} ${request.path} got no answer within ${timeoutMs} ms.`, { cause: error });
      }
      // fetch says only "Failed to fetch" for resets, refused connections, CORS and redirects.
      throw new OutcomeAdapterError('network', `${request.method} ${request.path} could not reach the server.`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
    let body: unknown = undefined;
    let notJson = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        notJson = true;
      }
    }
    if (response.ok) {
      if (notJson) {
        throw new OutcomeAdapterError('bad_response', `${request.method} ${request.path} answered with a body that is not JSON.`, {
          status: response.status,
          retryable: false,
        });
      }
      if (this.#okField && isRecord(body) && body[this.#okField] === false) throw this.#failureEnvelope(request, response, body);
      return { status: response.status, headers: response.headers, body };
    }
    throw this.#errorFor(request, response, body);
  }

  /** A success status whose body says it failed: the error it names, never retried. */
  #failureEnvelope(request: HttpRequest, response: Response, body: Record<string, unknown>): OutcomeAdapterError {
    if (typeof body['error'] !== 'string') {
      throw unexpectedBody(request, `$.error: an ${this.#okField}:false envelope must name its error`, response.status);
    }
    const meaning = this.#readError(response.status, body);
    return new OutcomeAdapterError(meaning.code ?? 'server', meaning.message ?? `${request.method} ${request.path} failed.`, {
      status: response.status,
      retryable: false,
      fieldErrors: meaning.fieldErrors ?? {},
    });
  }

  #errorFor(request: HttpRequest, response: Response, body: unknown): OutcomeAdapterError {
    const meaning = this.#readError(response.status, body);
    const code = meaning.code ?? codeForStatus(response.status);
    const message = meaning.message ?? `${request.method} ${request.path} failed with HTTP ${response.status}.`;
    const retryable = code === 'rate_limited' || [500, 502, 503, 504].includes(response.status) || code === 'timeout';
    return new OutcomeAdapterError(code, message, {
      status: response.status,
      retryable,
      fieldErrors: meaning.fieldErrors ?? {},
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
    });
  }
}

/** `bad_response` for an answer that does not say what the request expects; `detail` names the path. */
export function unexpectedBody(request: Pick<HttpRequest, 'method' | 'path' | 'query'>, detail: string, status?: number): OutcomeAdapterError {
  const query = Object.entries(request.query ?? {}).filter(([, value]) => value !== undefined);
  const target = query.length ? `${request.path}?${query.map(([name, value]) => `${name}=${value}`).join('&')}` : request.path;
  return new OutcomeAdapterError('bad_response', `${request.method} ${target} answered with an unexpected body: ${detail}`, {
    status,
    retryable: false,
  });
}
