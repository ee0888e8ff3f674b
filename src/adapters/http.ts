import type * as z from 'zod/mini';
import { parseWith } from '../model/parse.js';
import { OutcomeAdapterError, type AdapterErrorCode } from './errors.js';
import { delay } from './delay.js';
import type { InvalidItemHandler } from './adapter.js';

/** How a backend wants its caller identified. */
export type HttpAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password?: string }
  | { type: 'header'; name: string; value: string };

/** The options every HTTP adapter takes (DESIGN.md, "Constructor options"). */
export interface HttpAdapterOptions {
  /** Origin and any path prefix of the API, e.g. `https://api.example.com`. */
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
  /** Extra headers sent with every request. */
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
  /** Relative to the base URL, e.g. `/api/v1/outcome/abc/`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `Idempotency-Key`; makes a write safe to retry, with the same key every time. */
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
}

/** What a backend's error body means, in canonical terms. */
export interface ErrorMeaning {
  code?: AdapterErrorCode;
  message?: string;
  /** Keyed by canonical field name. */
  fieldErrors?: Record<string, string>;
}

/**
 * Reads a backend's error body. The default reads the usual shapes leniently; adapters pass
 * their own to map backend codes and wire field names (e.g. Sailor's `destination_not_found`).
 */
export type ErrorReader = (status: number, body: unknown) => ErrorMeaning;

const CODE_BY_STATUS: Record<number, AdapterErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  410: 'not_found',
  413: 'validation',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
};

function codeForStatus(status: number): AdapterErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'validation');
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (value && typeof value === 'object' && 'message' in value) return asText(value.message);
  return undefined;
}

/**
 * Field errors in the shapes backends use: `{ field: "msg" }`, `{ field: ["msg"] }`,
 * `[{ field, message }]`, under `field-errors`, `fieldErrors`, `field_errors`, `errors` or
 * `details`. Field names are passed through `rename` (wire name → canonical name).
 */
export function readFieldErrors(body: unknown, rename: (wire: string) => string = (name) => name): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  if (!body || typeof body !== 'object') return fieldErrors;
  const record = body as Record<string, unknown>;
  const source = record['field-errors'] ?? record['fieldErrors'] ?? record['field_errors'] ?? record['errors'] ?? record['details'];
  const add = (field: unknown, message: unknown) => {
    const text = Array.isArray(message) ? message.map(asText).filter(Boolean).join(' ') : asText(message);
    if (typeof field === 'string' && field && text) fieldErrors[rename(field)] ??= text;
  };
  if (Array.isArray(source)) {
    for (const item of source) {
      if (item && typeof item === 'object') {
        const entry = item as Record<string, unknown>;
        add(entry['field'] ?? entry['path'] ?? entry['param'], entry['message'] ?? entry['error'] ?? entry['msg']);
      }
    }
  } else if (source && typeof source === 'object') {
    for (const [field, message] of Object.entries(source)) add(field, message);
  }
  return fieldErrors;
}

/** The default reader: `error` / `message` / `detail` for the text, field errors where found. */
export const readErrorBody: ErrorReader = (_status, body) => {
  if (typeof body === 'string') return { message: body.trim().slice(0, 300) || undefined };
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  return {
    message: asText(record['message']) ?? asText(record['error']) ?? asText(record['detail']) ?? asText(record['title']),
    fieldErrors: readFieldErrors(body),
  };
};

/** Base64 of UTF-8 text; `btoa` alone throws on anything outside Latin-1. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function authHeaders(auth: HttpAuth | undefined): Record<string, string> {
  if (!auth) return {};
  switch (auth.type) {
    case 'bearer':
      return { Authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { Authorization: `Basic ${base64(`${auth.username}:${auth.password ?? ''}`)}` };
    case 'header':
      return { [auth.name]: auth.value };
  }
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface Attempt {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * The one HTTP client of every adapter: base URL, auth, JSON, a timeout per attempt, the
 * caller's AbortSignal, no redirects (credentials never follow one to another origin), retries
 * only where repeating is safe, and every failure as an OutcomeAdapterError.
 */
export class HttpClient {
  readonly #baseUrl: string;
  readonly #auth: HttpAuth | undefined;
  readonly #options: HttpAdapterOptions;
  readonly #readError: ErrorReader;

  constructor(options: HttpAdapterOptions, auth: HttpAuth | undefined, readError: ErrorReader = readErrorBody) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`baseUrl must be an absolute http(s) URL, got "${options.baseUrl}".`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`baseUrl must be an http(s) URL, got "${url.protocol}".`);
    }
    this.#baseUrl = url.href.replace(/\/+$/, '');
    this.#auth = auth;
    this.#options = options;
    this.#readError = readError;
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
    if (!parsed.ok) {
      throw new OutcomeAdapterError(
        'bad_response',
        `${request.method} ${request.path} answered with an unexpected body: ${parsed.message}`,
        { status: response.status },
      );
    }
    return parsed.value;
  }

  /** Sends a request with retries where safe; resolves with any 2xx answer. */
  async request(request: HttpRequest): Promise<Attempt> {
    const retries = Math.max(0, this.#options.retries ?? 2);
    // GET, PUT and DELETE are idempotent by HTTP's definition; POST and PATCH only with a key.
    const repeatable = request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE' || Boolean(request.idempotencyKey);
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.#attempt(request);
        return answer;
      } catch (thrown) {
        const error = OutcomeAdapterError.from(thrown, 'network');
        // A DELETE whose first answer was lost may find the item already gone: that is done.
        if (request.method === 'DELETE' && attempt > 0 && error.code === 'not_found') {
          return { status: 204, headers: new Headers(), body: undefined };
        }
        const wait = repeatable && attempt < retries && error.retryable ? this.#backoff(attempt, error) : undefined;
        if (wait === undefined) throw error;
        await delay(wait, request.signal);
      }
    }
  }

  #backoff(attempt: number, error: OutcomeAdapterError): number | undefined {
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

  async #attempt(request: HttpRequest): Promise<Attempt> {
    const { signal } = request;
    if (signal?.aborted) throw new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: signal.reason });
    const timeoutMs = this.#options.timeoutMs ?? 10_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const url = new URL(this.#baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...this.#options.headers,
      ...authHeaders(this.#auth),
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    const doFetch = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'error',
        credentials: 'omit',
        signal: combined,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: error });
      if (timeout.aborted) {
        throw new OutcomeAdapterError('timeout', `${request.method} ${request.path} got no answer within ${timeoutMs} ms.`, { cause: error });
      }
      // fetch says only "Failed to fetch" for resets, refused connections, CORS and redirects.
      throw new OutcomeAdapterError('network', `${request.method} ${request.path} could not reach the server.`, { cause: error });
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
      return { status: response.status, headers: response.headers, body };
    }
    throw this.#errorFor(request, response, body);
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
