// Two admins editing the same outcome types at once, each with their own adapter, on one real
// test server (test/servers/*-server.mjs). Neither Sailor nor Close has a conditional write, so
// the adapters re-read the one type right before writing: what another admin changed meanwhile
// is never reverted, an update that names the version it `expected` fails with `conflict`
// (carrying the server's version) when that version is gone, and a deleted type stays deleted.
import { expect } from '@open-wc/testing';
import { CloseAdapter } from '../../src/adapters/close/close-adapter.js';
import { SailorAdapter } from '../../src/adapters/sailor/sailor-adapter.js';
import type { OutcomeType, OutcomeTypeInput } from '../../src/model/types.js';
import type { SailorStored } from '../helpers/sailor-stored.js';
import { seedServer, type LoggedRequest } from '../helpers/seed-server.js';
import { rejection } from '../helpers/rejection.js';

// Mirror test/servers/sailor-api.mjs and close-api.mjs (Node modules the browser cannot import).
const SAILOR_TOKEN = 'sailor-test-token';
const INTERESTED = '00000000-0000-4000-8000-000000000001';
const FOLLOW_UP = '00000000-0000-4000-8000-000000000002';
const ACTIVE_LEADS = '00000000-0000-4000-8000-000000000010';
const WEBHOOK = 'https://example.com/sailor/outcomes';
const NEWER_WEBHOOK = 'https://example.com/sailor/newer';
const SAILOR_PATH = '/phone-system/outcomes';
const CLOSE_API_KEY = 'api_close_test_key';
const DEMO_BOOKED = 'outcome_03oUxZfoO6e2vHmcz1DiHR';
const NO_ANSWER = 'outcome_generated00000002';
const SEEDED_CLOSE = 7;

interface CloseStored {
  id: string;
  name: string;
  description: string | null;
  type: string;
}

function disposition(name: string, ordinal: number): OutcomeTypeInput {
  return {
    name,
    description: '',
    classification: 'neutral',
    category: 'response',
    kind: 'disposition',
    ordinal,
    status: 'active',
    requiresFutureScheduledAt: false,
    destination: { type: 'none' },
  };
}

