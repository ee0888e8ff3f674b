import { expect } from '@open-wc/testing';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import { GenesysAdapter, type GenesysAdapterOptions } from '../../src/adapters/genesys/genesys-adapter.js';
import { GENESYS_RULES } from '../../src/adapters/rules.js';
import type { OutcomeTypeInput } from '../../src/model/types.js';
import { seedServer, type LoggedRequest } from '../helpers/seed-server.js';
import { rejection } from '../helpers/rejection.js';

// Must match test/servers/genesys-api.mjs (a Node module, so not importable here).
const CLIENT_ID = 'genesys-test-client';
const CLIENT_SECRET = 'genesys-test-secret';
const CODES = '/api/v2/routing/wrapupcodes';
const TOKEN = '/oauth/token';
const SEEDED = 12;
const PAYMENT = '6c1e9b4a-7f8d-4e2a-9b3c-4d6e7f8a9b07';
const LEFT_VOICEMAIL = '5b0d8a3f-6e7c-4d1f-8a2b-3c5d6e7f8a06';

interface WireCode {
  id: string;
  name: string;
  description?: string;
  division: { id: string; name: string };
  [field: string]: unknown;
}

type Server = Awaited<ReturnType<typeof seedServer<{ codes: WireCode[] }>>>;

const followUp: OutcomeTypeInput = { name: 'Follow-up Required', description: 'Needs a second call.' } as OutcomeTypeInput;

/** The platform's ErrorBody, for faults. */
function errorBody(status: number, code: string, message: string, details: unknown[] = []) {
  return { message, code, status, messageParams: {}, contextId: 'ctx-1', details, errors: [] };
}

