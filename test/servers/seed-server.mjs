// The common part of the test servers that speak the seed APIs: CORS for the headers the
// adapters send, JSON bodies, a request log, and fault injection — all on 127.0.0.1, started
// and stopped by the test run itself (web-test-runner.config.mjs).
//
// Controls, for the tests (CORS-enabled like everything else):
//   POST /__control/reset           state back to the seed data; faults and log cleared
//   POST /__control/faults [..]     queue faults (see `Fault` below)
//   GET  /__control/state           the server's state, to prove what was stored exactly once
//   GET  /__control/log             the requests received (method, path, query, headers, body)
//   POST /__control/<other>         the API's own controls, when it has a `control` function
//                                   (e.g. genesys-api.mjs: expire every token now)
import { createServer } from 'node:http';

// Exactly what the adapters send, plus one host header (X-Request-Id) for the extra-headers option.
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, Idempotency-Key, x-api-key, X-Request-Id';

/**
 * @typedef {object} Fault
 * @property {string} [method]  only requests with this method
 * @property {string} [path]    only requests whose path starts with this
 * @property {Record<string, string>} [query]  only requests with these query parameters
 * @property {number} [times]   how many requests it hits (default 1)
 * @property {'reset'|'stall'|'status'|'raw'|'lose-answer'|'delay'|'redirect'} kind
 *   reset: the connection is destroyed before anything is done;
 *   stall: no answer ever (the client's timeout must fire);
 *   status: answers `status`, `headers` and JSON `body` without doing anything;
 *   raw: answers `status` (default 200) with the text `body` as it is;
 *   lose-answer: the request is carried out, then the connection dies mid-answer;
 *   delay: waits `ms`, then carries the request out;
 *   redirect: answers 302 to `location`.
 * @property {number} [ms]     with `delay`: how long; with any other kind: a wait before it acts.
 */

export function createSeedServer({ name, createState, handle, control }) {
  let state = createState();
  /** @type {Fault[]} */
  let faults = [];
  let log = [];
  let inFlight = 0;
  const stalled = new Set();

  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOW_HEADERS,
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
  };

  function send(res, status, body, headers = {}) {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const contentType = body === undefined ? {} : { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' };
    res.writeHead(status, { ...cors, ...contentType, ...headers });
    res.end(text);
  }

  function takeFault(method, path, query) {
    const matchesQuery = (fault) => Object.entries(fault.query ?? {}).every(([name, value]) => query.get(name) === value);
    const index = faults.findIndex(
      (fault) => (!fault.method || fault.method === method) && (!fault.path || path.startsWith(fault.path)) && matchesQuery(fault),
    );
    if (index === -1) return undefined;
    const fault = faults[index];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault;
  }

  async function readBody(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'OPTIONS') return send(res, 204, undefined, {});
    const raw = await readBody(req);
    if (path.startsWith('/__control/')) {
      if (path === '/__control/reset') {
        state = createState();
        faults = [];
        log = [];
        // A test starts with no connection kept alive from the one before (a list paged in
        // parallel leaves several), so that the browser's own resends are the same every time.
        server.closeIdleConnections?.();
        return send(res, 200, { ok: true });
      }
      if (path === '/__control/faults') {
        faults.push(...JSON.parse(raw || '[]'));
        return send(res, 200, { queued: faults.length });
      }
      if (path === '/__control/state') return send(res, 200, state);
      if (path === '/__control/log') return send(res, 200, log);
      const own = control?.(path.slice('/__control/'.length), raw ? JSON.parse(raw) : undefined, state);
      if (own) return send(res, own.status, own.body, own.headers);
      return send(res, 404, { error: 'unknown control' });
    }
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = { __invalidJson: raw };
    }
    // `inFlight`: requests of the API (this one included) not answered yet when it arrived.
    inFlight++;
    res.on('close', () => inFlight--);
    log.push({ method: req.method, path, query: Object.fromEntries(url.searchParams), headers: req.headers, body, inFlight });
    const fault = takeFault(req.method, path, url.searchParams);
    if (fault?.ms && fault.kind !== 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'reset') return req.socket.destroy();
    if (fault?.kind === 'stall') {
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      return;
    }
    if (fault?.kind === 'status') return send(res, fault.status ?? 500, fault.body, fault.headers);
    if (fault?.kind === 'raw') return send(res, fault.status ?? 200, String(fault.body ?? ''), { 'Content-Type': 'application/json', ...fault.headers });
    if (fault?.kind === 'redirect') return send(res, 302, undefined, { Location: fault.location ?? 'http://127.0.0.1:9/elsewhere' });
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 100));
    const request = { method: req.method, path, query: url.searchParams, headers: req.headers, body, raw };
    let answer;
    try {
      answer = handle(request, state) ?? { status: 404, body: { error: 'Not found' } };
    } catch (error) {
      answer = { status: 500, body: { error: String(error) } };
    }
    if (fault?.kind === 'lose-answer') {
      // Headers and half a body, then the connection dies: a browser would silently resend a
      // request whose connection closed before any answer byte, so some bytes must arrive.
      res.writeHead(answer.status === 204 ? 200 : answer.status, { ...cors, 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"partial":');
      return setTimeout(() => req.socket.destroy(), 10);
    }
    send(res, answer.status, answer.body, answer.headers);
  });

  return {
    name,
    async start() {
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address();
      return `http://127.0.0.1:${port}`;
    },
    async stop() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Shared with the pure `*-api.mjs` files, which import them from api-kit.mjs directly.
export { idMaker, requireJson } from './api-kit.mjs';
