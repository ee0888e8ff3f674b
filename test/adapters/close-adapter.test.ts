import { expect } from '@open-wc/testing';
import { CloseAdapter, type CloseAdapterOptions } from '../../src/adapters/close/close-adapter.js';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import { PAGES_IN_FLIGHT } from '../../src/adapters/paging.js';
import { CLOSE_RULES } from '../../src/adapters/rules.js';
import type { OutcomeTypeInput } from '../../src/model/types.js';
import { seedServer, type LoggedRequest } from '../helpers/seed-server.js';
import { rejection } from '../helpers/rejection.js';

// Must match test/servers/close-server.mjs (a Node module, so not importable here).
const API_KEY = 'api_close_test_key';
const BASIC = `Basic ${btoa(`${API_KEY}:`)}`;
const DEMO_BOOKED = 'outcome_03oUxZfoO6e2vHmcz1DiHR';
const VOICEMAIL = 'outcome_030Xl5QwKi7tPRLRtnuef3';
const NO_ANSWER = 'outcome_generated00000002';
const SEEDED = 7;
const COLLECTION = '/api/v1/outcome/';

interface CloseOutcomeWire {
  id: string;
  name: string;
  description: string | null;
  type: string;
  applies_to: string[];
  [field: string]: unknown;
}

interface CloseState {
  outcomes: CloseOutcomeWire[];
}

type Server = Awaited<ReturnType<typeof seedServer<CloseState>>>;


const notInterested: OutcomeTypeInput = {
  name: 'Not Interested Today',
  description: 'Prospect declined our offer',
  classification: 'negative',
  category: 'response',
  kind: 'disposition',
  ordinal: 3,
  status: 'active',
  requiresFutureScheduledAt: false,
};

function wireOutcome(overrides: Partial<CloseOutcomeWire> = {}): CloseOutcomeWire {
  return {
    id: 'outcome_fault0001',
    name: 'From a fault',
    description: 'Injected.',
    type: 'custom',
    applies_to: ['calls', 'meetings'],
    date_created: '2025-07-29T10:30:00.000000+00:00',
    date_updated: '2025-07-29T10:30:00.000000+00:00',
    ...overrides,
  };
}

