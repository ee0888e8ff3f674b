import { expect } from '@open-wc/testing';
import { SailorAdapter, type SailorAdapterOptions } from '../../src/adapters/sailor/sailor-adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import { SAILOR_RULES } from '../../src/adapters/rules.js';
import type { OutcomeTypeInput } from '../../src/model/types.js';
import type { SailorStored } from '../helpers/sailor-stored.js';
import { seedServer, type Fault, type LoggedRequest } from '../helpers/seed-server.js';
import { rejection } from '../helpers/rejection.js';

// Mirrors test/servers/sailor-server.mjs (a Node module the browser cannot import).
const TOKEN = 'sailor-test-token';
const INTERESTED = '00000000-0000-4000-8000-000000000001';
const FOLLOW_UP = '00000000-0000-4000-8000-000000000002';
const ACTIVE_LEADS = '00000000-0000-4000-8000-000000000010';
const NURTURE = '00000000-0000-4000-8000-000000000011';
const NO_SUCH_LIST = '00000000-0000-4000-8000-0000000000ff';
const WEBHOOK = 'https://example.com/sailor/outcomes';
const PATH = '/phone-system/outcomes';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface SailorState {
  outcomes: SailorStored[];
  idempotency: Record<string, unknown>;
}

let server: Awaited<ReturnType<typeof seedServer<SailorState>>>;

function sailor(options: Partial<SailorAdapterOptions> = {}) {
  const reports: InvalidItemReport[] = [];
  const adapter = new SailorAdapter({
    baseUrl: server.url,
    token: TOKEN,
    retryDelayMs: 1,
    onInvalidItem: (report) => reports.push(report),
    ...options,
  });
  return { adapter, reports };
}

/** The adapter with its rule check taken out, to show what the server itself answers. */
class UncheckedSailorAdapter extends SailorAdapter {
  protected override checkWrite(input: unknown): Partial<OutcomeTypeInput> {
    return input as Partial<OutcomeTypeInput>;
  }
}

function unchecked() {
  return new UncheckedSailorAdapter({ baseUrl: server.url, token: TOKEN, retryDelayMs: 1 });
}

function input(fields: Partial<OutcomeTypeInput>): OutcomeTypeInput {
  return {
    name: 'Outcome',
    description: '',
    classification: 'neutral',
    category: 'response',
    kind: 'disposition',
    ordinal: 99,
    status: 'active',
    requiresFutureScheduledAt: false,
    ...fields,
  };
}

const notQualified = input({ name: 'Not Qualified', kind: 'disposition', ordinal: 20, destination: { type: 'none' } });


async function requests(method?: string): Promise<LoggedRequest[]> {
  const log = await server.log();
  return method ? log.filter((entry) => entry.method === method) : log;
}

