/**
 * A `fetch` that answers in the page, with no network: each request goes to the `handle` of a
 * seed API (test/servers/*-api.mjs, the same code the test servers run in Node), on one state
 * made by its `createState()`. Requests and answers are read and written the way
 * test/servers/seed-server.mjs does, so an adapter behaves here as it does against the server.
 */

/** A request as a seed API's `handle` sees it. */
export interface SeedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-case names, as Node gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body; `{ __invalidJson: raw }` when it is not JSON; undefined when empty. */
  body: unknown;
  raw: string;
}

/** What a seed API's `handle` answers; undefined means 404. */
export interface SeedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The pure part of a test server: `export const api` of test/servers/<name>-api.mjs. */
export interface SeedApi {
  name: string;
  createState(): unknown;
  handle(request: SeedRequest, state: unknown): SeedAnswer | undefined;
}

export interface StandInFetchOptions {
  /** Delay before every answer, to show loading states. Default 0. */
  latencyMs?: number;
}

/** Statuses whose response must not have a body (the `Response` constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, or rejects as `fetch` does when the signal aborts first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Like seed-server.mjs: a string as text, anything else but undefined as JSON. */
function toResponse({ status, body, headers = {} }: SeedAnswer): Response {
  const hasBody = body !== undefined && !NULL_BODY_STATUSES.has(status);
  const contentType: Record<string, string> = hasBody
    ? { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' }
    : {};
  const text = !hasBody ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { ...contentType, ...headers } });
}

/**
 * A `fetch` answering every request with `api.handle` on one state of its own (whatever the
 * origin of the URL), e.g. `new CloseAdapter({ baseUrl, apiKey, fetch: standInFetch(closeApi) })`.
 */
export function standInFetch(api: SeedApi, { latencyMs = 0 }: StandInFetchOptions = {}): typeof fetch {
  const state = api.createState();
  return async (input, init) => {
    // A Request reads the arguments exactly as fetch would: method, headers, body and the
    // Content-Type a string body gets (text/plain, so a write without JSON gets its 415).
    const request = new Request(input, init);
    const url = new URL(request.url);
    const raw = await request.text();
    await wait(latencyMs, request.signal);
    if (request.method === 'OPTIONS') return toResponse({ status: 204 });
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = { __invalidJson: raw };
    }
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const seedRequest: SeedRequest = { method: request.method, path: url.pathname, query: url.searchParams, headers, body, raw };
    let answer: SeedAnswer;
    try {
      answer = api.handle(seedRequest, state) ?? { status: 404, body: { error: 'Not found' } };
    } catch (error) {
      answer = { status: 500, body: { error: String(error) } };
    }
    return toResponse(answer);
  };
}
