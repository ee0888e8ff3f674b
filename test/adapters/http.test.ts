import { expect } from '@open-wc/testing';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { HttpClient, readFieldErrors, retryAfterMs } from '../../src/adapters/http.js';
import { seedServer } from '../helpers/seed-server.js';
import { rejection as failure } from '../helpers/rejection.js';

const server = await seedServer('outcome-types');
const PATH = '/api/v1/outcome-types';


describe('HttpClient', () => {
  beforeEach(() => server.reset());

  it('sends Basic auth with the key as user name and an empty password, UTF-8 safe', async () => {
    const client = new HttpClient({ baseUrl: server.url }, { type: 'basic', username: 'clé_ñ' });
    await client.request({ method: 'GET', path: '/anything' }).catch(() => undefined);
    const [request] = await server.log();
    const encoded = request!.headers['authorization']!.replace('Basic ', '');
    const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).to.equal('clé_ñ:');
  });

  it('sends an API key header, the host’s extra headers, and an Idempotency-Key when given', async () => {
    const client = new HttpClient({ baseUrl: `${server.url}/`, headers: { 'X-Request-Id': 'r1' } }, { type: 'header', name: 'x-api-key', value: 'k-123' });
    await client.request({ method: 'POST', path: '/anything', body: { a: 1 }, idempotencyKey: 'idem-1' }).catch(() => undefined);
    const [request] = await server.log();
    expect(request!.path).to.equal('/anything');
    expect(request!.headers).to.deep.include({ 'x-api-key': 'k-123', 'x-request-id': 'r1', 'idempotency-key': 'idem-1', 'content-type': 'application/json' });
  });

  it('honours Retry-After up to the cap, and fails at once as rate_limited beyond it', async () => {
    const client = new HttpClient({ baseUrl: server.url, retryDelayMs: 1, maxRetryAfterMs: 2000 }, { type: 'bearer', token: 'editor-token' });
    await server.faults({ path: PATH, kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    const started = performance.now();
    await client.request({ method: 'GET', path: PATH });
    expect(performance.now() - started).to.be.at.least(900);

    await server.faults({ path: PATH, kind: 'status', status: 429, headers: { 'Retry-After': '3600' } });
    const error = await failure(client.request({ method: 'GET', path: PATH }));
    expect(error).to.deep.include({ code: 'rate_limited', retryable: true, retryAfterMs: 3_600_000 });
  });

  it('retries writes only when they carry an idempotency key', async () => {
    const client = new HttpClient({ baseUrl: server.url, retryDelayMs: 1 }, { type: 'bearer', token: 'editor-token' });
    await server.faults({ method: 'POST', kind: 'status', status: 503, times: 2 });
    expect((await failure(client.request({ method: 'POST', path: '/x', body: {} }))).code).to.equal('server');
    expect((await server.log()).length).to.equal(1);
    await server.reset();
    await server.faults({ method: 'POST', kind: 'status', status: 503 });
    const answer = await client.request({ method: 'POST', path: '/x', body: {}, idempotencyKey: 'k' }).catch((error: OutcomeAdapterError) => error);
    expect((answer as OutcomeAdapterError).code).to.equal('not_found');
    expect((await server.log()).map((entry) => entry.headers['idempotency-key'])).to.deep.equal(['k', 'k']);
  });

  it('refuses a base URL that is not absolute http(s)', () => {
    expect(() => new HttpClient({ baseUrl: '/relative' }, undefined)).to.throw(/absolute/);
    expect(() => new HttpClient({ baseUrl: 'ftp://example.com' }, undefined)).to.throw(/http/);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryAfterMs('5', now)).to.equal(5000);
    expect(retryAfterMs('Tue, 24 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
  });

  it('reads field errors in every usual shape, renaming wire fields', () => {
    const rename = (wire: string) => ({ outcome_name: 'name' })[wire] ?? wire;
    expect(readFieldErrors({ 'field-errors': { outcome_name: 'too long' } }, rename)).to.deep.equal({ name: 'too long' });
    expect(readFieldErrors({ errors: [{ field: 'key', message: 'taken' }] })).to.deep.equal({ key: 'taken' });
    expect(readFieldErrors({ details: { name: ['required', 'short'] } })).to.deep.equal({ name: 'required short' });
    expect(readFieldErrors('<html>')).to.deep.equal({});
  });

  it('reads field paths given as keys or dotted text, naming the longest prefix the backend maps', () => {
    const names = { outcome_name: 'name', 'destination.destination_id': 'destination', 'task_result.result': 'outcomeKey' };
    expect(readFieldErrors({ details: [{ path: ['outcome_name'], message: 'too long' }] }, names)).to.deep.equal({ name: 'too long' });
    expect(readFieldErrors({ details: [{ path: ['destination', 'destination_id', 0], message: 'unknown list' }] }, names)).to.deep.equal({ destination: 'unknown list' });
    expect(readFieldErrors({ errors: [{ field: 'task_result.result', message: 'not a code' }] }, names)).to.deep.equal({ outcomeKey: 'not a code' });
    // Unmapped paths keep their own spelling, indexes in brackets.
    expect(readFieldErrors({ errors: [{ path: ['rows', 2, 'label'], message: 'empty' }] }, names)).to.deep.equal({ 'rows[2].label': 'empty' });
    expect(readFieldErrors({ errors: [{ field: 'rows[2].label', message: 'empty' }] }, names)).to.deep.equal({ 'rows[2].label': 'empty' });
    expect(readFieldErrors({ errors: [{ path: [0, 'label'], message: 'empty' }] }, names)).to.deep.equal({ '[0].label': 'empty' });
  });
});
