// The HTTP adapters as a Node user gets them (the built package, by name, Node's own fetch),
// against the same test servers the browser tests use, started here on 127.0.0.1.
// Run after `npm run build`: node --test test/node/
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import createCloseServer from '../servers/close-server.mjs';
import createGenesysServer from '../servers/genesys-server.mjs';
import createOutcomeTypesServer from '../servers/outcome-types-server.mjs';

const { CloseAdapter, GenesysAdapter, OutcomeTypesApiAdapter, OutcomeAdapterError } = await import('outcome-elements/adapters');

const servers = { close: createCloseServer(), outcomeTypes: createOutcomeTypesServer(), genesys: createGenesysServer() };
const urls = {};

const control = async (url, path, body) =>
  (await fetch(`${url}/__control/${path}`, { method: body === undefined && path !== 'reset' ? 'GET' : 'POST', body: body && JSON.stringify(body) })).json();

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OutcomeAdapterError, String(error));
    return error;
  }
  assert.fail('expected the call to fail');
}

before(async () => {
  urls.close = await servers.close.start();
  urls.outcomeTypes = await servers.outcomeTypes.start();
  urls.genesys = await servers.genesys.start();
});
after(() => Promise.all(Object.values(servers).map((server) => server.stop())));
beforeEach(() => Promise.all(Object.values(urls).map((url) => control(url, 'reset'))));

describe('HTTP adapters in Node', () => {
  test('a token provider is asked again once after a 401, and the request retried once', async () => {
    const handed = ['expired-token', 'editor-token'];
    let asked = 0;
    const adapter = new OutcomeTypesApiAdapter({ baseUrl: urls.outcomeTypes, token: async () => handed[asked++] });
    assert.equal((await adapter.listOutcomeTypes()).length, 10);
    assert.equal(asked, 2);
    const log = await control(urls.outcomeTypes, 'log');
    assert.deepEqual(log.map((entry) => entry.headers.authorization), ['Bearer expired-token', 'Bearer editor-token']);
  });

  test('ids that would move the request target, credentials in the base URL and auth headers are refused', async () => {
    const adapter = new CloseAdapter({ baseUrl: urls.close, apiKey: 'api_close_test_key' });
    for (const id of ['', '.', '..']) assert.equal((await rejection(adapter.deleteOutcomeType(id))).code, 'validation');
    assert.deepEqual(await control(urls.close, 'log'), []);
    const withSecret = urls.close.replace('//', '//admin:hunter2@');
    assert.throws(() => new CloseAdapter({ baseUrl: withSecret, apiKey: 'k' }), (error) => error instanceof TypeError && !error.message.includes('hunter2'));
    assert.throws(() => new CloseAdapter({ baseUrl: urls.close, apiKey: 'k', headers: { Authorization: 'Basic x' } }), TypeError);
  });

  test('Close: twelve pages of one, 8 in flight after the first, every outcome once', async () => {
    const adapter = new CloseAdapter({ baseUrl: urls.close, apiKey: 'api_close_test_key', pageSize: 1 });
    for (let index = 0; index < 5; index++) await adapter.createOutcomeType({ name: `Added ${index}` });
    const listed = await adapter.listOutcomeTypes();
    assert.equal(listed.length, 12);
    assert.equal(new Set(listed.map((outcome) => outcome.id)).size, 12);
    const skips = (await control(urls.close, 'log')).filter((entry) => entry.method === 'GET').map((entry) => Number(entry.query._skip));
    for (let skip = 0; skip < 12; skip++) assert.equal(skips.filter((each) => each === skip).length, 1, `_skip=${skip}`);
  });

  const genesys = (extra = {}) =>
    new GenesysAdapter({
      baseUrl: urls.genesys,
      auth: { clientId: 'genesys-test-client', clientSecret: 'genesys-test-secret', tokenUrl: `${urls.genesys}/oauth/token` },
      retryDelayMs: 1,
      ...extra,
    });

  test('Genesys: client credentials (where the grant is meant to run), 2,000 codes over pages, one token', async () => {
    await control(urls.genesys, 'seed', { count: 2000 });
    const listed = await genesys({ pageSize: 100 }).listOutcomeTypes();
    assert.equal(listed.length, 2000);
    assert.equal(new Set(listed.map((code) => code.id)).size, 2000);
    const log = await control(urls.genesys, 'log');
    assert.equal(log.filter((entry) => entry.path === '/oauth/token').length, 1);
    const pages = log.filter((entry) => entry.method === 'GET').map((entry) => Number(entry.query.pageNumber));
    for (let page = 1; page <= 20; page++) assert.equal(pages.filter((each) => each === page).length, 1, `pageNumber=${page}`);
  });

  test('Genesys: tokens expired mid-session get one new grant and one retry; a refused refresh is unauthorized', async () => {
    const adapter = genesys();
    await adapter.listOutcomeTypes();
    await control(urls.genesys, 'tokens/expire', {});
    assert.equal((await adapter.listOutcomeTypes()).length, 12);
    const paths = (await control(urls.genesys, 'log')).map((entry) => `${entry.method} ${entry.path}`);
    assert.deepEqual(paths.slice(2), ['GET /api/v2/routing/wrapupcodes', 'POST /oauth/token', 'GET /api/v2/routing/wrapupcodes']);
    await control(urls.genesys, 'tokens', { lifetimeSeconds: 0 });
    await control(urls.genesys, 'tokens/expire', {});
    const error = await rejection(adapter.listOutcomeTypes());
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.status, 401);
  });

  test('Genesys: create, rename, a duplicate name in another case, delete', async () => {
    const adapter = genesys();
    const created = await adapter.createOutcomeType({ name: 'Follow-up Required', description: 'Needs a second call.' });
    const renamed = await adapter.updateOutcomeType(created.id, { name: 'Follow-up Booked' });
    assert.equal(renamed.description, 'Needs a second call.');
    const duplicate = await rejection(adapter.createOutcomeType({ name: 'follow-up BOOKED' }));
    assert.equal(duplicate.code, 'validation');
    assert.match(duplicate.fieldErrors.name, /already used/);
    await adapter.deleteOutcomeType(created.id);
    assert.equal((await rejection(adapter.getOutcomeType(created.id))).code, 'not_found');
  });
});
