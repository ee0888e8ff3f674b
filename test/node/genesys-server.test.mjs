// The Genesys Cloud wrap-up codes test server (test/servers/genesys-server.mjs) against its own
// document, test/servers/genesys-wrapup-codes.txt: the adapter's tests trust this server, so the
// server is tested first. Real HTTP on 127.0.0.1; no build needed: node --test test/node/genesys-server.test.mjs
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  CODES_PATH,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  DIVISIONS,
  MAX_PAGE_SIZE,
  NAME_MAX_LENGTH,
  tooManyRequests,
} from '../servers/genesys-api.mjs';
import createGenesysServer from '../servers/genesys-server.mjs';

const server = createGenesysServer();
let base;

before(async () => {
  base = await server.start();
});
after(() => server.stop());
beforeEach(() => controlPost('reset'));

async function controlPost(path, body) {
  const response = await fetch(`${base}/__control/${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(response.status, 200, `control ${path}`);
  return response.json();
}

const basic = (id, secret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function requestToken({ authorization = basic(CLIENT_ID, CLIENT_SECRET), body = 'grant_type=client_credentials', type = 'application/x-www-form-urlencoded' } = {}) {
  return fetch(`${base}/oauth/token`, { method: 'POST', headers: { authorization, 'content-type': type }, body });
}

async function newToken() {
  const response = await requestToken();
  assert.equal(response.status, 200);
  return (await response.json()).access_token;
}

/** A call to the API with a fresh token (or `token`); answers { status, body, headers }. */
async function call(method, path, { token, body, type = 'application/json', query = '' } = {}) {
  const headers = { authorization: `Bearer ${token ?? (await newToken())}` };
  if (body !== undefined) headers['content-type'] = type;
  const response = await fetch(`${base}${path}${query}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const list = (query, token) => call('GET', CODES_PATH, { query, token });

/** The platform's error body: every field of ErrorBody that the server fills. */
function assertError(answer, status, code) {
  assert.equal(answer.status, status);
  assert.equal(answer.body.status, status);
  assert.equal(answer.body.code, code);
  assert.equal(typeof answer.body.message, 'string');
  assert.ok(answer.body.message.length > 0);
  assert.match(answer.body.contextId, /^[0-9a-f-]{36}$/);
  assert.ok(Array.isArray(answer.body.details));
  assert.deepEqual(answer.body.errors, []);
  assert.equal(typeof answer.body.messageParams, 'object');
}

describe('the token endpoint', () => {
  test('client credentials in Basic auth get a bearer token and its lifetime', async () => {
    const response = await requestToken();
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
    assert.equal(body.token_type, 'bearer');
    assert.equal(body.expires_in, DEFAULT_TOKEN_LIFETIME_SECONDS);
    assert.match(body.access_token, /^\S{32,}$/);
    assert.notEqual(await newToken(), body.access_token, 'every grant is a new token');
  });

  test('a wrong secret, an unknown client, no credentials, another grant or a JSON body get 400 OAuth errors', async () => {
    const cases = [
      [{ authorization: basic(CLIENT_ID, 'wrong') }, 'invalid_client', 'authentication failed'],
      [{ authorization: basic('someone-else', CLIENT_SECRET) }, 'invalid_client', 'client not found'],
      [{ authorization: '' }, 'invalid_client'],
      [{ body: 'grant_type=password' }, 'unsupported_grant_type'],
      [{ body: '' }, 'unsupported_grant_type'],
      [{ type: 'application/json', body: '{"grant_type":"client_credentials"}' }, 'invalid_request'],
    ];
    for (const [options, error, description] of cases) {
      const response = await requestToken(options);
      assert.equal(response.status, 400, JSON.stringify(options));
      const body = await response.json();
      assert.equal(body.error, error, JSON.stringify(options));
      assert.equal(body.error_description, body.description);
      if (description) assert.equal(body.description, description);
    }
    const state = await (await fetch(`${base}/__control/state`)).json();
    assert.deepEqual(state.tokens, {}, 'no refused request was given a token');
  });

  test('the lifetime control sets expires_in for the tokens issued from then on', async () => {
    await controlPost('tokens', { lifetimeSeconds: 5 });
    assert.equal((await (await requestToken()).json()).expires_in, 5);
    const refused = await fetch(`${base}/__control/tokens`, { method: 'POST', body: JSON.stringify({ lifetimeSeconds: -1 }) });
    assert.equal(refused.status, 400);
  });
});

describe('bearer authentication', () => {
  test('no Authorization header: 401 authentication.required in the platform error body', async () => {
    const response = await fetch(`${base}${CODES_PATH}`);
    const answer = { status: response.status, body: await response.json() };
    assertError(answer, 401, 'authentication.required');
  });

  test('an unknown token, or Basic credentials on the API: 401 bad.credentials', async () => {
    assertError(await list('', 'not-a-token-we-issued'), 401, 'bad.credentials');
    const response = await fetch(`${base}${CODES_PATH}`, { headers: { authorization: basic(CLIENT_ID, CLIENT_SECRET) } });
    assert.equal(response.status, 401);
  });

  test('expiring every token makes the old one 401 on every method; a new token works (refresh on 401)', async () => {
    const token = await newToken();
    assert.equal((await list('', token)).status, 200);
    assert.deepEqual(await controlPost('tokens/expire'), { expired: 1 });
    assertError(await list('', token), 401, 'bad.credentials');
    assertError(await call('POST', CODES_PATH, { token, body: { name: 'After expiry' } }), 401, 'bad.credentials');
    assertError(await call('DELETE', `${CODES_PATH}/b16d4a9f-2e3c-4d7f-8a8b-9c1d2e3f4a12`, { token }), 401, 'bad.credentials');
    const fresh = await newToken();
    assert.equal((await list('', fresh)).status, 200);
    assert.equal((await list('?pageSize=100')).body.total, 12, 'nothing was written with the expired token');
  });

  test('a token issued with a lifetime of 0 seconds is already expired', async () => {
    await controlPost('tokens', { lifetimeSeconds: 0 });
    const token = await newToken();
    assertError(await list('', token), 401, 'bad.credentials');
  });
});

describe('listing and paging', () => {
  test('the dozen seed codes on the default page, by name, in the entity-listing envelope', async () => {
    const { status, body } = await list('');
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ['entities', 'pageSize', 'pageNumber', 'total', 'firstUri', 'selfUri', 'lastUri', 'pageCount']);
    assert.equal(body.pageSize, 25);
    assert.equal(body.pageNumber, 1);
    assert.equal(body.total, 12);
    assert.equal(body.pageCount, 1);
    assert.equal(body.firstUri, `${CODES_PATH}?pageSize=25&pageNumber=1`);
    assert.equal(body.lastUri, body.firstUri);
    assert.equal(body.entities.length, 12);
    const names = body.entities.map((code) => code.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    const voicemail = body.entities.find((code) => code.name === 'Left Voicemail');
    assert.deepEqual(Object.keys(voicemail), ['id', 'name', 'division', 'dateCreated', 'dateModified', 'createdBy', 'modifiedBy', 'selfUri']);
    assert.equal(voicemail.selfUri, `${CODES_PATH}/${voicemail.id}`);
    assert.deepEqual(voicemail.division, DIVISIONS.ALL);
    assert.ok(body.entities.some((code) => typeof code.description === 'string'));
  });

  test('10,000 codes walked through nextUri: total, pageCount, previousUri, each code once and in order', async () => {
    await controlPost('seed', { count: 10_000 });
    const token = await newToken();
    const seen = [];
    let uri = `${CODES_PATH}?pageSize=${MAX_PAGE_SIZE}`;
    let pages = 0;
    while (uri) {
      const { status, body } = await call('GET', uri, { token });
      assert.equal(status, 200);
      pages++;
      assert.equal(body.total, 10_000);
      assert.equal(body.pageCount, 20);
      assert.equal(body.pageNumber, pages);
      assert.equal(body.selfUri, `${CODES_PATH}?pageSize=500&pageNumber=${pages}`);
      assert.equal(body.lastUri, `${CODES_PATH}?pageSize=500&pageNumber=20`);
      assert.equal(body.previousUri, pages === 1 ? undefined : `${CODES_PATH}?pageSize=500&pageNumber=${pages - 1}`);
      seen.push(...body.entities.map((code) => code.name));
      uri = body.nextUri;
    }
    assert.equal(pages, 20);
    assert.equal(seen.length, 10_000);
    assert.equal(new Set(seen).size, 10_000);
    assert.deepEqual(seen, [...seen].sort());
    assert.equal(seen[0], 'Wrap-up code 00001');
    assert.equal(seen.at(-1), 'Wrap-up code 10000');
  });

  test('a short last page, and a page past the end: empty, with the counts and no nextUri', async () => {
    await controlPost('seed', { count: 1001 });
    const last = await list('?pageSize=500&pageNumber=3');
    assert.equal(last.body.entities.length, 1);
    assert.equal(last.body.pageCount, 3);
    assert.equal(last.body.nextUri, undefined);
    const past = await list('?pageSize=500&pageNumber=9');
    assert.equal(past.status, 200);
    assert.deepEqual(past.body.entities, []);
    assert.equal(past.body.total, 1001);
    assert.equal(past.body.nextUri, undefined);
    assert.equal(past.body.previousUri, `${CODES_PATH}?pageSize=500&pageNumber=3`);
  });

  test('no codes at all: total 0, pageCount 0, no lastUri', async () => {
    await controlPost('seed', { count: 0 });
    const { body } = await list('');
    assert.deepEqual(body.entities, []);
    assert.equal(body.total, 0);
    assert.equal(body.pageCount, 0);
    assert.equal(body.lastUri, undefined);
  });

  test('pageSize 1 to 500 and pageNumber from 1; anything else is 400 bad.request naming the field', async () => {
    assert.equal((await list('?pageSize=500')).status, 200);
    assert.equal((await list('?pageSize=1&pageNumber=12')).body.entities.length, 1);
    for (const [query, field] of [
      ['?pageSize=501', 'pageSize'],
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=-5', 'pageSize'],
      ['?pageSize=ten', 'pageSize'],
      ['?pageSize=2.5', 'pageSize'],
      ['?pageNumber=0', 'pageNumber'],
      ['?pageNumber=x', 'pageNumber'],
      ['?sortOrder=up', 'sortOrder'],
      ['?sortBy=dateCreated', 'sortBy'],
    ]) {
      const answer = await list(query);
      assertError(answer, 400, 'bad.request');
      assert.deepEqual(answer.body.details, [{ errorCode: 'field.invalid', fieldName: field }], query);
      assert.equal(answer.body.messageParams.field, field);
    }
  });

  test('sortOrder, the name filter with * wildcards, sortBy (only with a name), and id and division filters', async () => {
    const names = (answer) => answer.body.entities.map((code) => code.name);
    const descending = names(await list('?sortOrder=descending'));
    assert.equal(descending[0], 'Wrong Number');
    assert.equal(descending.at(-1), 'Billing Inquiry');
    assert.deepEqual(names(await list('?name=left%20voicemail')), ['Left Voicemail']);
    assert.deepEqual(names(await list('?name=Left')), [], 'a name without * matches the whole name');
    assert.deepEqual(names(await list('?name=*ER*')), ['Customer Not Available', 'Transferred', 'Wrong Number']);
    assert.deepEqual(names(await list('?name=*er*&sortBy=id&sortOrder=descending')), ['Wrong Number', 'Transferred', 'Customer Not Available']);
    const byId = (await list('?name=*&sortBy=id')).body.entities.map((code) => code.id);
    assert.equal(byId.length, 12);
    assert.deepEqual(byId, [...byId].sort());
    const ignored = (await list('?sortBy=id')).body.entities.map((code) => code.name);
    assert.deepEqual(ignored, [...ignored].sort((a, b) => a.localeCompare(b)), 'sortBy without a name keeps the name order');
    const ids = ['b16d4a9f-2e3c-4d7f-8a8b-9c1d2e3f4a12', '0c5e3b8a-1f2d-4e6a-9b7c-8d0e1f2a3b01'];
    assert.deepEqual(names(await list(`?id=${ids[0]}&id=${ids[1]}`)), ['Billing Inquiry', 'Wrong Number']);
    const support = await list(`?divisionId=${DIVISIONS.SUPPORT.id}&pageSize=2`);
    assert.equal(support.body.total, 3);
    assert.equal(support.body.nextUri, `${CODES_PATH}?pageSize=2&pageNumber=2&divisionId=${DIVISIONS.SUPPORT.id}`);
  });
});

describe('create, read, replace and delete', () => {
  test('POST answers 200 with the stored code: trimmed name, All division, audit fields; it lists in name order', async () => {
    const token = await newToken();
    const { status, body } = await call('POST', CODES_PATH, { token, body: { name: '  Follow-up Required ', description: 'Needs a second call.' } });
    assert.equal(status, 200);
    assert.equal(body.name, 'Follow-up Required');
    assert.equal(body.description, 'Needs a second call.');
    assert.deepEqual(body.division, DIVISIONS.ALL);
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.equal(body.selfUri, `${CODES_PATH}/${body.id}`);
    assert.equal(body.createdBy, CLIENT_ID);
    assert.equal(body.modifiedBy, CLIENT_ID);
    assert.equal(body.dateCreated, body.dateModified);
    assert.ok(!Number.isNaN(Date.parse(body.dateCreated)));
    assert.deepEqual((await call('GET', `${CODES_PATH}/${body.id}`, { token })).body, body);
    const names = (await list('', token)).body.entities.map((code) => code.name);
    assert.equal(names.indexOf('Follow-up Required'), names.indexOf('Do Not Call') + 1);
  });

  test('POST with a division, no description, and read-only or unknown fields ignored', async () => {
    const { status, body } = await call('POST', CODES_PATH, {
      body: { name: 'Escalated to Tier 2', division: { id: DIVISIONS.SUPPORT.id }, id: 'mine', dateCreated: '2000-01-01T00:00:00Z', color: 'red' },
    });
    assert.equal(status, 200);
    assert.deepEqual(body.division, DIVISIONS.SUPPORT);
    assert.notEqual(body.id, 'mine');
    assert.notEqual(body.dateCreated, '2000-01-01T00:00:00Z');
    assert.equal('description' in body, false);
    assert.equal('color' in body, false);
  });

  test('POST refusals: 400 for name and division rules with details per field, 409 for a taken name in any case, 415, malformed JSON', async () => {
    const token = await newToken();
    const refusal = async (body, status, code, fields) => {
      const answer = await call('POST', CODES_PATH, { token, body });
      assertError(answer, status, code);
      if (fields) assert.deepEqual(answer.body.details.map((detail) => detail.fieldName), fields, JSON.stringify(body));
      return answer;
    };
    await refusal({}, 400, 'bad.request', ['name']);
    await refusal({ name: '   ' }, 400, 'bad.request', ['name']);
    await refusal({ name: 42 }, 400, 'bad.request', ['name']);
    const long = await refusal({ name: 'x'.repeat(NAME_MAX_LENGTH + 1) }, 400, 'bad.request', ['name']);
    assert.equal(long.body.details[0].errorCode, 'field.too.long');
    await refusal({ name: 'Ok', description: 7 }, 400, 'bad.request', ['description']);
    await refusal({ name: 'Ok', division: { id: 'no-such-division' } }, 400, 'bad.request', ['division']);
    await refusal({ name: '', division: 'Home' }, 400, 'bad.request', ['name', 'division']);
    const taken = await refusal({ name: 'wrong number' }, 409, 'general.conflict', ['name']);
    assert.equal(taken.body.details[0].entityId, 'b16d4a9f-2e3c-4d7f-8a8b-9c1d2e3f4a12');
    await refusal({ name: ' Wrong Number ' }, 409, 'general.conflict');
    await refusal([], 400, 'bad.request');
    assertError(await call('POST', CODES_PATH, { token, body: '{"name":', type: 'application/json' }), 400, 'bad.request');
    assertError(await call('POST', CODES_PATH, { token, body: 'name=Text', type: 'text/plain' }), 415, 'unsupported.media.type');
    const accepted = await call('POST', CODES_PATH, { token, body: { name: 'é'.repeat(NAME_MAX_LENGTH) } });
    assert.equal(accepted.status, 200, 'the limit counts characters, not bytes');
    assert.equal((await list('?pageSize=100', token)).body.total, 13, 'only the last one was stored');
  });

  test('PUT replaces every writable field: a description left out is removed, a division left out is kept', async () => {
    const token = await newToken();
    const id = '6c1e9b4a-7f8d-4e2a-9b3c-4d6e7f8a9b07'; // Payment Taken, Home, with a description
    const { status, body } = await call('PUT', `${CODES_PATH}/${id}`, { token, body: { name: 'Payment Received' } });
    assert.equal(status, 200);
    assert.equal(body.id, id);
    assert.equal(body.name, 'Payment Received');
    assert.equal('description' in body, false);
    assert.deepEqual(body.division, DIVISIONS.HOME);
    assert.equal(body.dateCreated, '2026-03-02T15:21:09.575Z');
    assert.notEqual(body.dateModified, body.dateCreated);
    assert.equal(body.modifiedBy, CLIENT_ID);
    assert.deepEqual((await call('GET', `${CODES_PATH}/${id}`, { token })).body, body);
    const moved = await call('PUT', `${CODES_PATH}/${id}`, { token, body: { name: 'payment received', division: { id: '*' } } });
    assert.equal(moved.status, 200, "a code may take its own name in another case");
    assert.deepEqual(moved.body.division, DIVISIONS.ALL);
  });

  test('PUT refusals: 404 for an unknown id, 409 for another code’s name, 400 for the name rules', async () => {
    const token = await newToken();
    assertError(await call('PUT', `${CODES_PATH}/no-such-code`, { token, body: { name: 'Anything' } }), 404, 'not.found');
    const id = '5b0d8a3f-6e7c-4d1f-8a2b-3c5d6e7f8a06'; // Left Voicemail
    assertError(await call('PUT', `${CODES_PATH}/${id}`, { token, body: { name: 'TRANSFERRED' } }), 409, 'general.conflict');
    assertError(await call('PUT', `${CODES_PATH}/${id}`, { token, body: { description: 'no name' } }), 400, 'bad.request');
    assert.equal((await call('GET', `${CODES_PATH}/${id}`, { token })).body.name, 'Left Voicemail');
  });

  test('DELETE answers 204 without a body; the code is gone (404 after), and the total drops', async () => {
    const token = await newToken();
    const id = 'a05c3f8e-1d2b-4c6e-9f7a-8b0c1d2e3f11';
    const deleted = await call('DELETE', `${CODES_PATH}/${id}`, { token });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, undefined);
    assertError(await call('GET', `${CODES_PATH}/${id}`, { token }), 404, 'not.found');
    assertError(await call('DELETE', `${CODES_PATH}/${id}`, { token }), 404, 'not.found');
    assert.equal((await list('', token)).body.total, 11);
  });

  test('paths that name no code and methods the API lacks', async () => {
    const token = await newToken();
    assertError(await call('GET', `${CODES_PATH}/a/b`, { token }), 404, 'not.found');
    assertError(await call('GET', `${CODES_PATH}/%E0%A4%A`, { token }), 404, 'not.found');
    assertError(await call('PATCH', `${CODES_PATH}/b16d4a9f-2e3c-4d7f-8a8b-9c1d2e3f4a12`, { token, body: { name: 'x' } }), 405, 'method.not.allowed');
    assertError(await call('DELETE', CODES_PATH, { token }), 405, 'method.not.allowed');
  });
});

describe('controls and faults', () => {
  test('reset brings back the dozen codes and forgets every token', async () => {
    const token = await newToken();
    await controlPost('seed', { count: 3 });
    await controlPost('reset');
    assertError(await list('', token), 401, 'bad.credentials');
    assert.equal((await list('')).body.total, 12);
  });

  test('a queued 429 reaches the client as the platform sends it, with Retry-After', async () => {
    const token = await newToken();
    await controlPost('faults', [{ kind: 'status', path: CODES_PATH, ...tooManyRequests(3) }]);
    const limited = await list('', token);
    assertError(limited, 429, 'too.many.requests');
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.equal((await list('', token)).status, 200, 'the fault hit one request');
  });
});