describe('two admins at once', () => {
  describe('Sailor (full-replace PATCH, no conditional write, no single-outcome GET)', () => {
    let server: Awaited<ReturnType<typeof seedServer<{ outcomes: SailorStored[] }>>>;
    const admin = () => new SailorAdapter({ baseUrl: server.url, token: SAILOR_TOKEN, retryDelayMs: 1 });

    async function requests(method: string): Promise<LoggedRequest[]> {
      return (await server.log()).filter((entry) => entry.method === method);
    }

    async function stored(id = INTERESTED): Promise<SailorStored | undefined> {
      return (await server.state()).outcomes.find((outcome) => outcome.outcome_id === id);
    }

    /** Admin B reads the list, then admin A changes the outcome: B holds the old copy. */
    async function bReadsThenARenames() {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes()).find((outcome) => outcome.id === INTERESTED)!;
      await a.listOutcomeTypes();
      const renamed = await a.updateOutcomeType(INTERESTED, { name: 'Interested - A' });
      return { a, b, bCopy, renamed };
    }

    before(async () => {
      server = await seedServer('sailor');
    });

    beforeEach(async () => {
      await server.reset();
    });

    it("B's webhook change on an old copy is a conflict carrying A's version; nothing of A's is reverted", async () => {
      const { b, bCopy, renamed } = await bReadsThenARenames();
      const patchesBefore = (await requests('PATCH')).length;

      const conflict = await rejection(b.updateOutcomeType(INTERESTED, { webhookUrl: NEWER_WEBHOOK }, { expected: bCopy }));
      expect(conflict.code).to.equal('conflict');
      expect(conflict.retryable).to.equal(false);
      expect(conflict.current).to.deep.include({ id: INTERESTED, name: 'Interested - A', webhookUrl: WEBHOOK, updatedAt: renamed.updatedAt });
      expect(conflict.message).to.match(/name/);
      expect(await requests('PATCH'), 'nothing written').to.have.length(patchesBefore);
      expect(await stored()).to.include({ outcome_name: 'Interested - A', webhook_url: WEBHOOK, order: 10 });

      // B reapplies the change on the current version: it goes through, and A's rename survives.
      const saved = await b.updateOutcomeType(INTERESTED, { webhookUrl: NEWER_WEBHOOK }, { expected: conflict.current });
      expect(saved).to.deep.include({ name: 'Interested - A', webhookUrl: NEWER_WEBHOOK });
      expect(await stored()).to.include({
        outcome_name: 'Interested - A',
        webhook_url: NEWER_WEBHOOK,
        order: 10,
        destination_type: 'smart_list',
        destination_id: FOLLOW_UP,
      });
    });

    it("B's destination change or ordinal-only move on an old copy is a conflict too", async () => {
      const { b, bCopy } = await bReadsThenARenames();
      for (const changes of [
        { destination: { type: 'smart_list', id: ACTIVE_LEADS } },
        { ordinal: 3 },
      ] satisfies Partial<OutcomeTypeInput>[]) {
        const conflict = await rejection(b.updateOutcomeType(INTERESTED, changes, { expected: bCopy }));
        expect(conflict.code).to.equal('conflict');
        expect(conflict.current?.name).to.equal('Interested - A');
      }
      expect(await requests('PATCH')).to.have.length(1);
      expect(await stored()).to.include({ outcome_name: 'Interested - A', order: 10, destination_id: FOLLOW_UP, webhook_url: WEBHOOK });

      const moved = await b.updateOutcomeType(INTERESTED, { ordinal: 3 }, { expected: (await b.listOutcomeTypes())[0] });
      expect(moved).to.deep.include({ name: 'Interested - A', ordinal: 3 });
      expect(await stored()).to.include({ outcome_name: 'Interested - A', order: 3, webhook_url: WEBHOOK });
    });

    it("A's newer webhook is never reverted by B's rename on an old copy", async () => {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes())[0]!;
      await a.updateOutcomeType(INTERESTED, { webhookUrl: NEWER_WEBHOOK });
      const conflict = await rejection(b.updateOutcomeType(INTERESTED, { name: 'Interested - B' }, { expected: bCopy }));
      expect(conflict.code).to.equal('conflict');
      expect(conflict.current?.webhookUrl).to.equal(NEWER_WEBHOOK);
      expect(await stored()).to.include({ outcome_name: 'Interested', webhook_url: NEWER_WEBHOOK });
      await b.updateOutcomeType(INTERESTED, { name: 'Interested - B' }, { expected: conflict.current });
      expect(await stored()).to.include({ outcome_name: 'Interested - B', webhook_url: NEWER_WEBHOOK });
    });

    it('without expected, an ordinal-only move resends the server’s current webhook and name, not the old copy’s', async () => {
      const a = admin();
      const b = admin();
      await b.listOutcomeTypes();
      await a.updateOutcomeType(INTERESTED, { name: 'Interested - A', webhookUrl: NEWER_WEBHOOK });
      const moved = await b.updateOutcomeType(INTERESTED, { ordinal: 4 });
      const [, patch] = await requests('PATCH');
      expect(patch!.path).to.equal(`${SAILOR_PATH}/${INTERESTED}`);
      expect(patch!.body).to.deep.equal({
        outcome_name: 'Interested - A',
        outcome_type: 'action',
        order: 4,
        destination_type: 'smart_list',
        destination_id: FOLLOW_UP,
        webhook_url: NEWER_WEBHOOK,
      });
      expect(moved).to.deep.include({ name: 'Interested - A', ordinal: 4, webhookUrl: NEWER_WEBHOOK });
      expect(await stored()).to.include({ outcome_name: 'Interested - A', order: 4, webhook_url: NEWER_WEBHOOK });
    });

    it('delete while editing: B’s update is not_found, nothing is re-created, and a second delete is not_found', async () => {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes())[0]!;
      await a.deleteOutcomeType(INTERESTED);
      const withExpected = await rejection(b.updateOutcomeType(INTERESTED, { name: 'Still here?' }, { expected: bCopy }));
      expect(withExpected.code).to.equal('not_found');
      const without = await rejection(b.updateOutcomeType(INTERESTED, { ordinal: 1 }));
      expect(without.code).to.equal('not_found');
      expect(await requests('PATCH')).to.deep.equal([]);
      expect(await requests('POST')).to.deep.equal([]);
      expect((await server.state()).outcomes).to.deep.equal([]);
      const again = await rejection(b.deleteOutcomeType(INTERESTED));
      expect(again).to.include({ code: 'not_found', status: 404 });
    });

    it('counts any resent field that differs as a conflict, also when the timestamps agree or are missing', async () => {
      const b = admin();
      const [current] = await b.listOutcomeTypes();
      const sameTime: OutcomeType = { ...current!, webhookUrl: 'https://example.com/older' };
      expect((await rejection(b.updateOutcomeType(INTERESTED, { ordinal: 2 }, { expected: sameTime }))).code).to.equal('conflict');
      const { updatedAt: _dropped, ...untimed } = current!;
      const noTime: OutcomeType = { ...untimed, destination: { type: 'none' } };
      expect((await rejection(b.updateOutcomeType(INTERESTED, { ordinal: 2 }, { expected: noTime }))).code).to.equal('conflict');
      expect(await requests('PATCH')).to.deep.equal([]);
      // The Smart List's display name is not part of what Sailor stores: no conflict over it.
      const renamedList: OutcomeType = { ...untimed, destination: { type: 'smart_list', id: FOLLOW_UP, name: 'Renamed list' } };
      expect(await b.updateOutcomeType(INTERESTED, { ordinal: 2 }, { expected: renamedList })).to.deep.include({ ordinal: 2 });
    });

    it('accepts its own earlier answer as expected, and keeps Smart Lists it wrote across the re-read', async () => {
      const b = admin();
      const created = await b.createOutcomeType({
        ...disposition('Drop', 40),
        destination: { type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS] },
      });
      const renamed = await b.updateOutcomeType(created.id, { name: 'Drop now' }, { expected: created });
      expect(renamed.destination).to.deep.equal({ type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS] });
      const moved = await b.updateOutcomeType(created.id, { ordinal: 41 }, { expected: renamed });
      expect(moved).to.deep.include({ name: 'Drop now', ordinal: 41 });
      expect((await stored(created.id))!.remove_from_smart_lists).to.deep.equal({ list_ids: [ACTIVE_LEADS] });
    });

    it('refuses to guess hidden Smart Lists another admin may have changed', async () => {
      const a = admin();
      const b = admin();
      const created = await b.createOutcomeType({
        ...disposition('Drop', 40),
        destination: { type: 'remove_from_smart_list', listIds: [ACTIVE_LEADS] },
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await a.listOutcomeTypes();
      await a.updateOutcomeType(created.id, { name: 'Drop (A)', destination: { type: 'remove_from_smart_list', all: true } });
      // A list answer does not say which lists A chose: B must not resend its own older ones.
      const refused = await rejection(b.updateOutcomeType(created.id, { ordinal: 41 }));
      expect(refused.code).to.equal('validation');
      expect(Object.keys(refused.fieldErrors)).to.deep.equal(['destination']);
      expect((await stored(created.id))!.remove_from_smart_lists).to.deep.equal({ all: true });
    });

    it('re-reads once for the updates asked for together (a reorder), each with the current values', async () => {
      const a = admin();
      const b = admin();
      const created = [];
      for (const [index, name] of ['One', 'Two', 'Three'].entries()) created.push(await b.createOutcomeType(disposition(name, 20 + index)));
      await a.updateOutcomeType(created[1]!.id, { name: 'Two (A)' });
      const getsBefore = (await requests('GET')).length;
      const moved = await Promise.all(created.map((outcome, index) => b.updateOutcomeType(outcome.id, { ordinal: 30 - index })));
      expect((await requests('GET')).length - getsBefore).to.equal(1);
      expect(moved.map((outcome) => [outcome.name, outcome.ordinal])).to.deep.equal([['One', 30], ['Two (A)', 29], ['Three', 28]]);
      expect((await stored(created[1]!.id))!.outcome_name).to.equal('Two (A)');
    });

    it('is aborted when the caller aborts, and writes nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(admin().updateOutcomeType(INTERESTED, { ordinal: 2 }, { signal: controller.signal }));
      expect(error.code).to.equal('aborted');
      expect(await requests('PATCH')).to.deep.equal([]);
    });
  });

  describe('Close (partial PUT, no conditional write, GET of one outcome)', () => {
    let server: Awaited<ReturnType<typeof seedServer<{ outcomes: CloseStored[] }>>>;
    const admin = () => new CloseAdapter({ baseUrl: server.url, apiKey: CLOSE_API_KEY, retryDelayMs: 1 });

    async function requests(method: string): Promise<LoggedRequest[]> {
      return (await server.log()).filter((entry) => entry.method === method);
    }

    async function stored(id = DEMO_BOOKED): Promise<CloseStored | undefined> {
      return (await server.state()).outcomes.find((outcome) => outcome.id === id);
    }

    before(async () => {
      server = await seedServer('close');
    });

    beforeEach(async () => {
      await server.reset();
    });

    it("B's rename on an old copy is a conflict carrying A's version; B's retry on it goes through", async () => {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes()).find((outcome) => outcome.id === DEMO_BOOKED)!;
      const renamed = await a.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Done' });

      const conflict = await rejection(b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Held' }, { expected: bCopy }));
      expect(conflict.code).to.equal('conflict');
      expect(conflict.current).to.deep.include({ id: DEMO_BOOKED, name: 'Demo Done', updatedAt: renamed.updatedAt });
      expect(await requests('PUT')).to.have.length(1);
      expect(await stored()).to.include({ name: 'Demo Done' });

      const saved = await b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Held' }, { expected: conflict.current });
      expect(saved.name).to.equal('Demo Held');
      expect(await stored()).to.include({ name: 'Demo Held' });
    });

    it("a description change on an old copy is a conflict too, and A's rename survives the retry", async () => {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes()).find((outcome) => outcome.id === DEMO_BOOKED)!;
      await a.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Done' });
      const conflict = await rejection(b.updateOutcomeType(DEMO_BOOKED, { description: 'B wrote this.' }, { expected: bCopy }));
      expect(conflict.code).to.equal('conflict');
      await b.updateOutcomeType(DEMO_BOOKED, { description: 'B wrote this.' }, { expected: conflict.current });
      expect(await stored()).to.include({ name: 'Demo Done', description: 'B wrote this.' });
    });

    it('setting a name back to its old value after another admin’s rename is sent, not taken for “no change”', async () => {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes()).find((outcome) => outcome.id === DEMO_BOOKED)!;
      await a.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Done' });

      // Without expected: last write wins, and it is written.
      const back = await b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Booked' });
      expect(back.name).to.equal('Demo Booked');
      expect((await requests('PUT')).map((entry) => entry.body)).to.deep.equal([{ name: 'Demo Done' }, { name: 'Demo Booked' }]);
      expect(await stored()).to.include({ name: 'Demo Booked' });

      // With expected: the old copy is a conflict; on the current version the name is sent.
      await a.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Done' });
      const conflict = await rejection(b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Booked' }, { expected: bCopy }));
      expect(conflict.code).to.equal('conflict');
      expect(conflict.current?.name).to.equal('Demo Done');
      await b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Booked' }, { expected: conflict.current });
      expect((await requests('PUT')).at(-1)!.body).to.deep.equal({ name: 'Demo Booked' });
      expect(await stored()).to.include({ name: 'Demo Booked' });
    });

    it('sends nothing when the server already holds the change', async () => {
      const a = admin();
      const b = admin();
      await b.listOutcomeTypes();
      await a.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Done' });
      const same = await b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Done' });
      expect(same.name).to.equal('Demo Done');
      expect(await requests('PUT')).to.have.length(1);
    });

    it('delete while editing: B’s update is not_found, nothing is re-created, and a second delete is not_found', async () => {
      const a = admin();
      const b = admin();
      const bCopy = (await b.listOutcomeTypes()).find((outcome) => outcome.id === NO_ANSWER)!;
      await a.deleteOutcomeType(NO_ANSWER);
      const withExpected = await rejection(b.updateOutcomeType(NO_ANSWER, { name: 'Still here?' }, { expected: bCopy }));
      expect(withExpected).to.include({ code: 'not_found', status: 404 });
      const without = await rejection(b.updateOutcomeType(NO_ANSWER, { description: 'x' }));
      expect(without.code).to.equal('not_found');
      expect(await requests('PUT')).to.deep.equal([]);
      expect(await requests('POST')).to.deep.equal([]);
      expect(await stored(NO_ANSWER)).to.equal(undefined);
      expect((await server.state()).outcomes).to.have.length(SEEDED_CLOSE - 1);
      expect(await rejection(b.deleteOutcomeType(NO_ANSWER))).to.include({ code: 'not_found', status: 404 });
    });

    it('compares the written fields when the timestamps agree or are missing', async () => {
      const b = admin();
      const current = await b.getOutcomeType(DEMO_BOOKED);
      const { updatedAt: _dropped, ...untimed } = current;
      const olderName: OutcomeType = { ...untimed, name: 'Demo Planned' };
      expect((await rejection(b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Held' }, { expected: olderName }))).code).to.equal('conflict');
      const sameTime: OutcomeType = { ...current, description: 'Older.' };
      expect((await rejection(b.updateOutcomeType(DEMO_BOOKED, { description: 'New.' }, { expected: sameTime }))).code).to.equal('conflict');
      // A field this update does not write, with no timestamp to go by: Close's PUT leaves it alone.
      const saved = await b.updateOutcomeType(DEMO_BOOKED, { name: 'Demo Held' }, { expected: { ...untimed, description: 'Older.' } });
      expect(saved.name).to.equal('Demo Held');
      expect(await requests('PUT')).to.have.length(1);
    });
  });
});