/** Sends a wire body straight to the server, past every client-side check. */
async function rawPost(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * For rules the adapter's wire mapping cannot even express: the server's real answer to the
 * violating body, then that same answer given to the adapter, which must map it back.
 */
async function serverAnswerMapped(wireBody: unknown): Promise<OutcomeAdapterError> {
  const answer = await rawPost(wireBody);
  expect(answer.status).to.equal(400);
  expect(answer.body).to.include({ ok: false, error: 'invalid_outcome' });
  expect((await server.state()).outcomes).to.have.length(1);
  await server.faults({ kind: 'status', method: 'POST', path: PATH, status: answer.status, body: answer.body });
  return rejection(sailor().adapter.createOutcomeType(notQualified));
}

async function expectNothingSent(): Promise<void> {
  const log = await requests();
  expect(log.filter((entry) => entry.method !== 'GET'), 'nothing written on the wire').to.deep.equal([]);
}

describe('SailorAdapter', () => {
  before(async () => {
    server = await seedServer<SailorState>('sailor');
  });

  beforeEach(async () => {
    await server.reset();
  });

  describe('capabilities and options', () => {
    it('refuses every write for a viewer before sending anything', async () => {
      const { adapter } = sailor({ role: 'viewer' });
      const [first] = await adapter.listOutcomeTypes();
      for (const write of [
        () => adapter.createOutcomeType(notQualified),
        () => adapter.updateOutcomeType(first!.id, { name: 'Renamed' }),
        () => adapter.deleteOutcomeType(first!.id),
      ]) {
        expect((await rejection(write())).code).to.equal('forbidden');
      }
      await expectNothingSent();
    });

    it('can create, update and delete, records through withRecorder, and has the Sailor fields', () => {
      const { adapter } = sailor();
      expect(adapter.capabilities).to.deep.equal({
        create: true,
        update: true,
        delete: true,
        record: false,
        role: 'editor',
        fields: SAILOR_RULES.fields,
        crossField: SAILOR_RULES.crossField,
      });
      // Declared, so that the editor checks it before sending: an action needs a webhook URL.
      expect(adapter.capabilities.crossField!.map((rule) => [rule.field, rule.code, rule.applies({ kind: 'action' }), rule.applies({ kind: 'disposition' })])).to.deep.equal([['webhookUrl', 'required', true, false]]);
      expect(Object.isFrozen(adapter.capabilities)).to.be.true;
      expect(sailor({ role: 'viewer' }).adapter.capabilities.role).to.equal('viewer');
    });

    it('has no listSmartLists unless the host gives one', () => {
      const { adapter } = sailor();
      expect(adapter.listSmartLists).to.equal(undefined);
      expect('listSmartLists' in adapter).to.be.false;
    });

    it("exposes the host's listSmartLists, passing the request options on", async () => {
      const seen: unknown[] = [];
      const { adapter } = sailor({
        listSmartLists: async (options) => {
          seen.push(options);
          return [{ id: FOLLOW_UP, name: 'Follow up' }];
        },
      });
      const controller = new AbortController();
      expect(await adapter.listSmartLists!({ signal: controller.signal })).to.deep.equal([{ id: FOLLOW_UP, name: 'Follow up' }]);
      expect(seen).to.deep.equal([{ signal: controller.signal }]);
    });

    it("reports a failing or malformed host listSmartLists as OutcomeAdapterError", async () => {
      const failing = sailor({ listSmartLists: () => Promise.reject(new Error('host down')) }).adapter;
      const failure = await rejection(failing.listSmartLists!());
      expect(failure.code).to.equal('server');
      expect(failure.message).to.contain('host down');
      const malformed = sailor({ listSmartLists: async () => [{ id: '', name: 'x' }] }).adapter;
      expect((await rejection(malformed.listSmartLists!())).code).to.equal('bad_response');
    });
  });

  describe('list: GET /phone-system/outcomes', () => {
    it("maps the seed's example with a Bearer token", async () => {
      const { adapter, reports } = sailor();
      const outcomes = await adapter.listOutcomeTypes();
      expect(outcomes).to.deep.equal([
        {
          id: INTERESTED,
          key: INTERESTED,
          name: 'Interested',
          description: '',
          classification: 'neutral',
          category: 'response',
          kind: 'action',
          ordinal: 10,
          status: 'active',
          isSystem: false,
          requiresFutureScheduledAt: false,
          destination: { type: 'smart_list', id: FOLLOW_UP, name: 'Follow up' },
          webhookUrl: WEBHOOK,
          createdAt: '2026-06-25T00:00:00.000Z',
          updatedAt: '2026-06-25T00:00:00.000Z',
          extras: {},
        },
      ]);
      expect(reports).to.deep.equal([]);
      const [get] = await requests('GET');
      expect(get!.path).to.equal(PATH);
      expect(get!.headers['authorization']).to.equal(`Bearer ${TOKEN}`);
      expect(get!.headers['idempotency-key']).to.equal(undefined);
    });

    it('keeps unknown fields in extras and sorts by order, then name', async () => {
      const item = (id: string, name: string, order: number, more: Record<string, unknown> = {}) => ({
        outcome_id: id, outcome_name: name, outcome_type: 'disposition', order, destination_type: 'none',
        destination: null, webhook_url: null, ...more,
      });
      await server.faults({
        kind: 'status', method: 'GET', status: 200,
        body: {
          ok: true,
          outcomes: [
            item('c', 'Zebra', 5),
            item('b', 'apple', 5, { color: 'green', agent_hotkey: 3 }),
            item('a', 'Voicemail', 1, {
              destination_type: 'smart_list',
              destination: { destination_type: 'smart_list', destination_id: FOLLOW_UP, destination_name: 'Follow up', list_size: 12 },
            }),
          ],
          disposition_popup_enabled: true,
        },
      });
      const outcomes = await sailor().adapter.listOutcomeTypes();
      expect(outcomes.map((outcome) => outcome.name)).to.deep.equal(['Voicemail', 'apple', 'Zebra']);
      expect(outcomes[1]!.extras).to.deep.equal({ color: 'green', agent_hotkey: 3 });
      expect(outcomes[0]!.extras).to.deep.equal({
        destination: { destination_type: 'smart_list', destination_id: FOLLOW_UP, destination_name: 'Follow up', list_size: 12 },
      });
      expect(outcomes[2]!.destination).to.deep.equal({ type: 'none' });
      expect(outcomes[2]!.webhookUrl).to.equal(undefined);
    });

    it('leaves the destination unknown (not "none") when a removal comes without its lists', async () => {
      await rawPost({
        outcome_name: 'Clean up', outcome_type: 'disposition', order: 30,
        destination_type: 'remove_from_smart_list', remove_from_smart_lists: { list_ids: [ACTIVE_LEADS] },
      });
      const outcomes = await sailor().adapter.listOutcomeTypes();
      const cleanUp = outcomes.find((outcome) => outcome.name === 'Clean up')!;
      expect(cleanUp.destination).to.equal(undefined);
      expect(cleanUp.extras).to.deep.equal({ destination_type: 'remove_from_smart_list' });
    });

    it('is unauthorized without the right Bearer token', async () => {
      const error = await rejection(sailor({ token: 'wrong' }).adapter.listOutcomeTypes());
      expect(error.code).to.equal('unauthorized');
      expect(error.status).to.equal(401);
      expect(error.retryable).to.be.false;
      expect(error.message).not.to.contain('wrong');
    });
  });

  describe('disposition_popup_enabled', () => {
    it('is undefined before a list, then follows whether a disposition exists', async () => {
      const { adapter } = sailor();
      expect(adapter.dispositionPopupEnabled).to.equal(undefined);
      await adapter.listOutcomeTypes();
      expect(adapter.dispositionPopupEnabled).to.be.false;
      const created = await adapter.createOutcomeType(notQualified);
      await adapter.listOutcomeTypes();
      expect(adapter.dispositionPopupEnabled).to.be.true;
      await adapter.deleteOutcomeType(created.id);
      await adapter.listOutcomeTypes();
      expect(adapter.dispositionPopupEnabled).to.be.false;
    });

    it('is read only', () => {
      const { adapter } = sailor();
      expect(() => {
        (adapter as unknown as { dispositionPopupEnabled: boolean }).dispositionPopupEnabled = true;
      }).to.throw(TypeError);
    });
  });

  describe('create: POST /phone-system/outcomes', () => {
    it("sends the seed's action outcome with Bearer, Idempotency-Key and JSON, and maps the answer", async () => {
      const { adapter } = sailor();
      const created = await adapter.createOutcomeType(
        input({ name: 'Interested', kind: 'action', ordinal: 10, destination: { type: 'smart_list', id: FOLLOW_UP }, webhookUrl: WEBHOOK }),
      );
      const [post] = await requests('POST');
      expect(post!.path).to.equal(PATH);
      expect(post!.headers['authorization']).to.equal(`Bearer ${TOKEN}`);
      expect(post!.headers['content-type']).to.equal('application/json');
      expect(post!.headers['idempotency-key']).to.match(UUID);
      expect(post!.body).to.deep.equal({
        outcome_name: 'Interested',
        outcome_type: 'action',
        order: 10,
        destination_type: 'smart_list',
        destination_id: FOLLOW_UP,
        webhook_url: WEBHOOK,
      });
      expect(created).to.deep.include({
        key: created.id,
        name: 'Interested',
        kind: 'action',
        ordinal: 10,
        destination: { type: 'smart_list', id: FOLLOW_UP, name: 'Follow up' },
        webhookUrl: WEBHOOK,
        extras: {},
      });
      const stored = (await server.state()).outcomes.find((outcome) => outcome.outcome_id === created.id);
      expect(stored).to.include({ outcome_name: 'Interested', destination_id: FOLLOW_UP, webhook_url: WEBHOOK });
    });

    it("sends the seed's post-call disposition without a webhook", async () => {
      const created = await sailor().adapter.createOutcomeType(notQualified);
      const [post] = await requests('POST');
      expect(post!.body).to.deep.equal({ outcome_name: 'Not Qualified', outcome_type: 'disposition', order: 20, destination_type: 'none' });
      expect(created.destination).to.deep.equal({ type: 'none' });
      expect(created.webhookUrl).to.equal(undefined);
    });

    it('sends destination_type none when no destination is given', async () => {
      const { destination: _none, ...withoutDestination } = notQualified;
      await sailor().adapter.createOutcomeType(withoutDestination);
      expect((await requests('POST'))[0]!.body).to.include({ destination_type: 'none' });
    });

    it("removes from all Smart Lists as the seed's recipe, keeping what the answer leaves out", async () => {
      const created = await sailor().adapter.createOutcomeType(
        input({ name: 'Remove from active lists', kind: 'action', ordinal: 30, destination: { type: 'remove_from_smart_list', all: true }, webhookUrl: WEBHOOK }),
      );
      expect((await requests('POST'))[0]!.body).to.deep.equal({
        outcome_name: 'Remove from active lists',
        outcome_type: 'action',
        order: 30,
        destination_type: 'remove_from_smart_list',
        remove_from_smart_lists: { all: true },
        webhook_url: WEBHOOK,
      });
      expect(created.destination).to.deep.equal({ type: 'remove_from_smart_list', all: true });
      expect(created.extras).to.deep.equal({});
    });

    it('removes from selected Smart Lists with list_ids', async () => {
      const created = await sailor().adapter.createOutcomeType(
        input({ name: 'Drop', destination: { type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS, NURTURE] } }),
      );
      expect((await requests('POST'))[0]!.body).to.deep.include({ remove_from_smart_lists: { list_ids: [ACTIVE_LEADS, NURTURE] } });
      expect(created.destination).to.deep.equal({ type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS, NURTURE] });
      const stored = (await server.state()).outcomes.find((outcome) => outcome.outcome_id === created.id)!;
      expect(stored.remove_from_smart_lists).to.deep.equal({ list_ids: [ACTIVE_LEADS, NURTURE] });
    });

    it("uses the caller's idempotency key, else a fresh one per create", async () => {
      const { adapter } = sailor();
      await adapter.createOutcomeType(notQualified, { idempotencyKey: 'caller-key-1' });
      await adapter.createOutcomeType(input({ name: 'Second' }));
      await adapter.createOutcomeType(input({ name: 'Third' }));
      const keys = (await requests('POST')).map((entry) => entry.headers['idempotency-key']);
      expect(keys[0]).to.equal('caller-key-1');
      expect(keys[1]).to.match(UUID);
      expect(keys[2]).to.match(UUID);
      expect(keys[1]).not.to.equal(keys[2]);
    });

    it('is stored exactly once when the answer is lost and the retry carries the same key', async () => {
      await server.faults({ kind: 'lose-answer', method: 'POST', path: PATH });
      const created = await sailor().adapter.createOutcomeType(notQualified);
      const posts = await requests('POST');
      expect(posts.length).to.be.at.least(2);
      expect(new Set(posts.map((entry) => entry.headers['idempotency-key'])).size).to.equal(1);
      const stored = (await server.state()).outcomes.filter((outcome) => outcome.outcome_name === 'Not Qualified');
      expect(stored.map((outcome) => outcome.outcome_id)).to.deep.equal([created.id]);
    });

    it('is stored once when every attempt lost its answer and the caller repeats the create with its key', async () => {
      const { adapter } = sailor();
      await server.faults({ kind: 'lose-answer', method: 'POST', path: PATH, times: 3 });
      expect((await rejection(adapter.createOutcomeType(notQualified, { idempotencyKey: 'form-1' }))).code).to.equal('network');
      const created = await adapter.createOutcomeType(notQualified, { idempotencyKey: 'form-1' });
      const posts = await requests('POST');
      expect(posts.map((entry) => entry.headers['idempotency-key'])).to.deep.equal(['form-1', 'form-1', 'form-1', 'form-1']);
      const stored = (await server.state()).outcomes.filter((outcome) => outcome.outcome_name === 'Not Qualified');
      expect(stored.map((outcome) => outcome.outcome_id)).to.deep.equal([created.id]);
    });

    it('replays the same answer for the same key and body, and refuses the key for another body', async () => {
      const { adapter } = sailor();
      const first = await adapter.createOutcomeType(notQualified, { idempotencyKey: 'same-key' });
      const again = await adapter.createOutcomeType(notQualified, { idempotencyKey: 'same-key' });
      expect(again).to.deep.equal(first);
      expect((await server.state()).outcomes).to.have.length(2);
      const conflict = await rejection(adapter.createOutcomeType(input({ name: 'Other' }), { idempotencyKey: 'same-key' }));
      expect(conflict.code).to.equal('conflict');
      expect(conflict.status).to.equal(409);
      expect((await server.state()).outcomes).to.have.length(2);
    });
  });

  describe('update: PATCH /phone-system/outcomes/{id}', () => {
    it("resends the whole configuration (the seed's example) when only the name changes", async () => {
      const { adapter } = sailor();
      await adapter.listOutcomeTypes();
      const updated = await adapter.updateOutcomeType(INTERESTED, { name: 'Interested - Follow Up' });
      const [patch] = await requests('PATCH');
      expect(patch!.path).to.equal(`${PATH}/${INTERESTED}`);
      expect(patch!.headers['authorization']).to.equal(`Bearer ${TOKEN}`);
      expect(patch!.headers['content-type']).to.equal('application/json');
      expect(patch!.headers['idempotency-key']).to.match(UUID);
      expect(patch!.body).to.deep.equal({
        outcome_name: 'Interested - Follow Up',
        outcome_type: 'action',
        order: 10,
        destination_type: 'smart_list',
        destination_id: FOLLOW_UP,
        webhook_url: WEBHOOK,
      });
      // The server clears whatever a PATCH leaves out: everything survived because it was resent.
      expect((await server.state()).outcomes[0]).to.include({
        outcome_name: 'Interested - Follow Up',
        order: 10,
        destination_type: 'smart_list',
        destination_id: FOLLOW_UP,
        webhook_url: WEBHOOK,
      });
      expect(updated).to.deep.include({ name: 'Interested - Follow Up', destination: { type: 'smart_list', id: FOLLOW_UP, name: 'Follow up' } });
    });

    it('clears the webhook when an action becomes a disposition and the change says so', async () => {
      const { adapter } = sailor();
      await adapter.listOutcomeTypes();
      const updated = await adapter.updateOutcomeType(INTERESTED, { kind: 'disposition', webhookUrl: undefined });
      const [patch] = await requests('PATCH');
      expect(patch!.body).not.to.have.property('webhook_url');
      expect((await server.state()).outcomes[0]!.webhook_url).to.equal(null);
      expect(updated.webhookUrl).to.equal(undefined);
    });

    it('is answered by a server that clears what a PATCH leaves out', async () => {
      const response = await fetch(`${server.url}${PATH}/${INTERESTED}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ outcome_name: 'Only this', outcome_type: 'disposition', destination_type: 'none' }),
      });
      expect(response.status).to.equal(200);
      expect((await server.state()).outcomes[0]).to.include({ order: 0, destination_id: null, webhook_url: null });
    });

    it('lists first when the outcome was not read yet, and names an unknown id not_found', async () => {
      const { adapter } = sailor();
      await adapter.updateOutcomeType(INTERESTED, { ordinal: 5 });
      expect((await requests()).map((entry) => entry.method)).to.deep.equal(['GET', 'PATCH']);
      expect((await requests('PATCH'))[0]!.body).to.include({ order: 5, outcome_name: 'Interested', webhook_url: WEBHOOK });
      const missing = await rejection(adapter.updateOutcomeType('no-such-id', { name: 'X' }));
      expect(missing.code).to.equal('not_found');
      expect(await requests('PATCH')).to.have.length(1);
    });

    it('re-reads before writing: an outcome deleted elsewhere is not_found, and no PATCH is sent', async () => {
      const { adapter } = sailor();
      await adapter.listOutcomeTypes();
      await sailor().adapter.deleteOutcomeType(INTERESTED);
      const error = await rejection(adapter.updateOutcomeType(INTERESTED, { name: 'Gone' }));
      expect(error.code).to.equal('not_found');
      expect(await requests('PATCH')).to.deep.equal([]);
      expect((await server.state()).outcomes).to.deep.equal([]);
    });

    it("maps the server's own 404 when the outcome goes between the re-read and the PATCH", async () => {
      const { adapter } = sailor();
      await server.faults({ kind: 'status', method: 'PATCH', status: 404, body: { ok: false, error: 'not_found', message: 'No outcome.' } });
      const error = await rejection(adapter.updateOutcomeType(INTERESTED, { name: 'Gone' }));
      expect(error).to.include({ code: 'not_found', status: 404 });
    });

    it('gives each update its own key, or the caller’s', async () => {
      const { adapter } = sailor();
      await adapter.updateOutcomeType(INTERESTED, { ordinal: 1 });
      await adapter.updateOutcomeType(INTERESTED, { ordinal: 2 });
      await adapter.updateOutcomeType(INTERESTED, { ordinal: 3 }, { idempotencyKey: 'caller-patch' });
      const keys = (await requests('PATCH')).map((entry) => entry.headers['idempotency-key']);
      expect(keys[0]).to.match(UUID);
      expect(keys[1]).to.match(UUID);
      expect(keys[0]).not.to.equal(keys[1]);
      expect(keys[2]).to.equal('caller-patch');
    });

    it('resends the Smart Lists it wrote itself', async () => {
      const { adapter } = sailor();
      const created = await adapter.createOutcomeType(
        input({ name: 'Drop', destination: { type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS] } }),
      );
      await adapter.updateOutcomeType(created.id, { name: 'Drop now' });
      expect((await requests('PATCH'))[0]!.body).to.deep.equal({
        outcome_name: 'Drop now',
        outcome_type: 'disposition',
        order: 99,
        destination_type: 'remove_from_smart_list',
        remove_from_smart_lists: { list_ids: [ACTIVE_LEADS] },
      });
      const stored = (await server.state()).outcomes.find((outcome) => outcome.outcome_id === created.id)!;
      expect(stored.remove_from_smart_lists).to.deep.equal({ list_ids: [ACTIVE_LEADS] });
    });

    it('refuses instead of erasing Smart Lists that a list answer did not tell', async () => {
      await rawPost({
        outcome_name: 'Drop', outcome_type: 'disposition', order: 40,
        destination_type: 'remove_from_smart_list', remove_from_smart_lists: { list_ids: [ACTIVE_LEADS] },
      });
      const { adapter } = sailor();
      const drop = (await adapter.listOutcomeTypes()).find((outcome) => outcome.name === 'Drop')!;
      const refused = await rejection(adapter.updateOutcomeType(drop.id, { name: 'Drop now' }));
      expect(refused.code).to.equal('validation');
      expect(Object.keys(refused.fieldErrors)).to.deep.equal(['destination']);
      expect(await requests('PATCH')).to.deep.equal([]);
      const stored = (await server.state()).outcomes.find((outcome) => outcome.outcome_id === drop.id)!;
      expect(stored.remove_from_smart_lists).to.deep.equal({ list_ids: [ACTIVE_LEADS] });

      const updated = await adapter.updateOutcomeType(drop.id, {
        name: 'Drop now',
        destination: { type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS, NURTURE] },
      });
      expect(updated.destination).to.deep.equal({ type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS, NURTURE] });
      expect(updated.extras).to.deep.equal({});
      // Now the adapter knows the lists and can resend them.
      await adapter.updateOutcomeType(drop.id, { ordinal: 41 });
      expect((await requests('PATCH'))[1]!.body).to.deep.include({ remove_from_smart_lists: { list_ids: [ACTIVE_LEADS, NURTURE] } });
    });

    it('refuses instead of erasing a webhook_url the list answer left out', async () => {
      await server.faults({
        kind: 'status', method: 'GET', status: 200,
        body: {
          ok: true,
          outcomes: [{ outcome_id: INTERESTED, outcome_name: 'Interested', outcome_type: 'disposition', order: 10, destination_type: 'none' }],
          disposition_popup_enabled: true,
        },
      });
      const { adapter } = sailor();
      // The fault answers the re-read the update makes right before writing.
      const refused = await rejection(adapter.updateOutcomeType(INTERESTED, { name: 'Renamed' }));
      expect(Object.keys(refused.fieldErrors)).to.deep.equal(['webhookUrl']);
      expect(await requests('PATCH')).to.deep.equal([]);
      await adapter.updateOutcomeType(INTERESTED, { name: 'Renamed', webhookUrl: WEBHOOK });
      expect(await requests('PATCH')).to.have.length(1);
    });
  });

  describe('delete: DELETE /phone-system/outcomes/{id}', () => {
    it('deletes with a Bearer token and no body', async () => {
      await sailor().adapter.deleteOutcomeType(INTERESTED);
      const [deletion] = await requests('DELETE');
      expect(deletion!.path).to.equal(`${PATH}/${INTERESTED}`);
      expect(deletion!.headers['authorization']).to.equal(`Bearer ${TOKEN}`);
      expect(deletion!.headers['content-type']).to.equal(undefined);
      expect(deletion!.body).to.equal(undefined);
      expect((await server.state()).outcomes).to.deep.equal([]);
    });

    it('names an unknown id not_found', async () => {
      const error = await rejection(sailor().adapter.deleteOutcomeType('no-such-id'));
      expect(error.code).to.equal('not_found');
      expect(error.status).to.equal(404);
    });

    it('is done when the answer was lost and the retry finds the outcome gone', async () => {
      await server.faults({ kind: 'lose-answer', method: 'DELETE' });
      await sailor().adapter.deleteOutcomeType(INTERESTED);
      expect((await server.state()).outcomes).to.deep.equal([]);
    });

    it("sends the caller's idempotency key, and none without one (the seed shows none on DELETE)", async () => {
      const { adapter } = sailor();
      const created = await adapter.createOutcomeType(notQualified);
      await adapter.deleteOutcomeType(created.id, { idempotencyKey: 'delete-1' });
      await adapter.deleteOutcomeType(INTERESTED);
      expect((await requests('DELETE')).map((entry) => entry.headers['idempotency-key'])).to.deep.equal(['delete-1', undefined]);
    });
  });

  describe("the seed's validation rules", () => {
    describe('outcome_name must be 1-120 characters', () => {
      it('is refused before sending', async () => {
        const { adapter } = sailor();
        for (const name of ['', '   ', 'x'.repeat(121)]) {
          const error = await rejection(adapter.createOutcomeType(input({ name })));
          expect(error.code).to.equal('validation');
          expect(Object.keys(error.fieldErrors)).to.deep.equal(['name']);
        }
        const update = await rejection(adapter.updateOutcomeType(INTERESTED, { name: 'x'.repeat(121) }));
        expect(Object.keys(update.fieldErrors)).to.deep.equal(['name']);
        await expectNothingSent();
        await adapter.createOutcomeType(input({ name: 'x'.repeat(120) }));
        expect(await requests('POST')).to.have.length(1);
      });

      it("maps the server's invalid_outcome back to name", async () => {
        const error = await rejection(unchecked().createOutcomeType(input({ name: 'x'.repeat(121) })));
        expect(error.code).to.equal('validation');
        expect(error.status).to.equal(400);
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['name']);
        expect((await server.state()).outcomes).to.have.length(1);
      });
    });

    describe('action outcomes require webhook_url', () => {
      it('is refused before sending, on create and when an update makes an outcome an action', async () => {
        const { adapter } = sailor();
        const error = await rejection(adapter.createOutcomeType(input({ kind: 'action' })));
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['webhookUrl']);
        const created = await adapter.createOutcomeType(notQualified);
        const update = await rejection(adapter.updateOutcomeType(created.id, { kind: 'action' }));
        expect(Object.keys(update.fieldErrors)).to.deep.equal(['webhookUrl']);
        // The update re-reads the outcome (GET) before checking it, and writes nothing.
        expect((await requests()).map((entry) => entry.method)).to.deep.equal(['POST', 'GET']);
      });

      it("maps the server's invalid_outcome back to webhookUrl", async () => {
        const error = await rejection(unchecked().createOutcomeType(input({ kind: 'action' })));
        expect(error.code).to.equal('validation');
        expect(error.status).to.equal(400);
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['webhookUrl']);
      });
    });

    describe('destination_type: smart_list requires destination_id', () => {
      it('is refused before sending', async () => {
        const error = await rejection(sailor().adapter.createOutcomeType(input({ destination: { type: 'smart_list' } as never })));
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
        await expectNothingSent();
      });

      it("maps the server's invalid_outcome back to destination", async () => {
        const error = await rejection(unchecked().createOutcomeType(input({ destination: { type: 'smart_list' } as never })));
        expect((await requests('POST'))[0]!.body).not.to.have.property('destination_id');
        expect(error.code).to.equal('validation');
        expect(error.status).to.equal(400);
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
      });
    });

    describe('destination_id is only allowed with smart_list', () => {
      it('is refused before sending', async () => {
        const { adapter } = sailor();
        for (const destination of [{ type: 'none', id: FOLLOW_UP }, { type: 'remove_from_smart_list', all: true, id: FOLLOW_UP }]) {
          const error = await rejection(adapter.createOutcomeType(input({ destination: destination as never })));
          expect(error.code).to.equal('validation');
          expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
        }
        await expectNothingSent();
      });

      it("maps the server's invalid_outcome back to destination", async () => {
        const error = await serverAnswerMapped({
          outcome_name: 'X', outcome_type: 'disposition', order: 1, destination_type: 'none', destination_id: FOLLOW_UP,
        });
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
      });
    });

    describe('remove_from_smart_lists is only allowed with remove_from_smart_list', () => {
      it('is refused before sending', async () => {
        const { adapter } = sailor();
        for (const destination of [{ type: 'smart_list', id: FOLLOW_UP, all: true }, { type: 'none', listIds: [NURTURE] }]) {
          const error = await rejection(adapter.createOutcomeType(input({ destination: destination as never })));
          expect(error.code).to.equal('validation');
          expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
        }
        await expectNothingSent();
      });

      it("maps the server's invalid_outcome back to destination", async () => {
        const error = await serverAnswerMapped({
          outcome_name: 'X', outcome_type: 'disposition', order: 1, destination_type: 'smart_list',
          destination_id: FOLLOW_UP, remove_from_smart_lists: { all: true },
        });
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
      });
    });

    describe('remove_from_smart_lists must choose either all or list_ids, not both', () => {
      it('is refused before sending', async () => {
        const { adapter } = sailor();
        const destinations = [
          { type: 'remove_from_smart_list', all: true, listIds: [NURTURE] },
          { type: 'remove_from_smart_list' },
          { type: 'remove_from_smart_list', listIds: [] },
        ];
        for (const destination of destinations) {
          const error = await rejection(adapter.createOutcomeType(input({ destination: destination as never })));
          expect(error.code).to.equal('validation');
          expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
        }
        await expectNothingSent();
      });

      it("maps the server's invalid_outcome back to destination", async () => {
        const error = await serverAnswerMapped({
          outcome_name: 'X', outcome_type: 'disposition', order: 1, destination_type: 'remove_from_smart_list',
          remove_from_smart_lists: { all: true, list_ids: [NURTURE] },
        });
        expect(error.code).to.equal('validation');
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
      });
    });

    describe('the target Smart List must exist in the workspace', () => {
      it('cannot be checked before sending: destination_not_found maps to validation on destination', async () => {
        const { adapter } = sailor();
        const error = await rejection(adapter.createOutcomeType(input({ destination: { type: 'smart_list', id: NO_SUCH_LIST } })));
        expect(error.code).to.equal('validation');
        expect(error.status).to.equal(404);
        expect(error.retryable).to.be.false;
        expect(Object.keys(error.fieldErrors)).to.deep.equal(['destination']);
        expect(error.fieldErrors['destination']).to.contain(NO_SUCH_LIST);
        const removal = await rejection(
          adapter.updateOutcomeType(INTERESTED, { destination: { type: 'remove_from_smart_list', listIds: [NURTURE, NO_SUCH_LIST] } }),
        );
        expect(Object.keys(removal.fieldErrors)).to.deep.equal(['destination']);
        expect((await server.state()).outcomes).to.have.length(1);
        expect((await server.state()).outcomes[0]!.destination_id).to.equal(FOLLOW_UP);
      });
    });
  });

  describe('errors and faults', () => {
    const listFault = (fault: Fault) => server.faults({ method: 'GET', path: PATH, ...fault });

    it('retries a reset connection, and fails as network when it keeps resetting', async () => {
      await listFault({ kind: 'reset' });
      expect(await sailor().adapter.listOutcomeTypes()).to.have.length(1);
      await server.reset();
      await listFault({ kind: 'reset', times: 20 });
      const error = await rejection(sailor().adapter.listOutcomeTypes());
      expect(error.code).to.equal('network');
      expect(error.retryable).to.be.true;
    });

    it('times out on a stalled answer', async () => {
      await listFault({ kind: 'stall' });
      const error = await rejection(sailor({ timeoutMs: 150, retries: 0 }).adapter.listOutcomeTypes());
      expect(error.code).to.equal('timeout');
      expect(error.retryable).to.be.true;
    });

    it('waits as 429 Retry-After asks, then succeeds; fails as rate_limited when it persists', async () => {
      const tooMany = { kind: 'status' as const, status: 429, headers: { 'Retry-After': '0.01' }, body: { ok: false, error: 'rate_limited' } };
      await listFault(tooMany);
      expect(await sailor().adapter.listOutcomeTypes()).to.have.length(1);
      expect(await requests('GET')).to.have.length(2);
      await server.reset();
      await listFault({ ...tooMany, times: 3 });
      const error = await rejection(sailor().adapter.listOutcomeTypes());
      expect(error.code).to.equal('rate_limited');
      expect(error.status).to.equal(429);
      expect(error.retryAfterMs).to.equal(10);
    });

    it('retries 500, and fails as a retryable server error when it persists', async () => {
      await listFault({ kind: 'status', status: 500, body: { ok: false, error: 'internal' } });
      expect(await sailor().adapter.listOutcomeTypes()).to.have.length(1);
      await server.reset();
      await listFault({ kind: 'status', status: 500, times: 3, body: { ok: false, error: 'internal' } });
      const error = await rejection(sailor().adapter.listOutcomeTypes());
      expect(error.code).to.equal('server');
      expect(error.status).to.equal(500);
      expect(error.retryable).to.be.true;
    });

    it('retries a create after 503 with the same key, storing it once', async () => {
      await server.faults({ kind: 'status', method: 'POST', status: 503, body: 'Service Unavailable' });
      const created = await sailor().adapter.createOutcomeType(notQualified);
      const posts = await requests('POST');
      expect(posts).to.have.length(2);
      expect(posts[0]!.headers['idempotency-key']).to.equal(posts[1]!.headers['idempotency-key']);
      expect((await server.state()).outcomes.map((outcome) => outcome.outcome_id)).to.deep.equal([INTERESTED, created.id]);
      await server.faults({ kind: 'status', method: 'GET', status: 503, times: 3 });
      const error = await rejection(sailor().adapter.listOutcomeTypes());
      expect(error.code).to.equal('server');
      expect(error.status).to.equal(503);
    });

    it('fails as bad_response on a body that is not JSON', async () => {
      await listFault({ kind: 'raw', status: 200, body: '<html>maintenance</html>' });
      const error = await rejection(sailor().adapter.listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('not JSON');
    });

    it('fails as bad_response naming the path of a wrong envelope', async () => {
      await listFault({ kind: 'status', status: 200, body: { ok: true, outcomes: { not: 'a list' }, disposition_popup_enabled: false } });
      const outcomes = await rejection(sailor().adapter.listOutcomeTypes());
      expect(outcomes.code).to.equal('bad_response');
      expect(outcomes.message).to.contain('$.outcomes');
      await listFault({ kind: 'status', status: 200, body: { ok: true, outcomes: [] } });
      const flag = await rejection(sailor().adapter.listOutcomeTypes());
      expect(flag.message).to.contain('$.disposition_popup_enabled');
    });

    it('fails as bad_response naming the path of a malformed write answer', async () => {
      await server.faults({ kind: 'status', method: 'POST', status: 201, body: { ok: true, outcome: { outcome_id: 'x', outcome_type: 'disposition', order: 1, destination_type: 'none' } } });
      const error = await rejection(sailor().adapter.createOutcomeType(notQualified));
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('$.outcome.outcome_name');
    });

    it('leaves out a bad item of a good list and reports it', async () => {
      const good = { outcome_id: 'a', outcome_name: 'Good', outcome_type: 'disposition', order: 1, destination_type: 'none', webhook_url: null };
      await listFault({
        kind: 'status', status: 200,
        body: {
          ok: true,
          outcomes: [good, { ...good, outcome_id: 'b', outcome_name: '' }, { ...good, outcome_id: 'c', destination_type: 'smart_list' }],
          disposition_popup_enabled: true,
        },
      });
      const { adapter, reports } = sailor();
      expect((await adapter.listOutcomeTypes()).map((outcome) => outcome.id)).to.deep.equal(['a']);
      expect(adapter.dispositionPopupEnabled).to.be.true;
      expect(reports.map((report) => [report.source, report.index])).to.deep.equal([[`GET ${PATH}`, 1], [`GET ${PATH}`, 2]]);
      expect(reports[0]!.message).to.contain('$[1].outcome_name');
      expect(reports[1]!.message).to.contain('$[2].destination.destination_id');
    });

    it('calls an ok:false envelope that names no error a bad_response', async () => {
      await listFault({ kind: 'status', status: 200, body: { ok: false, error: 42 } });
      const error = await rejection(sailor().adapter.listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('$.error');
    });

    it('treats ok:false on a 200 as the error it names, never as success', async () => {
      await server.faults({ kind: 'status', method: 'POST', status: 200, body: { ok: false, error: 'invalid_outcome', message: 'Nope.', field_errors: { outcome_name: 'taken' } } });
      const error = await rejection(sailor().adapter.createOutcomeType(notQualified));
      expect(error.code).to.equal('validation');
      expect(error.status).to.equal(200);
      expect(error.message).to.equal('Nope.');
      expect(error.fieldErrors).to.deep.equal({ name: 'taken' });
      expect(await requests('POST')).to.have.length(1);
      await listFault({ kind: 'status', status: 200, body: { ok: false, error: 'maintenance' } });
      const list = await rejection(sailor().adapter.listOutcomeTypes());
      expect(list.code).to.equal('server');
      expect(list.retryable).to.be.false;
      expect(await requests('GET')).to.have.length(1);
    });

    it('maps invalid_outcome on 422 with the fields it names, in any of the usual shapes', async () => {
      await server.faults(
        { kind: 'status', method: 'POST', status: 422, body: { ok: false, error: 'invalid_outcome', errors: [{ field: 'remove_from_smart_lists.list_ids', message: 'bad' }, { field: 'order', message: 'not an integer' }] } },
        { kind: 'status', method: 'POST', status: 422, body: { ok: false, error: 'invalid_outcome', field: 'webhook_url', message: 'unreachable' } },
        { kind: 'status', method: 'POST', status: 422, body: { ok: false, error: 'invalid_outcome' } },
      );
      const { adapter } = sailor();
      const listed = await rejection(adapter.createOutcomeType(notQualified));
      expect(listed.code).to.equal('validation');
      expect(listed.fieldErrors).to.deep.equal({ destination: 'bad', ordinal: 'not an integer' });
      const single = await rejection(adapter.createOutcomeType(notQualified));
      expect(single.fieldErrors).to.deep.equal({ webhookUrl: 'unreachable' });
      const bare = await rejection(adapter.createOutcomeType(notQualified));
      expect(bare.code).to.equal('validation');
      expect(bare.fieldErrors).to.deep.equal({});
      expect(bare.message).to.contain('invalid_outcome');
    });
  });
});