describe('GenesysAdapter', () => {
  let server: Server;
  let reports: InvalidItemReport[];

  function genesys(options: Partial<GenesysAdapterOptions> = {}) {
    return new GenesysAdapter({
      baseUrl: server.url,
      auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: `${server.url}${TOKEN}` },
      retryDelayMs: 1,
      onInvalidItem: (report) => reports.push(report),
      ...options,
    });
  }

  async function requests(method?: string, path?: string): Promise<LoggedRequest[]> {
    const log = await server.log();
    return log.filter((entry) => (!method || entry.method === method) && (!path || entry.path === path));
  }

  const codes = async () => (await server.state()).codes;

  before(async () => {
    server = await seedServer('genesys');
  });

  beforeEach(async () => {
    reports = [];
    await server.reset();
  });

  describe('capabilities and options', () => {
    it('creates, updates and deletes, records through withRecorder only, with Genesys’s field rules', () => {
      expect(genesys().capabilities).to.deep.equal({
        create: true,
        update: true,
        delete: true,
        record: false,
        role: 'editor',
        fields: GENESYS_RULES.fields,
        crossField: [],
      });
      expect((genesys() as { recordOutcome?: unknown }).recordOutcome).to.equal(undefined);
      expect(genesys({ role: 'viewer' }).capabilities.role).to.equal('viewer');
      expect(genesys().id).to.equal(`genesys:${server.url}`);
    });

    it('needs auth: a token or client credentials, and a tokenUrl without credentials', () => {
      expect(() => genesys({ auth: undefined as never })).to.throw(TypeError, /auth/);
      expect(() => genesys({ auth: { token: '' } })).to.throw(TypeError, /auth/);
      expect(() => genesys({ auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: 'login' } })).to.throw(TypeError, /tokenUrl/);
      const withSecret = `${server.url.replace('//', '//user:hunter2@')}${TOKEN}`;
      let thrown: unknown;
      try {
        genesys({ auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: withSecret } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(TypeError);
      expect((thrown as Error).message).not.to.contain('hunter2');
    });
  });

  describe('client credentials', () => {
    it('asks the token endpoint once (Basic id:secret, form-encoded grant) and keeps the token for later calls', async () => {
      const adapter = genesys();
      await adapter.listOutcomeTypes();
      await adapter.getOutcomeType(PAYMENT);
      const log = await requests();
      expect(log.map((entry) => [entry.method, entry.path])).to.deep.equal([
        ['POST', TOKEN],
        ['GET', CODES],
        ['GET', `${CODES}/${PAYMENT}`],
      ]);
      expect(log[0]!.headers['authorization']).to.equal(`Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`);
      expect(log[0]!.headers['content-type']).to.equal('application/x-www-form-urlencoded');
      expect(log[1]!.headers['authorization']).to.match(/^Bearer \S+$/);
      expect(log[2]!.headers['authorization']).to.equal(log[1]!.headers['authorization']);
    });

    it('renews a token shortly before its expires_in, without first meeting a 401', async () => {
      await server.control('tokens', { lifetimeSeconds: 1 });
      const adapter = genesys();
      await adapter.listOutcomeTypes();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await adapter.listOutcomeTypes();
      expect((await requests()).map((entry) => [entry.method, entry.path])).to.deep.equal([
        ['POST', TOKEN],
        ['GET', CODES],
        ['POST', TOKEN],
        ['GET', CODES],
      ]);
    });

    it('refreshes once on a 401 (tokens expired mid-session): one token request, one retry', async () => {
      const adapter = genesys();
      await adapter.listOutcomeTypes();
      await server.control('tokens/expire', {});
      const before = (await requests()).length;
      expect(await adapter.listOutcomeTypes()).to.have.length(SEEDED);
      const after = (await requests()).slice(before);
      expect(after.map((entry) => [entry.method, entry.path])).to.deep.equal([
        ['GET', CODES],
        ['POST', TOKEN],
        ['GET', CODES],
      ]);
      expect(after[2]!.headers['authorization']).not.to.equal(after[0]!.headers['authorization']);
    });

    it('a token refused again after its refresh fails as unauthorized: no loop', async () => {
      await server.control('tokens', { lifetimeSeconds: 0 });
      const error = await rejection(genesys().listOutcomeTypes());
      expect(error).to.include({ code: 'unauthorized', status: 401, retryable: false });
      expect(error.message).to.contain('Invalid login credentials');
      expect((await requests()).map((entry) => [entry.method, entry.path])).to.deep.equal([
        ['POST', TOKEN],
        ['GET', CODES],
        ['POST', TOKEN],
        ['GET', CODES],
      ]);
    });

    it('a wrong secret or an unknown client is unauthorized naming the grant’s answer, never the secret, and sends no API request', async () => {
      const wrong = await rejection(genesys({ auth: { clientId: CLIENT_ID, clientSecret: 'wrong-secret', tokenUrl: `${server.url}${TOKEN}` } }).listOutcomeTypes());
      expect(wrong).to.include({ code: 'unauthorized', status: 400, retryable: false });
      expect(wrong.message).to.contain('authentication failed').and.not.to.contain('wrong-secret');
      const unknown = await rejection(genesys({ auth: { clientId: 'nobody', clientSecret: 'x', tokenUrl: `${server.url}${TOKEN}` } }).listOutcomeTypes());
      expect(unknown.message).to.contain('client not found');
      expect(await requests('GET')).to.deep.equal([]);
    });

    it('a token endpoint out of reach stays network (retryable), and the call succeeds when a retry reaches it', async () => {
      await server.faults({ kind: 'reset', method: 'POST', path: TOKEN });
      expect(await genesys().listOutcomeTypes()).to.have.length(SEEDED);
      expect(await requests('POST', TOKEN)).to.have.length(2);
      await server.reset();
      // Chromium may itself resend a request whose connection reset: enough resets for every try.
      await server.faults({ kind: 'reset', method: 'POST', path: TOKEN, times: 20 });
      const error = await rejection(genesys().listOutcomeTypes());
      expect(error).to.include({ code: 'network', retryable: true });
      expect(error.message).to.contain(TOKEN);
    });

    it('takes a Bearer token, or a provider of one that is asked again after a 401', async () => {
      const grant = async () => {
        const response = await fetch(`${server.url}${TOKEN}`, {
          method: 'POST',
          headers: { Authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        });
        return ((await response.json()) as { access_token: string }).access_token;
      };
      expect(await genesys({ auth: { token: await grant() } }).listOutcomeTypes()).to.have.length(SEEDED);
      let asked = 0;
      const adapter = genesys({ auth: { token: () => (asked++, grant()) } });
      await adapter.listOutcomeTypes();
      await server.control('tokens/expire', {});
      await adapter.listOutcomeTypes();
      expect(asked).to.equal(2);
    });
  });

  describe('listing (GET /api/v2/routing/wrapupcodes)', () => {
    it('maps a code: id as key, description, dates; division, createdBy, modifiedBy and selfUri to extras', async () => {
      const listed = await genesys().listOutcomeTypes();
      const payment = listed.find((code) => code.id === PAYMENT)!;
      expect(payment).to.deep.include({
        id: PAYMENT,
        key: PAYMENT,
        name: 'Payment Taken',
        description: 'Card or bank payment completed on the call.',
        classification: 'neutral',
        kind: 'disposition',
        ordinal: 99,
        status: 'active',
        createdAt: '2026-03-02T15:21:09.575Z',
        updatedAt: '2026-03-02T15:21:09.575Z',
      });
      expect(payment.extras['division']).to.deep.include({ id: '4f0c7e9a-2d8b-4c51-9a36-0b1f5e6d7c21', name: 'Home' });
      expect(payment.extras).to.have.keys('division', 'createdBy', 'modifiedBy', 'selfUri');
      expect(listed.find((code) => code.id === LEFT_VOICEMAIL)!.description).to.equal('');
      expect(listed.map((code) => code.name)).to.deep.equal([...listed.map((code) => code.name)].sort((a, b) => a.localeCompare(b)));
    });

    it('asks for 500 per page by default; pageSize is kept within 1–500', async () => {
      await genesys().listOutcomeTypes();
      await genesys({ pageSize: 10_000 }).listOutcomeTypes();
      await genesys({ pageSize: 0 }).listOutcomeTypes();
      const sizes = (await requests('GET', CODES)).map((entry) => entry.query['pageSize']);
      expect(sizes.slice(0, 2)).to.deep.equal(['500', '500']);
      expect(sizes.slice(2).every((size) => size === '1')).to.be.true;
    });

    it('reads 10,000 codes over 20 pages, each page once, every code once and in order', async () => {
      await server.control('seed', { count: 10_000 });
      const listed = await genesys().listOutcomeTypes();
      expect(listed).to.have.length(10_000);
      expect(new Set(listed.map((code) => code.id)).size).to.equal(10_000);
      expect(listed[0]!.name).to.equal('Wrap-up code 00001');
      expect(listed[9_999]!.name).to.equal('Wrap-up code 10000');
      const numbers = (await requests('GET', CODES)).map((entry) => Number(entry.query['pageNumber']));
      for (let page = 1; page <= 20; page++) expect(numbers.filter((each) => each === page), `page ${page}`).to.have.length(1);
      // The first page says there are 20: none beyond them is asked for.
      expect(numbers, 'requests').to.have.length(20);
      expect(reports).to.deep.equal([]);
    });

    it('pages by pageNumber until pageNumber >= pageCount', async () => {
      const listed = await genesys({ pageSize: 5 }).listOutcomeTypes();
      expect(listed).to.have.length(SEEDED);
      const numbers = (await requests('GET', CODES)).map((entry) => Number(entry.query['pageNumber']));
      expect([...new Set(numbers)].filter((number) => number <= 3).sort()).to.deep.equal([1, 2, 3]);
    });

    it('fails as bad_response naming the page and the path when one page is malformed', async () => {
      await server.faults({ kind: 'status', method: 'GET', path: CODES, query: { pageNumber: '2' }, status: 200, body: { entities: 'nope', pageNumber: 2, pageCount: 3 } });
      const error = await rejection(genesys({ pageSize: 5 }).listOutcomeTypes());
      expect(error).to.include({ code: 'bad_response', retryable: false });
      expect(error.message).to.contain('pageNumber=2').and.to.contain('$.entities');
      await server.faults({ kind: 'status', method: 'GET', path: CODES, status: 200, body: { entities: [], pageNumber: 1 } });
      expect((await rejection(genesys().listOutcomeTypes())).message).to.contain('$.pageCount');
    });

    it('stops at an empty page that still announces more, rather than page forever', async () => {
      await server.faults({ kind: 'status', method: 'GET', path: CODES, query: { pageNumber: '2' }, status: 200, body: { entities: [], pageNumber: 2, pageCount: 9 } });
      const error = await rejection(genesys({ pageSize: 5 }).listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('pageNumber=2').and.to.contain('empty');
    });

    it('leaves a malformed code out and reports it, keeping the others', async () => {
      const entities = (await codes()).slice(0, 3);
      await server.faults({ kind: 'status', method: 'GET', path: CODES, status: 200, body: { entities: [...entities, { id: 'x', name: '' }], pageNumber: 1, pageCount: 1 } });
      expect(await genesys().listOutcomeTypes()).to.have.length(3);
      expect(reports).to.have.length(1);
      expect(reports[0]!.source).to.contain('pageNumber=1');
      expect(reports[0]!.message).to.contain('name');
    });

    it('fails as bad_response, without retrying, when the body is not JSON', async () => {
      await genesys().getOutcomeType(PAYMENT);
      await server.faults({ kind: 'raw', method: 'GET', path: CODES, status: 200, body: '<html>maintenance</html>' });
      const error = await rejection(genesys().listOutcomeTypes());
      expect(error).to.include({ code: 'bad_response', retryable: false });
    });
  });

  describe('one code (GET /api/v2/routing/wrapupcodes/{id})', () => {
    it('fetches and maps one code', async () => {
      const code = await genesys().getOutcomeType(PAYMENT);
      expect(code).to.deep.include({ id: PAYMENT, name: 'Payment Taken' });
    });

    it('is not_found (404) for an unknown id, with the platform’s message; ids are one encoded segment', async () => {
      const error = await rejection(genesys().getOutcomeType('no-such-code'));
      expect(error).to.include({ code: 'not_found', status: 404, retryable: false });
      expect(error.message).to.contain('no-such-code');
      const hostile = await rejection(genesys().getOutcomeType('a/b?c#d'));
      expect(hostile.code).to.equal('not_found');
      expect((await requests('GET')).at(-1)!.path).to.equal(`${CODES}/a%2Fb%3Fc%23d`);
    });
  });

  describe('creating (POST)', () => {
    it('sends name and description as JSON, and stores the code once in all divisions', async () => {
      const created = await genesys().createOutcomeType({ ...followUp, name: '  Follow-up Required  ' });
      expect(created).to.deep.include({ name: 'Follow-up Required', description: 'Needs a second call.', key: created.id });
      expect(created.extras['division']).to.deep.include({ id: '*' });
      const [post, ...more] = await requests('POST', CODES);
      expect(more).to.deep.equal([]);
      expect(post!.body).to.deep.equal({ name: 'Follow-up Required', description: 'Needs a second call.' });
      expect(post!.headers['content-type']).to.equal('application/json');
      expect((await codes()).filter((code) => code.name === 'Follow-up Required')).to.have.length(1);
    });

    it('sends no description key for an empty one', async () => {
      await genesys().createOutcomeType({ name: 'Plain' } as OutcomeTypeInput);
      expect((await requests('POST', CODES))[0]!.body).to.deep.equal({ name: 'Plain' });
    });

    it('never sends invalid input: a blank name, a name over 255 or a description over 1000 characters', async () => {
      for (const [input, field] of [
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(256) }, 'name'],
        [{ name: 'Long', description: 'd'.repeat(1001) }, 'description'],
      ] as const) {
        const error = await rejection(genesys().createOutcomeType(input as OutcomeTypeInput));
        expect(error.code).to.equal('validation');
        expect(error.fieldErrors).to.have.property(field);
      }
      expect(await requests('POST', CODES)).to.deep.equal([]);
    });

    it('a name taken in another case is validation on name (409 general.conflict), nothing stored', async () => {
      const error = await rejection(genesys().createOutcomeType({ name: 'payment TAKEN' } as OutcomeTypeInput));
      expect(error).to.include({ code: 'validation', status: 409, retryable: false });
      expect(error.fieldErrors['name']).to.contain('already used');
      expect(error.message).to.contain('Payment Taken');
      expect(await codes()).to.have.length(SEEDED);
    });

    it('400 details[].fieldName reach fieldErrors, worded from their errorCode', async () => {
      await server.faults({
        kind: 'status',
        method: 'POST',
        path: CODES,
        status: 400,
        body: errorBody(400, 'bad.request', 'The wrap-up code name is too long. The division does not exist.', [
          { errorCode: 'field.too.long', fieldName: 'name' },
          { errorCode: 'division.not.found', fieldName: 'division' },
        ]),
      });
      const error = await rejection(genesys().createOutcomeType(followUp));
      expect(error).to.include({ code: 'validation', status: 400 });
      expect(error.message).to.equal('The wrap-up code name is too long. The division does not exist.');
      expect(error.fieldErrors).to.deep.equal({ name: 'is too long', division: 'names a division that does not exist' });
    });

    it('a create whose answer was lost is looked up by name and answered once, never stored twice', async () => {
      await server.faults({ kind: 'lose-answer', method: 'POST', path: CODES });
      const created = await genesys().createOutcomeType(followUp);
      expect(created.name).to.equal('Follow-up Required');
      expect((await codes()).filter((code) => code.name === 'Follow-up Required')).to.have.length(1);
      expect(await requests('POST', CODES)).to.have.length(1);
      const lookups = (await requests('GET', CODES)).filter((entry) => entry.query['name'] !== undefined);
      expect(lookups.map((entry) => entry.query['name'])).to.deep.equal(['Follow-up Required']);
    });

    it('a create that failed unstored (500) is sent again after the lookup finds nothing', async () => {
      await server.faults({ kind: 'status', method: 'POST', path: CODES, status: 500, body: errorBody(500, 'internal.server.error', 'boom') });
      await genesys().createOutcomeType(followUp);
      expect(await requests('POST', CODES)).to.have.length(2);
      expect((await codes()).filter((code) => code.name === 'Follow-up Required')).to.have.length(1);
    });

    it('a 429 create waits Retry-After and is sent again without a lookup', async () => {
      await server.faults({
        kind: 'status',
        method: 'POST',
        path: CODES,
        status: 429,
        headers: { 'Retry-After': '1' },
        body: errorBody(429, 'too.many.requests', 'Rate limit exceeded the maximum. Retry the request in [1] seconds'),
      });
      await genesys().createOutcomeType(followUp);
      expect(await requests('POST', CODES)).to.have.length(2);
      expect((await requests('GET', CODES)).filter((entry) => entry.query['name'] !== undefined)).to.deep.equal([]);
    });

    it('after a lost answer, a code found by name holding something else is the name taken, not this create', async () => {
      await server.faults({ kind: 'status', method: 'POST', path: CODES, status: 503, body: errorBody(503, 'service.unavailable', 'down') });
      const error = await rejection(genesys().createOutcomeType({ name: 'Payment Taken', description: 'Another one' } as OutcomeTypeInput));
      expect(error).to.include({ code: 'validation', retryable: false });
      expect(error.fieldErrors['name']).to.contain('already used');
      expect(await requests('POST', CODES)).to.have.length(1);
    });

    it('hostile names are sent and read back as written; a lookup of a name with * matches it exactly', async () => {
      const hostile = `<img src=x onerror=alert(1)>"' \\ & = ? # % 🎉 ../..`;
      const created = await genesys().createOutcomeType({ name: hostile } as OutcomeTypeInput);
      expect(created.name).to.equal(hostile);
      expect((await genesys().listOutcomeTypes()).find((code) => code.id === created.id)!.name).to.equal(hostile);
      await server.faults({ kind: 'lose-answer', method: 'POST', path: CODES });
      // `Sale*` matches "Sale Completed" in the platform's filter: only the exact name is this create.
      const starred = await genesys().createOutcomeType({ name: 'Sale*' } as OutcomeTypeInput);
      expect(starred.name).to.equal('Sale*');
      expect((await codes()).filter((code) => code.name.startsWith('Sale'))).to.have.length(2);
    });
  });

  describe('updating (PUT)', () => {
    it('re-reads the code and sends the whole code: a rename keeps the description', async () => {
      const updated = await genesys().updateOutcomeType(PAYMENT, { name: 'Payment Received' });
      expect(updated).to.deep.include({ id: PAYMENT, name: 'Payment Received', description: 'Card or bank payment completed on the call.' });
      const log = await requests();
      expect(log.filter((entry) => entry.path.startsWith(`${CODES}/`)).map((entry) => entry.method)).to.deep.equal(['GET', 'PUT']);
      expect(log.find((entry) => entry.method === 'PUT')!.body).to.deep.equal({ name: 'Payment Received', description: 'Card or bank payment completed on the call.' });
      const stored = (await codes()).find((code) => code.id === PAYMENT)!;
      expect(stored.division.name).to.equal('Home');
    });

    it('clears a description, renames to its own name in another case, and sends nothing when nothing changes', async () => {
      expect((await genesys().updateOutcomeType(PAYMENT, { description: '' })).description).to.equal('');
      expect((await genesys().updateOutcomeType(PAYMENT, { name: 'PAYMENT TAKEN' })).name).to.equal('PAYMENT TAKEN');
      await genesys().updateOutcomeType(PAYMENT, { name: 'PAYMENT TAKEN' });
      expect(await requests('PUT')).to.have.length(2);
    });

    it('a name taken by another code is validation on name; an unknown id is not_found with no PUT', async () => {
      const taken = await rejection(genesys().updateOutcomeType(PAYMENT, { name: 'wrong number' }));
      expect(taken).to.include({ code: 'validation', status: 409 });
      expect(taken.fieldErrors['name']).to.contain('already used');
      const missing = await rejection(genesys().updateOutcomeType('no-such-code', { name: 'X' }));
      expect(missing.code).to.equal('not_found');
      expect((await requests('PUT')).filter((entry) => entry.path.endsWith('no-such-code'))).to.deep.equal([]);
    });

    it('is conflict, carrying the current version, when the code changed since the caller read it', async () => {
      const read = await genesys().getOutcomeType(PAYMENT);
      await genesys().updateOutcomeType(PAYMENT, { description: 'Changed elsewhere' });
      const error = await rejection(genesys().updateOutcomeType(PAYMENT, { name: 'Mine' }, { expected: read }));
      expect(error.code).to.equal('conflict');
      expect(error.current?.description).to.equal('Changed elsewhere');
      expect((await codes()).find((code) => code.id === PAYMENT)!.name).to.equal('Payment Taken');
    });

    it('retries a PUT that failed with 503, storing the change once', async () => {
      await server.faults({ kind: 'status', method: 'PUT', status: 503, body: errorBody(503, 'service.unavailable', 'down') });
      await genesys().updateOutcomeType(PAYMENT, { name: 'Payment Received' });
      expect(await requests('PUT')).to.have.length(2);
    });
  });

  describe('deleting (DELETE)', () => {
    it('deletes the code (204, no body)', async () => {
      await genesys().deleteOutcomeType(PAYMENT);
      expect((await codes()).map((code) => code.id)).not.to.include(PAYMENT);
    });

    it('is not_found for an unknown id; a retry after a lost answer that finds 404 counts as done', async () => {
      expect((await rejection(genesys().deleteOutcomeType('no-such-code'))).code).to.equal('not_found');
      await server.faults({ kind: 'lose-answer', method: 'DELETE' });
      await genesys().deleteOutcomeType(PAYMENT);
      expect(await requests('DELETE')).to.have.length(3);
      expect(await codes()).to.have.length(SEEDED - 1);
    });
  });

  describe('the viewer role', () => {
    it('reads, but refuses every write before sending it', async () => {
      const viewer = genesys({ role: 'viewer' });
      expect(await viewer.listOutcomeTypes()).to.have.length(SEEDED);
      for (const write of [viewer.createOutcomeType(followUp), viewer.updateOutcomeType(PAYMENT, { name: 'X' }), viewer.deleteOutcomeType(PAYMENT)]) {
        expect((await rejection(write)).code).to.equal('forbidden');
      }
      expect((await requests()).filter((entry) => entry.method !== 'GET' && entry.path !== TOKEN)).to.deep.equal([]);
    });
  });

  describe('faults on reads', () => {
    it('retries a reset connection and succeeds', async () => {
      await server.faults({ kind: 'reset', method: 'GET', path: CODES });
      expect(await genesys().listOutcomeTypes()).to.have.length(SEEDED);
    });

    it('is network when the connection resets on every attempt', async () => {
      await server.faults({ kind: 'reset', method: 'GET', path: CODES, times: 20 });
      const error = await rejection(genesys().listOutcomeTypes());
      expect(error).to.include({ code: 'network', retryable: true });
      // Three attempts (retries: 2); Chromium itself may resend once per attempt.
      expect((await requests('GET', CODES)).length).to.be.within(3, 6);
    });

    it('times out on a stalled answer, and succeeds when a retry is answered', async () => {
      await server.faults({ kind: 'stall', method: 'GET', path: CODES });
      expect(await genesys({ timeoutMs: 300 }).listOutcomeTypes()).to.have.length(SEEDED);
      await server.faults({ kind: 'stall', method: 'GET', path: CODES, times: 3 });
      expect((await rejection(genesys({ timeoutMs: 300 }).listOutcomeTypes())).code).to.equal('timeout');
    });

    it('honours Retry-After on 429 and succeeds; one asking for longer than the cap is rate_limited at once', async () => {
      const tooMany = (seconds: number) => ({
        kind: 'status' as const,
        method: 'GET',
        path: CODES,
        status: 429,
        headers: { 'Retry-After': String(seconds) },
        body: errorBody(429, 'too.many.requests', `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`),
      });
      await server.faults(tooMany(1));
      expect(await genesys().listOutcomeTypes()).to.have.length(SEEDED);
      await server.faults(tooMany(120));
      const error = await rejection(genesys().listOutcomeTypes());
      expect(error).to.include({ code: 'rate_limited', status: 429, retryAfterMs: 120_000 });
      expect(error.message).to.contain('Rate limit exceeded');
    });

    it('is server when a GET keeps failing with 500, and aborted when the caller aborts', async () => {
      await server.faults({ kind: 'status', method: 'GET', path: CODES, times: 3, status: 500, body: errorBody(500, 'internal.server.error', 'boom') });
      expect((await rejection(genesys().listOutcomeTypes())).code).to.equal('server');
      const controller = new AbortController();
      controller.abort();
      expect((await rejection(genesys().listOutcomeTypes({ signal: controller.signal }))).code).to.equal('aborted');
    });
  });
});