describe('CloseAdapter', () => {
  let server: Server;
  let reports: InvalidItemReport[];

  function close(options: Partial<CloseAdapterOptions> = {}) {
    return new CloseAdapter({
      baseUrl: server.url,
      apiKey: API_KEY,
      retryDelayMs: 1,
      onInvalidItem: (report) => reports.push(report),
      ...options,
    });
  }

  async function requests(method?: string, path?: string): Promise<LoggedRequest[]> {
    const log = await server.log();
    return log.filter((entry) => (!method || entry.method === method) && (!path || entry.path === path));
  }

  async function stored(id: string): Promise<CloseOutcomeWire[]> {
    return (await server.state()).outcomes.filter((outcome) => outcome.id === id);
  }

  before(async () => {
    server = await seedServer<CloseState>('close');
  });

  beforeEach(async () => {
    reports = [];
    await server.reset();
  });

  describe('capabilities and options', () => {
    it('creates, updates and deletes, records through withRecorder only, with Close’s field rules', () => {
      expect(close().capabilities).to.deep.equal({
        create: true,
        update: true,
        delete: true,
        record: false,
        role: 'editor',
        fields: CLOSE_RULES.fields,
        crossField: [],
      });
      expect(close({ role: 'viewer' }).capabilities.role).to.equal('viewer');
    });

    it('needs an API key', () => {
      expect(() => close({ apiKey: '' })).to.throw(TypeError, /apiKey/);
    });
  });

  describe('listing (GET /api/v1/outcome/)', () => {
    it('asks for 100 per page by default, with Basic auth (key as user name, empty password) and Accept', async () => {
      const outcomes = await close().listOutcomeTypes();
      expect(outcomes).to.have.length(SEEDED);
      const [list, ...more] = await requests();
      expect(more).to.have.length(0);
      expect(list!.method).to.equal('GET');
      expect(list!.path).to.equal(COLLECTION);
      expect(list!.query).to.deep.equal({ _limit: '100', _skip: '0' });
      expect(list!.headers['authorization']).to.equal(BASIC);
      expect(list!.headers['accept']).to.equal('application/json');
      expect(list!.headers['content-type']).to.equal(undefined);
    });

    it('reads every page through _limit, _skip and has_more', async () => {
      const outcomes = await close({ pageSize: 2 }).listOutcomeTypes();
      expect(outcomes).to.have.length(SEEDED);
      expect(new Set(outcomes.map((outcome) => outcome.id)).size).to.equal(SEEDED);
      const skips = (await requests('GET', COLLECTION)).map((page) => Number(page.query['_skip']));
      // Each page once; beyond the last (has_more: false at _skip=6) only guesses made before it came.
      expect(skips.filter((skip) => skip < SEEDED).sort((a, b) => a - b)).to.deep.equal([0, 2, 4, 6]);
      expect(skips.filter((skip) => skip >= SEEDED).every((skip) => skip % 2 === 0 && skip <= 6 + 2 * 7)).to.be.true;
      expect((await requests('GET', COLLECTION)).every((page) => page.query['_limit'] === '2')).to.be.true;
    });

    describe('pages in flight', () => {
      async function addOutcomes(count: number): Promise<void> {
        const adapter = close();
        for (let index = 0; index < count; index++) await adapter.createOutcomeType({ ...notInterested, name: `Added ${index}` });
      }

      it('asks for 8 pages at once after the first, hands them on in order, and stops at has_more: false', async () => {
        await addOutcomes(5);
        const total = SEEDED + 5;
        // The page at _skip=2 is held back longest, so later pages are answered first; it and the
        // page at _skip=9 carry the same id. Every other page is held a little, so that pages
        // asked for together are seen together by the server.
        await server.faults(
          { kind: 'status', method: 'GET', query: { _skip: '2' }, ms: 400, status: 200, body: { data: [wireOutcome({ id: 'outcome_twice', name: 'Early' })], has_more: true } },
          { kind: 'status', method: 'GET', query: { _skip: '9' }, status: 200, body: { data: [wireOutcome({ id: 'outcome_twice', name: 'Late' })], has_more: true } },
          { kind: 'delay', method: 'GET', path: COLLECTION, ms: 150, times: 40 },
        );
        const outcomes = await close({ pageSize: 1 }).listOutcomeTypes();
        expect(outcomes).to.have.length(total - 1);
        expect(outcomes.find((outcome) => outcome.id === 'outcome_twice')?.name).to.equal('Early');
        expect(reports.map((report) => [report.source, report.index])).to.deep.equal([[`GET ${COLLECTION}?_skip=9`, 0]]);
        expect(reports[0]!.message).to.contain('more than once');
        const log = await requests('GET', COLLECTION);
        const skips = log.map((page) => Number(page.query['_skip']));
        for (let skip = 0; skip < total; skip++) expect(skips.filter((each) => each === skip), `_skip=${skip}`).to.have.length(1);
        // Guesses past the end: at most the rest of the last round, which asks for at most as many
        // pages as the rounds before it plus 7 (1 + 8 + 16 = 25, then 32): under 2 × total + 8.
        expect(Math.max(...skips)).to.be.below(2 * total + PAGES_IN_FLIGHT);
        expect(log[0]!.inFlight).to.equal(1);
        // 8 in flight in the adapter; Chromium opens at most 6 connections to one host over HTTP/1.1.
        expect(Math.max(...log.map((page) => page.inFlight))).to.be.at.least(6);
      });

      it('a rate limit on pages in the middle of a round waits its Retry-After and the list still arrives whole, in order, each page once', async () => {
        await addOutcomes(20);
        const total = SEEDED + 20;
        // Rounds of 1, 8, 16…: the 4th page twice refused, the 13th once, each asking for a pause.
        await server.faults(
          { kind: 'status', method: 'GET', query: { _skip: '3' }, times: 2, status: 429, headers: { 'Retry-After': '0.05' }, body: { error: 'Too many requests' } },
          { kind: 'status', method: 'GET', query: { _skip: '12' }, status: 429, headers: { 'Retry-After': '0' }, body: { error: 'Too many requests' } },
        );
        const outcomes = await close({ pageSize: 1 }).listOutcomeTypes();
        expect(outcomes).to.have.length(total);
        expect(new Set(outcomes.map((outcome) => outcome.id)).size).to.equal(total);
        expect(reports).to.deep.equal([]);
        const skips = (await requests('GET', COLLECTION)).map((page) => Number(page.query['_skip']));
        for (let skip = 0; skip < total; skip++) {
          const expected = skip === 3 ? 3 : skip === 12 ? 2 : 1;
          expect(skips.filter((each) => each === skip), `_skip=${skip}`).to.have.length(expected);
        }
      });

      it('hands on nothing past the page that says has_more: false', async () => {
        await server.faults({ kind: 'status', method: 'GET', query: { _skip: '4' }, status: 200, body: { data: [wireOutcome()], has_more: false } });
        const outcomes = await close({ pageSize: 1 }).listOutcomeTypes();
        expect(outcomes).to.have.length(5);
        expect(outcomes.map((outcome) => outcome.id)).to.include('outcome_fault0001');
      });

      it('fails as bad_response naming the page when one page of many is malformed', async () => {
        await addOutcomes(5);
        await server.faults({ kind: 'status', method: 'GET', query: { _skip: '3' }, status: 200, body: { data: 'nope', has_more: true } });
        const error = await rejection(close({ pageSize: 1 }).listOutcomeTypes());
        expect(error.code).to.equal('bad_response');
        expect(error.retryable).to.be.false;
        expect(error.message).to.contain('_skip=3').and.to.contain('$.data');
      });

      it('asks again from where a short page really ended, so no outcome is skipped', async () => {
        await server.faults({ kind: 'status', method: 'GET', query: { _skip: '0' }, status: 200, body: { data: [wireOutcome()], has_more: true } });
        const outcomes = await close({ pageSize: 2 }).listOutcomeTypes();
        expect(outcomes.map((outcome) => outcome.id)).to.include('outcome_fault0001');
        expect(outcomes).to.have.length(SEEDED);
        const skips = (await requests('GET', COLLECTION)).map((page) => Number(page.query['_skip']));
        expect(skips).to.include.members([0, 1, 3, 5]);
      });
    });

    it('returns the canonical order: ordinal (all 99 on Close), then name', async () => {
      const names = (await close({ pageSize: 3 }).listOutcomeTypes()).map((outcome) => outcome.name);
      expect(names).to.deep.equal([
        'Callback Requested',
        'Demo Booked',
        'Left Pre-Recorded Voicemail',
        'No Answer',
        'Not Interested',
        'Qualified',
        'Wrong Number',
      ]);
    });

    it('maps the seed’s custom outcome: id as key, applies_to, dates, unknown fields to extras, canonical defaults', async () => {
      const outcomes = await close().listOutcomeTypes();
      expect(outcomes.find((outcome) => outcome.id === DEMO_BOOKED)).to.deep.equal({
        id: DEMO_BOOKED,
        key: DEMO_BOOKED,
        name: 'Demo Booked',
        description: 'Prospect is qualified and booked a demo of our software.',
        classification: 'neutral',
        category: 'response',
        kind: 'disposition',
        ordinal: 99,
        status: 'active',
        isSystem: false,
        requiresFutureScheduledAt: false,
        appliesTo: ['calls', 'meetings'],
        createdAt: '2025-07-29T10:30:00.000000+00:00',
        updatedAt: '2025-07-29T10:30:00.000000+00:00',
        extras: {
          created_by: 'user_A6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA',
          organization_id: 'orga_AbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH',
          updated_by: 'user_A6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA',
        },
      });
    });

    it('maps vm-dropped to autoAppliedOn voicemail-drop, and a null description to ""', async () => {
      const outcomes = await close().listOutcomeTypes();
      const voicemail = outcomes.find((outcome) => outcome.id === VOICEMAIL)!;
      expect(voicemail.autoAppliedOn).to.equal('voicemail-drop');
      expect(voicemail.appliesTo).to.deep.equal(['calls']);
      const noAnswer = outcomes.find((outcome) => outcome.id === NO_ANSWER)!;
      expect(noAnswer.description).to.equal('');
      expect(noAnswer).not.to.have.property('autoAppliedOn');
      expect(noAnswer.extras).to.include({ updated_by: null });
    });

    it('keeps any field it does not know in extras, and reads a missing type, applies_to and dates', async () => {
      const { id: _id, type: _type, applies_to: _appliesTo, ...rest } = wireOutcome();
      await server.faults({
        kind: 'status',
        status: 200,
        body: { data: [{ ...rest, id: 'outcome_minimal', color: 'blue', sort: { weight: 2 } }], has_more: false },
      });
      const [outcome] = await close().listOutcomeTypes();
      expect(outcome!.extras).to.deep.equal({ color: 'blue', sort: { weight: 2 } });
      expect(outcome).not.to.have.property('appliesTo');
      expect(outcome).not.to.have.property('autoAppliedOn');
    });

    it('leaves a malformed item out and reports it through onInvalidItem, keeping the good ones', async () => {
      await server.faults({
        kind: 'status',
        status: 200,
        body: {
          data: [
            wireOutcome(),
            { id: 'outcome_nameless', type: 'custom' },
            wireOutcome({ id: 'outcome_badtype', type: 'sms' }),
            wireOutcome({ id: 'outcome_second', name: 'Second' }),
          ],
          has_more: false,
        },
      });
      const outcomes = await close().listOutcomeTypes();
      expect(outcomes.map((outcome) => outcome.id)).to.deep.equal(['outcome_fault0001', 'outcome_second']);
      expect(reports.map((report) => report.index)).to.deep.equal([1, 2]);
      expect(reports[0]!.message).to.contain('$[1].name');
      expect(reports[1]!.message).to.contain('$[2].type');
      expect(reports[0]!.source).to.equal('GET /api/v1/outcome/?_skip=0');
      expect(reports[1]!.item).to.include({ id: 'outcome_badtype' });
    });

    it('fails as bad_response naming the path when the envelope has the wrong shape', async () => {
      await server.faults({ kind: 'status', status: 200, body: { data: 'nope', has_more: false } });
      const error = await rejection(close().listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('$.data');
      expect(error.retryable).to.be.false;

      await server.faults({ kind: 'status', status: 200, body: { data: [] } });
      expect((await rejection(close().listOutcomeTypes())).message).to.contain('$.has_more');
    });

    it('fails as bad_response, without retrying, when the body is not JSON', async () => {
      await server.faults({ kind: 'raw', status: 200, body: '<html>maintenance</html>' });
      const error = await rejection(close().listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('not JSON');
      expect(await requests('GET')).to.have.length(1);
    });
  });

  describe('the test server', () => {
    it('supports _fields on the list', async () => {
      const response = await fetch(`${server.url}${COLLECTION}?_fields=id,name&_limit=1`, { headers: { Authorization: BASIC } });
      expect(await response.json()).to.deep.equal({ data: [{ id: DEMO_BOOKED, name: 'Demo Booked' }], has_more: true });
    });
  });

  describe('a has_more that never ends', () => {
    it('stops at an empty page that still announces more', async () => {
      await server.faults({ kind: 'status', status: 200, body: { data: [], has_more: true }, times: 50 });
      const error = await rejection(close().listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('has_more').and.to.contain('empty');
      expect(await requests('GET')).to.have.length(1);
    });

    it('stops when a server ignoring _skip sends the same page again', async () => {
      await server.faults({ kind: 'status', status: 200, body: { data: [wireOutcome()], has_more: true }, times: 50 });
      const error = await rejection(close().listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('repeated');
      // The first page, then at most the 8 asked for at once after it.
      expect((await requests('GET')).length).to.be.within(2, 9);
    });

    it('stops after an absurd number of pages', async () => {
      const error = await rejection(close({ pageSize: 1, maxPages: 3 }).listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('more than 3 pages');
      expect(await requests('GET')).to.have.length(3);
    });
  });

  describe('fetching one (GET /api/v1/outcome/{id}/)', () => {
    it('fetches and maps one outcome', async () => {
      const outcome = await close().getOutcomeType(VOICEMAIL);
      expect(outcome).to.include({ id: VOICEMAIL, key: VOICEMAIL, name: 'Left Pre-Recorded Voicemail', autoAppliedOn: 'voicemail-drop' });
      const [request] = await requests();
      expect(request!.path).to.equal(`/api/v1/outcome/${VOICEMAIL}/`);
      expect(request!.headers['authorization']).to.equal(BASIC);
    });

    it('is not_found (404) for an unknown id, with Close’s message', async () => {
      const error = await rejection(close().getOutcomeType('outcome_missing'));
      expect(error).to.include({ code: 'not_found', status: 404, retryable: false });
      expect(error.message).to.contain('does not exist');
      expect(await requests()).to.have.length(1);
    });

    it('fails as bad_response naming the path when one outcome has the wrong shape', async () => {
      await server.faults({ kind: 'status', status: 200, body: { id: VOICEMAIL, name: 42 } });
      const error = await rejection(close().getOutcomeType(VOICEMAIL));
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('$.name');
    });
  });

  describe('authentication', () => {
    it('is unauthorized (401) with a wrong key, not retried, and never shows the key', async () => {
      const error = await rejection(close({ apiKey: 'api_wrong_key' }).listOutcomeTypes());
      expect(error).to.include({ code: 'unauthorized', status: 401, retryable: false });
      expect(error.message).to.contain('API key');
      expect(error.message).not.to.contain('api_wrong_key');
      expect(await requests()).to.have.length(1);
    });

    it('the test server answers 401 with an error body when Authorization is missing', async () => {
      const response = await fetch(`${server.url}${COLLECTION}`);
      expect(response.status).to.equal(401);
      expect(await response.json()).to.have.property('error').that.is.a('string');
    });
  });

  describe('creating (POST /api/v1/outcome/)', () => {
    it('sends only name, description and type as JSON, and stores the outcome once', async () => {
      const created = await close().createOutcomeType(notInterested);
      const [post, ...more] = await requests('POST');
      expect(more).to.have.length(0);
      expect(post!.path).to.equal(COLLECTION);
      expect(post!.body).to.deep.equal({ name: 'Not Interested Today', description: 'Prospect declined our offer', type: 'custom' });
      expect(post!.headers['content-type']).to.equal('application/json');
      expect(post!.headers['accept']).to.equal('application/json');
      expect(post!.headers['authorization']).to.equal(BASIC);
      expect(post!.headers).not.to.have.property('idempotency-key');
      expect(created).to.include({ name: 'Not Interested Today', key: created.id, classification: 'neutral', ordinal: 99 });
      expect(created.appliesTo).to.deep.equal(['calls', 'meetings']);
      expect(await stored(created.id)).to.have.length(1);
      expect((await server.state()).outcomes).to.have.length(SEEDED + 1);
    });

    it('sends type vm-dropped for autoAppliedOn voicemail-drop; Close derives applies_to', async () => {
      const created = await close().createOutcomeType({ ...notInterested, autoAppliedOn: 'voicemail-drop' });
      const [post] = await requests('POST');
      expect(post!.body).to.deep.equal({ ...{ name: notInterested.name, description: notInterested.description }, type: 'vm-dropped' });
      expect(created.autoAppliedOn).to.equal('voicemail-drop');
      expect(created.appliesTo).to.deep.equal(['calls']);
      expect((await stored(created.id))[0]).to.include({ type: 'vm-dropped' });
    });

    it('never sends invalid input: a blank name, an unknown autoAppliedOn, or appliesTo (read only)', async () => {
      const adapter = close();
      const blank = await rejection(adapter.createOutcomeType({ ...notInterested, name: '  ' }));
      expect(blank.code).to.equal('validation');
      expect(blank.fieldErrors).to.have.property('name');
      const badType = await rejection(adapter.createOutcomeType({ ...notInterested, autoAppliedOn: 'sms' as never }));
      expect(badType.fieldErrors).to.have.property('autoAppliedOn');
      const appliesTo = await rejection(adapter.createOutcomeType({ ...notInterested, appliesTo: ['calls'] }));
      expect(appliesTo.fieldErrors).to.have.property('appliesTo');
      expect(await requests()).to.have.length(0);
      expect((await server.state()).outcomes).to.have.length(SEEDED);
    });

    it('maps Close’s 400 field-errors to canonical names (type → autoAppliedOn)', async () => {
      await server.faults({
        kind: 'status',
        status: 400,
        body: { error: '', errors: [], 'field-errors': { name: 'This field is required.', type: '"sms" is not a valid choice.' } },
      });
      const error = await rejection(close().createOutcomeType(notInterested));
      expect(error).to.include({ code: 'validation', status: 400, retryable: false });
      expect(error.fieldErrors).to.deep.equal({ name: 'This field is required.', autoAppliedOn: '"sms" is not a valid choice.' });
      expect(error.message).to.contain('name: This field is required.');
    });

    it('the test server answers 400 with field-errors for a missing name or a bad type', async () => {
      const post = (body: unknown) =>
        fetch(`${server.url}${COLLECTION}`, {
          method: 'POST',
          headers: { Authorization: BASIC, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const missing = await post({ description: 'x' });
      expect(missing.status).to.equal(400);
      expect((await missing.json())['field-errors']).to.have.property('name');
      const badType = await post({ name: 'x', type: 'sms' });
      expect(badType.status).to.equal(400);
      expect((await badType.json())['field-errors']).to.have.property('type');
    });

    it('does not retry a POST (Close has no idempotency key): a 500 fails at once, nothing stored', async () => {
      await server.faults({ kind: 'status', method: 'POST', status: 500, body: { error: 'Internal error' } });
      const error = await rejection(close().createOutcomeType(notInterested, { idempotencyKey: 'ignored' }));
      expect(error).to.include({ code: 'server', status: 500, retryable: true });
      expect(await requests('POST')).to.have.length(1);
      expect((await server.state()).outcomes).to.have.length(SEEDED);
    });

    it('does not retry a POST on 503', async () => {
      await server.faults({ kind: 'status', method: 'POST', status: 503, body: { error: 'Unavailable' } });
      expect((await rejection(close().createOutcomeType(notInterested))).code).to.equal('server');
      expect(await requests('POST')).to.have.length(1);
      expect((await server.state()).outcomes).to.have.length(SEEDED);
    });

    it('does not retry a POST on a reset connection', async () => {
      // Chromium itself resends a request, POST included, once when a reused keep-alive
      // connection closes before any answer; the adapter must add no attempt of its own.
      await server.faults({ kind: 'reset', method: 'POST', times: 2 });
      expect((await rejection(close().createOutcomeType(notInterested))).code).to.equal('network');
      expect((await requests('POST')).length).to.be.within(1, 2);
      expect((await server.state()).outcomes).to.have.length(SEEDED);
    });

    it('stores a create whose answer was lost exactly once (no blind retry)', async () => {
      await server.faults({ kind: 'lose-answer', method: 'POST' });
      const error = await rejection(close().createOutcomeType(notInterested));
      expect(error.code).to.equal('network');
      expect(await requests('POST')).to.have.length(1);
      const copies = (await server.state()).outcomes.filter((outcome) => outcome.name === notInterested.name);
      expect(copies).to.have.length(1);
    });
  });

  describe('updating (PUT /api/v1/outcome/{id}/)', () => {
    it('re-reads the one outcome right before writing, and sends only the changed fields', async () => {
      const adapter = close();
      await adapter.listOutcomeTypes();
      const updated = await adapter.updateOutcomeType(DEMO_BOOKED, {
        name: 'Demo Scheduled',
        description: 'Prospect is qualified and booked a demo of our software.',
        classification: 'positive',
      });
      const log = await requests();
      expect(log.map((entry) => `${entry.method} ${entry.path}`)).to.deep.equal([
        `GET ${COLLECTION}`,
        `GET /api/v1/outcome/${DEMO_BOOKED}/`,
        `PUT /api/v1/outcome/${DEMO_BOOKED}/`,
      ]);
      expect(log[2]!.body).to.deep.equal({ name: 'Demo Scheduled' });
      expect(log[2]!.headers['content-type']).to.equal('application/json');
      expect(log[2]!.headers['authorization']).to.equal(BASIC);
      expect(updated.name).to.equal('Demo Scheduled');
      const [row, ...more] = await stored(DEMO_BOOKED);
      expect(more).to.have.length(0);
      expect(row).to.include({ name: 'Demo Scheduled', type: 'custom' });
      expect((await server.state()).outcomes).to.have.length(SEEDED);
    });

    it('fetches the outcome first also when it was never listed', async () => {
      await close().updateOutcomeType(NO_ANSWER, { description: 'Nobody picked up.' });
      const log = await requests();
      expect(log.map((entry) => `${entry.method} ${entry.path}`)).to.deep.equal([
        `GET /api/v1/outcome/${NO_ANSWER}/`,
        `PUT /api/v1/outcome/${NO_ANSWER}/`,
      ]);
      expect(log[1]!.body).to.deep.equal({ description: 'Nobody picked up.' });
    });

    it('turns voicemail-drop on and off through type; applies_to follows on the server', async () => {
      const adapter = close();
      const on = await adapter.updateOutcomeType(NO_ANSWER, { autoAppliedOn: 'voicemail-drop' });
      expect(on.autoAppliedOn).to.equal('voicemail-drop');
      expect(on.appliesTo).to.deep.equal(['calls']);
      const off = await adapter.updateOutcomeType(NO_ANSWER, { autoAppliedOn: undefined });
      expect(off).not.to.have.property('autoAppliedOn');
      expect(off.appliesTo).to.deep.equal(['calls', 'meetings']);
      const puts = await requests('PUT');
      expect(puts.map((put) => put.body)).to.deep.equal([{ type: 'vm-dropped' }, { type: 'custom' }]);
    });

    it('sends nothing when nothing changes', async () => {
      const adapter = close();
      const [first] = await adapter.listOutcomeTypes();
      const same = await adapter.updateOutcomeType(first!.id, { name: first!.name, ordinal: 5 });
      expect(same).to.deep.equal(first);
      expect(await requests('PUT')).to.have.length(0);
    });

    it('never sends an invalid change: a blank name or appliesTo', async () => {
      const adapter = close();
      await adapter.listOutcomeTypes();
      const blank = await rejection(adapter.updateOutcomeType(DEMO_BOOKED, { name: '' }));
      expect(blank.code).to.equal('validation');
      expect(blank.fieldErrors).to.have.property('name');
      const appliesTo = await rejection(adapter.updateOutcomeType(DEMO_BOOKED, { appliesTo: ['calls'] }));
      expect(appliesTo.fieldErrors).to.have.property('appliesTo');
      expect(await requests('PUT')).to.have.length(0);
    });

    it('is not_found for an unknown id, and sends no PUT', async () => {
      const error = await rejection(close().updateOutcomeType('outcome_missing', { name: 'X' }));
      expect(error).to.include({ code: 'not_found', status: 404 });
      expect(await requests('PUT')).to.have.length(0);
    });

    it('retries a PUT that failed with 503 (PUT is idempotent), storing the change once', async () => {
      const adapter = close();
      await adapter.listOutcomeTypes();
      await server.faults({ kind: 'status', method: 'PUT', status: 503, body: { error: 'Unavailable' } });
      const updated = await adapter.updateOutcomeType(DEMO_BOOKED, { name: 'Later' });
      expect(updated.name).to.equal('Later');
      expect(await requests('PUT')).to.have.length(2);
      expect((await stored(DEMO_BOOKED))[0]!.name).to.equal('Later');
    });

    it('gives up on a PUT that keeps failing, leaving the stored outcome as it was', async () => {
      const adapter = close();
      await adapter.listOutcomeTypes();
      await server.faults({ kind: 'status', method: 'PUT', status: 503, times: 3, body: { error: 'Unavailable' } });
      const error = await rejection(adapter.updateOutcomeType(DEMO_BOOKED, { name: 'Later' }));
      expect(error).to.include({ code: 'server', status: 503 });
      expect(await requests('PUT')).to.have.length(3);
      expect((await stored(DEMO_BOOKED))[0]!.name).to.equal('Demo Booked');
    });
  });

  describe('deleting (DELETE /api/v1/outcome/{id}/)', () => {
    it('deletes the outcome on the server', async () => {
      const adapter = close();
      await adapter.deleteOutcomeType(DEMO_BOOKED);
      const [request] = await requests('DELETE');
      expect(request!.path).to.equal(`/api/v1/outcome/${DEMO_BOOKED}/`);
      expect(request!.headers['authorization']).to.equal(BASIC);
      expect(await stored(DEMO_BOOKED)).to.have.length(0);
      expect((await rejection(adapter.getOutcomeType(DEMO_BOOKED))).code).to.equal('not_found');
    });

    it('accepts a 204 with no body', async () => {
      await server.faults({ kind: 'status', method: 'DELETE', status: 204 });
      await close().deleteOutcomeType(DEMO_BOOKED);
      expect(await requests('DELETE')).to.have.length(1);
    });

    it('counts a retried DELETE that finds 404 after a lost answer as done, deleting once', async () => {
      await server.faults({ kind: 'lose-answer', method: 'DELETE' });
      await close().deleteOutcomeType(DEMO_BOOKED);
      expect(await requests('DELETE')).to.have.length(2);
      expect(await stored(DEMO_BOOKED)).to.have.length(0);
      expect((await server.state()).outcomes).to.have.length(SEEDED - 1);
    });

    it('is not_found for an id that never existed', async () => {
      const error = await rejection(close().deleteOutcomeType('outcome_missing'));
      expect(error).to.include({ code: 'not_found', status: 404 });
      expect(await requests('DELETE')).to.have.length(1);
    });
  });

  describe('the viewer role', () => {
    it('reads, but refuses every write before sending it', async () => {
      const viewer = close({ role: 'viewer' });
      expect(await viewer.listOutcomeTypes()).to.have.length(SEEDED);
      expect((await rejection(viewer.createOutcomeType(notInterested))).code).to.equal('forbidden');
      expect((await rejection(viewer.updateOutcomeType(DEMO_BOOKED, { name: 'X' }))).code).to.equal('forbidden');
      expect((await rejection(viewer.deleteOutcomeType(DEMO_BOOKED))).code).to.equal('forbidden');
      expect((await requests()).map((entry) => entry.method)).to.deep.equal(['GET']);
    });
  });

  describe('faults on reads', () => {
    it('retries a reset connection and succeeds', async () => {
      // Two resets: Chromium may absorb one by resending on a reused keep-alive connection, so
      // only a retry of the adapter's own gets past both.
      await server.faults({ kind: 'reset', method: 'GET', times: 2 });
      expect(await close().listOutcomeTypes()).to.have.length(SEEDED);
      expect(await requests('GET')).to.have.length(3);
    });

    it('is network when the connection resets on every attempt', async () => {
      await server.faults({ kind: 'reset', method: 'GET', times: 20 });
      const error = await rejection(close().listOutcomeTypes());
      expect(error).to.include({ code: 'network', retryable: true });
      // Three attempts (retries: 2); Chromium itself may resend once per attempt (see above).
      expect((await requests('GET')).length).to.be.within(3, 6);
    });

    it('times out on a stalled answer, and succeeds when a retry is answered', async () => {
      await server.faults({ kind: 'stall', method: 'GET' });
      const error = await rejection(close({ timeoutMs: 200, retries: 0 }).listOutcomeTypes());
      expect(error).to.include({ code: 'timeout', retryable: true });

      await server.faults({ kind: 'stall', method: 'GET' });
      expect(await close({ timeoutMs: 200 }).listOutcomeTypes()).to.have.length(SEEDED);
    });

    it('honours Retry-After on 429 and succeeds', async () => {
      await server.faults({ kind: 'status', method: 'GET', status: 429, headers: { 'Retry-After': '0' }, body: { error: 'Too many requests' } });
      expect(await close().listOutcomeTypes()).to.have.length(SEEDED);
      expect(await requests('GET')).to.have.length(2);
    });

    it('is rate_limited at once when Retry-After asks for longer than the cap', async () => {
      await server.faults({ kind: 'status', method: 'GET', status: 429, headers: { 'Retry-After': '120' }, body: { error: 'Too many requests' } });
      const error = await rejection(close().listOutcomeTypes());
      expect(error).to.include({ code: 'rate_limited', status: 429, retryAfterMs: 120_000, retryable: true });
      expect(await requests('GET')).to.have.length(1);
    });

    it('retries 500 and then 503 on a GET and succeeds', async () => {
      await server.faults(
        { kind: 'status', method: 'GET', status: 500, body: { error: 'Internal error' } },
        { kind: 'status', method: 'GET', status: 503, body: { error: 'Unavailable' } },
      );
      expect(await close().getOutcomeType(VOICEMAIL)).to.include({ id: VOICEMAIL });
      expect(await requests('GET')).to.have.length(3);
    });

    it('retries a 503 on a later page at the same _skip', async () => {
      // The first fault only lets the first page through (after 1 ms), so the 503 hits the second.
      await server.faults({ kind: 'status', method: 'GET', query: { _skip: '4' }, status: 503, body: { error: 'Unavailable' } });
      expect(await close({ pageSize: 4 }).listOutcomeTypes()).to.have.length(SEEDED);
      expect((await requests('GET')).filter((entry) => entry.query['_skip'] === '4')).to.have.length(2);
    });

    it('is server when a GET keeps failing with 500', async () => {
      await server.faults({ kind: 'status', method: 'GET', status: 500, body: { error: 'Internal error' }, times: 3 });
      const error = await rejection(close().listOutcomeTypes());
      expect(error).to.include({ code: 'server', status: 500, retryable: true });
      expect(error.message).to.contain('Internal error');
      expect(await requests('GET')).to.have.length(3);
    });

    it('is aborted when the caller aborts', async () => {
      const controller = new AbortController();
      controller.abort();
      expect((await rejection(close().listOutcomeTypes({ signal: controller.signal }))).code).to.equal('aborted');
    });
  });
});
