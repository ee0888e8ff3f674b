import { expect } from '@open-wc/testing';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import {
  OutcomeTypesApiAdapter,
  type OutcomeTypesApiAdapterOptions,
} from '../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import type { OutcomeTypeInput } from '../../src/model/types.js';
import { seedServer } from '../helpers/seed-server.js';
import { rejection as failure } from '../helpers/rejection.js';

interface ServerState {
  types: { id: string; key: string; name: string; isSystem: boolean; status: string; ordinal: number }[];
}

const server = await seedServer<ServerState>('outcome-types');
const PATH = '/api/v1/outcome-types';

function make(options: Partial<OutcomeTypesApiAdapterOptions> = {}) {
  const reports: InvalidItemReport[] = [];
  const adapter = new OutcomeTypesApiAdapter({
    baseUrl: server.url,
    token: 'editor-token',
    retryDelayMs: 1,
    onInvalidItem: (report) => reports.push(report),
    ...options,
  });
  return { adapter, reports };
}


const purchased: OutcomeTypeInput = {
  key: 'purchased', name: 'Purchased', description: '', classification: 'positive', category: 'response',
  kind: 'disposition', ordinal: 10, status: 'active', requiresFutureScheduledAt: false,
};

async function writes() {
  return (await server.log()).filter((entry) => entry.method !== 'GET');
}

