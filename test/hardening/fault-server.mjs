// The hardening pages' own server on 127.0.0.1 (node:http): the page bundles, the strict-CSP
// page with its policy header, and the task-results seed API (test/servers/task-results-api.mjs,
// the same handler the browser tests use) on the same origin — with random faults when asked:
// connections reset before or after the work is done, stalls before or after it, 500, 503 and
// 429 with Retry-After.
import { createServer } from 'node:http';
import { api } from '../servers/task-results-api.mjs';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** Each fault's share of API requests while faults are on (the rest are answered normally). */
export const FAULT_RATES = {
  'reset-before': 0.04,
  'reset-after': 0.04,
  'stall-before': 0.025,
  'stall-after': 0.025,
  500: 0.04,
  503: 0.04,
  429: 0.04,
};

function page(title, script) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${title}</title>
    <script src="/early.js"></script>
    <script src="/${script}" defer></script>
  </head>
  <body><main></main></body>
</html>
`;
}

/** A small seeded PRNG (mulberry32), so a run's dice can be replayed. */
function dice(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultServer({ scripts, seed = 8 }) {
  const state = { api: api.createState(), faultsOn: false, counts: {}, requests: 0 };
  const roll = dice(seed);
  const stalled = new Set();

  function pickFault() {
    let r = roll();
    for (const [kind, rate] of Object.entries(FAULT_RATES)) {
      if (r < rate) return kind;
      r -= rate;
    }
    return undefined;
  }

  function answer(res, status, body, headers = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(text);
  }

  function stall(res) {
    stalled.add(res);
    res.on('close', () => stalled.delete(res));
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path === '/strict.html' || path === '/plain.html') {
      const strict = path === '/strict.html';
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        ...(strict ? { 'Content-Security-Policy': STRICT_CSP } : {}),
      });
      return res.end(page(strict ? 'Strict CSP' : 'Plain', strict ? 'strict.js' : 'plain.js'));
    }
    const script = scripts[path.slice(1)];
    if (script !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(script);
    }
    if (!path.startsWith('/api/')) return answer(res, 404, { error: 'Not found' });

    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = { __invalidJson: raw };
    }
    state.requests++;
    const fault = state.faultsOn ? pickFault() : undefined;
    if (fault) state.counts[fault] = (state.counts[fault] ?? 0) + 1;
    if (fault === 'reset-before') return req.socket.destroy();
    if (fault === 'stall-before') return stall(res);
    if (fault === '500' || fault === '503') return answer(res, Number(fault), { error: 'Injected failure' });
    if (fault === '429') return answer(res, 429, { error: 'Slow down' }, { 'Retry-After': '0.05' });
    const request = { method: req.method, path, query: url.searchParams, headers: req.headers, body, raw };
    let result;
    try {
      result = api.handle(request, state.api) ?? { status: 404, body: { error: 'Not found' } };
    } catch (error) {
      result = { status: 500, body: { error: String(error) } };
    }
    // The work is done; the answer never arrives whole.
    if (fault === 'stall-after') return stall(res);
    if (fault === 'reset-after') {
      res.writeHead(result.status, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"partial":');
      return setTimeout(() => req.socket.destroy(), 5);
    }
    answer(res, result.status, result.body, result.headers);
  });

  return {
    state,
    async start() {
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${server.address().port}`;
    },
    /** task id → how many results the API stored for it. */
    storedByTask() {
      const counts = {};
      for (const result of state.api.results) counts[result.task_id] = (counts[result.task_id] ?? 0) + 1;
      return counts;
    },
    async stop() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
