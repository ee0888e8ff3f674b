// The HTTP adapters as a Node user gets them (the built package, by name, Node's own fetch),
// against the same test servers the browser tests use, started here on 127.0.0.1.
// Run after `npm run build`: node --test test/node/
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import createCloseServer from '../servers/close-server.mjs';
import createOutcomeTypesServer from '../servers/outcome-types-server.mjs';

const { CloseAdapter, OutcomeTypesApiAdapter, OutcomeAdapterError } = await import('outcome-elements/adapters');

const servers = { close: createCloseServer(), outcomeTypes: createOutcomeTypesServer() };
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
});