describe('OutcomeTypesApiAdapter', () => {
  beforeEach(() => server.reset());

  describe('GET /api/v1/outcome-types', () => {
    it('lists the auto-seeded system defaults in ordinal order, with Bearer auth', async () => {
      const { adapter } = make();
      const types = await adapter.listOutcomeTypes();
      expect(types.map((type) => type.key)).to.deep.equal([
        'impression', 'click', 'dismiss', 'accept', 'convert', 'not_presented', 'requested_info', 'not_interested', 'expired', 'deferred',
      ]);
      expect(types[1]).to.deep.include({ id: 'ot_002', name: 'Click', classification: 'positive', category: 'response', isSystem: true, ordinal: 1, status: 'active' });
      expect(types[1]!.extras).to.deep.equal({ tenantId: 't_001' });
      const [request] = await server.log();
      expect(request!.headers['authorization']).to.equal('Bearer editor-token');
      expect(request!.headers['accept']).to.equal('application/json');
    });

    it('maps 401 to unauthorized, without echoing the token', async () => {
      const { adapter } = make({ token: 'wrong-token' });
      const error = await failure(adapter.listOutcomeTypes());
      expect(error).to.deep.include({ code: 'unauthorized', status: 401, retryable: false });
      expect(error.message).not.to.contain('wrong-token');
    });

    it('leaves out a malformed item and reports it, keeping the rest', async () => {
      const { adapter, reports } = make();
      await server.faults({
        method: 'GET', path: PATH, kind: 'status', status: 200,
        body: [
          { id: 'ot_1', key: 'ok', name: 'Fine', classification: 'positive', category: 'response', isSystem: false, ordinal: 1, status: 'active' },
          { id: 'ot_2', key: 'bad', name: 'Broken', classification: 'wonderful', category: 'response', isSystem: false, ordinal: 2, status: 'active' },
        ],
      });
      const types = await adapter.listOutcomeTypes();
      expect(types.map((type) => type.key)).to.deep.equal(['ok']);
      expect(reports).to.have.length(1);
      expect(reports[0]!.message).to.match(/\$\[1\]\.classification/);
      expect(reports[0]!.source).to.equal('GET /api/v1/outcome-types');
    });

    it('fails with bad_response naming the path when the envelope is wrong or not JSON', async () => {
      const { adapter } = make();
      await server.faults({ method: 'GET', path: PATH, kind: 'status', status: 200, body: { outcomeTypes: [] } });
      const wrongShape = await failure(adapter.listOutcomeTypes());
      expect(wrongShape.code).to.equal('bad_response');
      expect(wrongShape.message).to.contain('$');
      await server.faults({ method: 'GET', path: PATH, kind: 'raw', body: '<html>Gateway</html>' });
      expect((await failure(adapter.listOutcomeTypes())).code).to.equal('bad_response');
    });

    it('retries a GET after a reset, a 500, a 503 and a 429 with Retry-After, then succeeds', async () => {
      const { adapter } = make({ retries: 4 });
      await server.faults(
        { method: 'GET', path: PATH, kind: 'reset' },
        { method: 'GET', path: PATH, kind: 'status', status: 500, body: { error: 'boom' } },
        { method: 'GET', path: PATH, kind: 'status', status: 503, body: { error: 'busy' } },
        { method: 'GET', path: PATH, kind: 'status', status: 429, body: { error: 'slow down' }, headers: { 'Retry-After': '0' } },
      );
      expect(await adapter.listOutcomeTypes()).to.have.length(10);
      expect((await server.log()).filter((entry) => entry.method === 'GET')).to.have.length(5);
    });

    it('gives up after `retries` and says why', async () => {
      const { adapter } = make({ retries: 1 });
      await server.faults({ method: 'GET', path: PATH, kind: 'status', status: 503, times: 2, body: { message: 'Maintenance' } });
      const error = await failure(adapter.listOutcomeTypes());
      expect(error).to.deep.include({ code: 'server', status: 503, retryable: true, message: 'Maintenance' });
    });

    it('times out a stalled answer, per attempt', async () => {
      const { adapter } = make({ retries: 0, timeoutMs: 150 });
      await server.faults({ method: 'GET', path: PATH, kind: 'stall' });
      const error = await failure(adapter.listOutcomeTypes());
      expect(error).to.deep.include({ code: 'timeout', retryable: true });
    });

    it('stops at once when the caller aborts, also while waiting to retry', async () => {
      const { adapter } = make({ retryDelayMs: 5000 });
      await server.faults({ method: 'GET', path: PATH, kind: 'status', status: 503 });
      const controller = new AbortController();
      const pending = adapter.listOutcomeTypes({ signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      expect((await failure(pending)).code).to.equal('aborted');
    });

    it('never follows a redirect with the credentials', async () => {
      const { adapter } = make({ retries: 0 });
      await server.faults({ method: 'GET', path: PATH, kind: 'redirect', location: `${server.url}/elsewhere` });
      expect((await failure(adapter.listOutcomeTypes())).code).to.equal('network');
      expect((await server.log()).map((entry) => entry.path)).to.deep.equal([PATH]);
    });
  });

  describe('POST /api/v1/outcome-types', () => {
    it('creates a custom type: 201 with isSystem false, sending only the documented fields as JSON', async () => {
      const { adapter } = make();
      const created = await adapter.createOutcomeType({ ...purchased, requiresFutureScheduledAt: true, kind: 'action' });
      expect(created).to.deep.include({ key: 'purchased', name: 'Purchased', classification: 'positive', ordinal: 10, isSystem: false });
      const [post] = await writes();
      expect(post!.headers['content-type']).to.equal('application/json');
      expect(post!.body).to.deep.equal({ key: 'purchased', name: 'Purchased', description: '', classification: 'positive', category: 'response', ordinal: 10, status: 'active' });
      expect((await server.state()).types.filter((type) => type.key === 'purchased')).to.have.length(1);
    });

    it('checks key and name (1–255), enums and ordinal >= 0 before sending', async () => {
      const { adapter } = make();
      for (const input of [
        { ...purchased, key: '' },
        { ...purchased, name: 'n'.repeat(256) },
        { ...purchased, key: 'k'.repeat(256) },
        { ...purchased, ordinal: -1 },
        { ...purchased, classification: 'great' as never },
        { ...purchased, category: 'other' as never },
        { ...purchased, status: 'deleted' as never },
      ]) {
        const error = await failure(adapter.createOutcomeType(input));
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.have.length(1);
      }
      expect(await writes()).to.deep.equal([]);
    });

    it('refuses a duplicate key before sending when it knows the list, and maps the server’s 400 when it does not', async () => {
      const { adapter } = make();
      await adapter.listOutcomeTypes();
      const local = await failure(adapter.createOutcomeType({ ...purchased, key: 'click' }));
      expect(local.fieldErrors).to.have.property('key');
      expect(await writes()).to.deep.equal([]);
      const fresh = make().adapter;
      const remote = await failure(fresh.createOutcomeType({ ...purchased, key: 'click' }));
      expect(remote).to.deep.include({ code: 'validation', status: 400 });
      expect(remote.fieldErrors['key']).to.equal('key already exists');
    });

    it('maps 400 with field errors, and 415 for a body that is not JSON', async () => {
      const { adapter } = make();
      await server.faults({ method: 'POST', path: PATH, kind: 'status', status: 400, body: { error: 'Validation error', fieldErrors: { name: 'name is required' } } });
      const invalid = await failure(adapter.createOutcomeType(purchased));
      expect(invalid.fieldErrors).to.deep.equal({ name: 'name is required' });
      await server.faults({ method: 'POST', path: PATH, kind: 'status', status: 415, body: { error: 'Content-Type is not application/json' } });
      expect((await failure(adapter.createOutcomeType(purchased))).code).to.equal('unsupported_media_type');
      const direct = await fetch(server.url + PATH, { method: 'POST', headers: { Authorization: 'Bearer editor-token', 'Content-Type': 'text/plain' }, body: '{}' });
      expect(direct.status).to.equal(415);
    });

    it('without an idempotency key, does not repeat a create whose answer was lost', async () => {
      const { adapter } = make();
      await server.faults({ method: 'POST', path: PATH, kind: 'lose-answer' });
      const error = await failure(adapter.createOutcomeType(purchased));
      expect(error.code).to.equal('network');
      expect((await writes())).to.have.length(1);
      expect((await server.state()).types.filter((type) => type.key === 'purchased')).to.have.length(1);
    });

    it('with an idempotency key, sends it and retries a create whose answer was lost: the type it made is the answer, stored once', async () => {
      const { adapter } = make();
      await server.faults({ method: 'POST', path: PATH, kind: 'lose-answer' });
      const created = await adapter.createOutcomeType(purchased, { idempotencyKey: 'form-1' });
      const posts = await writes();
      expect(posts.map((entry) => entry.headers['idempotency-key'])).to.deep.equal(['form-1', 'form-1']);
      const stored = (await server.state()).types.filter((type) => type.key === 'purchased');
      expect(stored).to.have.length(1);
      expect(created).to.deep.include({ id: stored[0]!.id, key: 'purchased', name: 'Purchased', isSystem: false });
    });

    it('with an idempotency key, a create repeated after its answer was lost finds the type it made', async () => {
      const { adapter } = make({ retries: 0 });
      await server.faults({ method: 'POST', path: PATH, kind: 'lose-answer' });
      expect((await failure(adapter.createOutcomeType(purchased, { idempotencyKey: 'form-1' }))).code).to.equal('network');
      const again = await adapter.createOutcomeType(purchased, { idempotencyKey: 'form-1' });
      const stored = (await server.state()).types.filter((type) => type.key === 'purchased');
      expect(stored).to.have.length(1);
      expect(again.id).to.equal(stored[0]!.id);
    });

    it('with an idempotency key, a key taken by a different type is still refused on the key field', async () => {
      const { adapter } = make();
      await make().adapter.createOutcomeType({ ...purchased, name: 'Bought' });
      const error = await failure(adapter.createOutcomeType(purchased, { idempotencyKey: 'form-1' }));
      expect(error).to.deep.include({ code: 'validation', status: 400 });
      expect(error.fieldErrors['key']).to.equal('key already exists');
      expect((await server.state()).types.filter((type) => type.key === 'purchased')).to.have.length(1);
    });

    it('sends the caller’s idempotency key with PUT and DELETE too', async () => {
      const { adapter } = make();
      const created = await adapter.createOutcomeType(purchased);
      await adapter.updateOutcomeType(created.id, { name: 'Bought' }, { idempotencyKey: 'put-1' });
      await adapter.deleteOutcomeType(created.id, { idempotencyKey: 'delete-1' });
      const keys = (await writes()).map((entry) => [entry.method, entry.headers['idempotency-key']]);
      expect(keys).to.deep.equal([['POST', undefined], ['PUT', 'put-1'], ['DELETE', 'delete-1']]);
    });

    it('refuses every write for a viewer without sending, and maps the server’s 403', async () => {
      const viewer = make({ role: 'viewer', token: 'viewer-token' }).adapter;
      expect((await failure(viewer.createOutcomeType(purchased))).code).to.equal('forbidden');
      expect(await writes()).to.deep.equal([]);
      const lying = make({ role: 'editor', token: 'viewer-token' }).adapter;
      expect(await failure(lying.createOutcomeType(purchased))).to.deep.include({ code: 'forbidden', status: 403 });
    });
  });

  describe('PUT /api/v1/outcome-types', () => {
    it('sends the id and only the changed fields', async () => {
      const { adapter } = make();
      const created = await adapter.createOutcomeType(purchased);
      const updated = await adapter.updateOutcomeType(created.id, { name: 'Bought', key: 'purchased', status: 'paused' });
      expect(updated).to.deep.include({ name: 'Bought', status: 'paused' });
      const put = (await writes()).find((entry) => entry.method === 'PUT')!;
      expect(put.body).to.deep.equal({ id: created.id, name: 'Bought', status: 'paused' });
    });

    it('locks key, classification, category and status of system types before sending', async () => {
      const { adapter } = make();
      const [, click] = await adapter.listOutcomeTypes();
      for (const changes of [{ key: 'clicked' }, { classification: 'negative' as const }, { category: 'impression' as const }, { status: 'archived' as const }]) {
        const error = await failure(adapter.updateOutcomeType(click!.id, changes));
        expect(error.code).to.equal('validation');
        expect(error.fieldErrors[Object.keys(changes)[0]!]).to.contain('locked');
      }
      expect(await writes()).to.deep.equal([]);
      const renamed = await adapter.updateOutcomeType(click!.id, { name: 'Clicked', description: 'd', ordinal: 20 });
      expect(renamed).to.deep.include({ name: 'Clicked', ordinal: 20, key: 'click' });
    });

    it('maps the server’s lock and 404 answers', async () => {
      const { adapter } = make();
      await adapter.listOutcomeTypes();
      await server.reset();
      await server.faults({ method: 'PUT', path: PATH, kind: 'status', status: 404, body: { error: 'Outcome type not found' } });
      const [first] = await make().adapter.listOutcomeTypes();
      const error = await failure(adapter.updateOutcomeType(first!.id, { name: 'X' }));
      expect(error).to.deep.include({ code: 'not_found', status: 404 });
      expect((await failure(adapter.updateOutcomeType('ot_999', { name: 'X' }))).code).to.equal('not_found');
    });
  });

  describe('DELETE /api/v1/outcome-types?id=', () => {
    it('deletes a custom type (204, empty body)', async () => {
      const { adapter } = make();
      const created = await adapter.createOutcomeType(purchased);
      await adapter.deleteOutcomeType(created.id);
      const del = (await writes()).find((entry) => entry.method === 'DELETE')!;
      expect(del.query).to.deep.equal({ id: created.id });
      expect((await server.state()).types.some((type) => type.id === created.id)).to.be.false;
    });

    it('refuses to delete a system type before sending, and maps the server’s 403, 404 and 400', async () => {
      const { adapter } = make();
      const [impression] = await adapter.listOutcomeTypes();
      expect((await failure(adapter.deleteOutcomeType(impression!.id))).code).to.equal('forbidden');
      expect(await writes()).to.deep.equal([]);
      const unaware = make().adapter;
      expect(await failure(unaware.deleteOutcomeType(impression!.id))).to.deep.include({ code: 'forbidden', status: 403 });
      expect(await failure(unaware.deleteOutcomeType('ot_999'))).to.deep.include({ code: 'not_found', status: 404 });
      const missingId = await fetch(`${server.url}${PATH}`, { method: 'DELETE', headers: { Authorization: 'Bearer editor-token' } });
      expect(missingId.status).to.equal(400);
    });

    it('treats a retried DELETE that finds the type gone as done', async () => {
      const { adapter } = make();
      const created = await adapter.createOutcomeType(purchased);
      await server.faults({ method: 'DELETE', path: PATH, kind: 'lose-answer' });
      await adapter.deleteOutcomeType(created.id);
      expect((await writes()).filter((entry) => entry.method === 'DELETE')).to.have.length(2);
      expect((await server.state()).types.some((type) => type.id === created.id)).to.be.false;
    });
  });
});
