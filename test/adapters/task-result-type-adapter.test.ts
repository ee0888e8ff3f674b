import { expect } from '@open-wc/testing';
import type { InvalidItemReport } from '../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import {
  TaskResultTypeAdapter,
  type TaskResultTypeAdapterOptions,
} from '../../src/adapters/task-results/task-result-type-adapter.js';
import type { OutcomeRecord } from '../../src/model/types.js';
import { seedServer, type LoggedRequest } from '../helpers/seed-server.js';
import { rejection } from '../helpers/rejection.js';

interface StoredResult {
  id: string;
  task_id: string;
  result: string;
  future_scheduled_at?: string;
  created_at: string;
}

interface TaskResultsState {
  results: StoredResult[];
}

const CONFIGS_PATH = '/api/integration/task-result-type-configs';
const resultPath = (id: string) => `/api/integration/tasks/${id}/result`;


const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const submits = (log: LoggedRequest[]) => log.filter((request) => request.method === 'POST');
const gets = (log: LoggedRequest[]) => log.filter((request) => request.method === 'GET');

const record = (outcomeKey: string, extra: Partial<OutcomeRecord> = {}): OutcomeRecord => ({
  subjectId: 'task-1',
  outcomeKey,
  source: 'agent',
  ...extra,
});

describe('TaskResultTypeAdapter', () => {
  let server: Awaited<ReturnType<typeof seedServer<TaskResultsState>>>;
  let reports: InvalidItemReport[];

  function adapter(options: Partial<TaskResultTypeAdapterOptions> = {}) {
    return new TaskResultTypeAdapter({
      baseUrl: server.url,
      apiKey: 'task-key',
      resultPath,
      retryDelayMs: 1,
      onInvalidItem: (report) => reports.push(report),
      ...options,
    });
  }

  before(async () => {
    server = await seedServer<TaskResultsState>('task-results');
  });

  beforeEach(async () => {
    reports = [];
    await server.reset();
  });

  describe('listing', () => {
    it('lists the four configured result types of the seed, in order', async () => {
      const types = await adapter().listOutcomeTypes();
      expect(types.map((type) => type.key)).to.deep.equal(['SALE_COMPLETED', 'NOT_INTERESTED', 'RESCHEDULE', 'NO_CONTACT']);
      expect(types.map((type) => type.requiresFutureScheduledAt)).to.deep.equal([false, false, true, false]);
      expect(reports).to.be.empty;
    });

    it('keeps the tenant’s order through the canonical sort: the position becomes the ordinal', async () => {
      const types = await adapter().listOutcomeTypes();
      expect(types.map((type) => type.ordinal)).to.deep.equal([0, 1, 2, 3]);
      const { sortOutcomeTypes } = await import('../../src/model/ordering.js');
      expect(sortOutcomeTypes(types).map((type) => type.name)).to.deep.equal(['Venta completada', 'No interesado', 'Reprogramar visita', 'Sin contacto']);
    });

    it('maps code to id and key, label to name, with the fixed kind, status and isSystem', async () => {
      const [sale] = await adapter().listOutcomeTypes();
      expect(sale).to.deep.include({
        id: 'SALE_COMPLETED',
        key: 'SALE_COMPLETED',
        name: 'Venta completada',
        requiresFutureScheduledAt: false,
        kind: 'disposition',
        status: 'active',
        isSystem: false,
      });
      expect(sale!.extras).to.deep.equal({});
    });

    it('keeps fields the model has no place for as extras', async () => {
      await server.faults({
        kind: 'status',
        status: 200,
        path: CONFIGS_PATH,
        body: [{ code: 'CALLBACK', label: 'Llamar', requiresFutureScheduledAt: true, color: '#0a0', group: { id: 7 } }],
      });
      const [callback] = await adapter().listOutcomeTypes();
      expect(callback!.extras).to.deep.equal({ color: '#0a0', group: { id: 7 } });
      expect(callback!.requiresFutureScheduledAt).to.be.true;
    });

    it('sends the API key as x-api-key, and nothing as Authorization', async () => {
      await adapter().listOutcomeTypes();
      const [request] = await server.log();
      expect(request!.method).to.equal('GET');
      expect(request!.path).to.equal(CONFIGS_PATH);
      expect(request!.headers['x-api-key']).to.equal('task-key');
      expect(request!.headers['authorization']).to.be.undefined;
    });

    it('fails as unauthorized (401) with an unknown key, without retrying', async () => {
      const error = await rejection(adapter({ apiKey: 'wrong-key' }).listOutcomeTypes());
      expect(error.code).to.equal('unauthorized');
      expect(error.status).to.equal(401);
      expect(error.retryable).to.be.false;
      expect(await server.log()).to.have.length(1);
    });

    it('the server answers 401 to a request without the key (the seed), and the adapter refuses to be built without one', async () => {
      const response = await fetch(server.url + CONFIGS_PATH);
      expect(response.status).to.equal(401);
      expect(() => adapter({ apiKey: '' })).to.throw(TypeError);
    });

    it('fails as forbidden (403) with a key that lacks VIEW_ACTIVITIES', async () => {
      const error = await rejection(adapter({ apiKey: 'no-view-key' }).listOutcomeTypes());
      expect(error.code).to.equal('forbidden');
      expect(error.status).to.equal(403);
      expect(error.message).to.contain('VIEW_ACTIVITIES');
    });

    it('is read only: a viewer that can record, with the task-result field rules', () => {
      const { capabilities } = adapter();
      expect(capabilities).to.deep.include({ create: false, update: false, delete: false, record: true, role: 'viewer' });
      expect(Object.keys(capabilities.fields)).to.deep.equal(['key', 'name', 'requiresFutureScheduledAt']);
      expect(Object.values(capabilities.fields).every((rule) => !rule!.editable)).to.be.true;
      const instance = adapter() as unknown as Record<string, unknown>;
      expect(instance['createOutcomeType']).to.be.undefined;
      expect(instance['updateOutcomeType']).to.be.undefined;
      expect(instance['deleteOutcomeType']).to.be.undefined;
    });
  });

  describe('recordOutcome', () => {
    it('shows the label and sends the code, without a date for a code that needs none', async () => {
      const results = adapter();
      const types = await results.listOutcomeTypes();
      const sale = types.find((type) => type.name === 'Venta completada')!;
      const recorded = await results.recordOutcome(record(sale.key), { idempotencyKey: 'key-sale' });
      const [submit] = submits(await server.log());
      expect(submit!.path).to.equal('/api/integration/tasks/task-1/result');
      expect(submit!.body).to.deep.equal({ task_result: { result: 'SALE_COMPLETED' } });
      expect(submit!.headers['idempotency-key']).to.equal('key-sale');
      expect(submit!.headers['x-api-key']).to.equal('task-key');
      expect(submit!.headers['content-type']).to.contain('application/json');
      const { results: stored } = await server.state();
      expect(stored).to.have.length(1);
      expect(recorded).to.deep.equal({ ...record('SALE_COMPLETED'), id: stored[0]!.id, recordedAt: stored[0]!.created_at });
    });

    it('sends RESCHEDULE with its future date as future_scheduled_at', async () => {
      const when = inAnHour();
      const recorded = await adapter().recordOutcome(record('RESCHEDULE', { scheduledAt: when }), { idempotencyKey: 'key-re' });
      const [submit] = submits(await server.log());
      expect(submit!.body).to.deep.equal({ task_result: { result: 'RESCHEDULE', future_scheduled_at: when } });
      const { results: stored } = await server.state();
      expect(stored).to.deep.equal([
        { id: recorded.id, task_id: 'task-1', result: 'RESCHEDULE', future_scheduled_at: when, created_at: recorded.recordedAt },
      ]);
      expect(recorded.scheduledAt).to.equal(when);
    });

    it('loads the configured codes first when none were listed yet, then uses the last list', async () => {
      const results = adapter();
      await results.recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-a' });
      await results.recordOutcome(record('NOT_INTERESTED'), { idempotencyKey: 'key-b' });
      const log = await server.log();
      expect(log.map((request) => request.method)).to.deep.equal(['GET', 'POST', 'POST']);
    });

    describe('on a cold adapter (no list yet)', () => {
      it('100 concurrent records share one config GET, and each is stored once', async () => {
        const results = adapter();
        const keys = ['SALE_COMPLETED', 'NOT_INTERESTED', 'NO_CONTACT'];
        const recorded = await Promise.all(
          Array.from({ length: 100 }, (_, index) =>
            results.recordOutcome(record(keys[index % keys.length]!, { subjectId: `task-${index}` }), { idempotencyKey: `key-${index}` }),
          ),
        );
        const log = await server.log();
        expect(gets(log)).to.have.length(1);
        expect(submits(log)).to.have.length(100);
        const { results: stored } = await server.state();
        expect(stored.map((result) => result.task_id).sort()).to.deep.equal(recorded.map((result) => result.subjectId).sort());
        expect(new Set(stored.map((result) => result.task_id)).size).to.equal(100);
      });

      it('a failed config load is not kept: the next record loads again and is sent', async () => {
        const results = adapter({ retries: 0 });
        await server.faults({ kind: 'status', method: 'GET', status: 503, body: { error: 'Service unavailable' } });
        const [first, second] = await Promise.all([
          rejection(results.recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-1' })),
          rejection(results.recordOutcome(record('NO_CONTACT', { subjectId: 'task-2' }), { idempotencyKey: 'key-2' })),
        ]);
        expect([first.code, second.code]).to.deep.equal(['server', 'server']);
        expect(gets(await server.log()), 'both waited on one GET').to.have.length(1);
        await results.recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-1' });
        const log = await server.log();
        expect(gets(log)).to.have.length(2);
        expect(submits(log)).to.have.length(1);
        expect((await server.state()).results).to.have.length(1);
      });

      it('one caller aborting stops only its own wait: the shared load and the other records go on', async () => {
        const results = adapter();
        await server.faults({ kind: 'delay', method: 'GET', ms: 200 });
        const controller = new AbortController();
        const aborted = rejection(results.recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-a', signal: controller.signal }));
        const others = ['key-b', 'key-c'].map((key, index) =>
          results.recordOutcome(record('SALE_COMPLETED', { subjectId: `task-${index + 2}` }), { idempotencyKey: key }),
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        controller.abort();
        expect((await aborted).code).to.equal('aborted');
        expect(await Promise.all(others)).to.have.length(2);
        const log = await server.log();
        expect(gets(log)).to.have.length(1);
        expect(submits(log).map((request) => request.headers['idempotency-key'])).to.have.members(['key-b', 'key-c']);
        expect((await server.state()).results).to.have.length(2);
      });

      it('a record whose signal is already aborted sends nothing, not even the config GET', async () => {
        const controller = new AbortController();
        controller.abort();
        const error = await rejection(adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-x', signal: controller.signal }));
        expect(error.code).to.equal('aborted');
        expect(await server.log()).to.be.empty;
      });
    });

    it('does not send notes: the seed has no field for them', async () => {
      await adapter().recordOutcome(record('NO_CONTACT', { notes: 'left a message' }), { idempotencyKey: 'key-n' });
      const [submit] = submits(await server.log());
      expect(submit!.body).to.deep.equal({ task_result: { result: 'NO_CONTACT' } });
    });

    it('URL-encodes the subject id before the host path function places it', async () => {
      const recorded = await adapter().recordOutcome(record('NO_CONTACT', { subjectId: 'T 42/ñ?x' }), { idempotencyKey: 'key-enc' });
      const [submit] = submits(await server.log());
      expect(submit!.path).to.equal('/api/integration/tasks/T%2042%2F%C3%B1%3Fx/result');
      const { results: stored } = await server.state();
      expect(stored[0]!.task_id).to.equal('T 42/ñ?x');
      expect(recorded.subjectId).to.equal('T 42/ñ?x');
    });

    it('accepts an empty answer: the idempotency key becomes the id, now the time', async () => {
      await adapter().listOutcomeTypes();
      await server.faults({ kind: 'status', status: 204, method: 'POST' });
      const before = Date.now();
      const recorded = await adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-empty' });
      expect(recorded.id).to.equal('key-empty');
      expect(Date.parse(recorded.recordedAt)).to.be.within(before, Date.now());
    });

    it('takes id and time from an answer that echoes them under task_result', async () => {
      await server.faults({
        kind: 'status',
        status: 200,
        method: 'POST',
        body: { task_result: { id: 'r-9', result: 'NO_CONTACT', recorded_at: '2026-05-01T10:00:00Z' } },
      });
      const recorded = await adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-echo' });
      expect(recorded.id).to.equal('r-9');
      expect(recorded.recordedAt).to.equal('2026-05-01T10:00:00Z');
    });

    it('maps a refusal of the server (400) to validation with canonical field names', async () => {
      await server.faults({
        kind: 'status',
        status: 400,
        method: 'POST',
        body: { error: 'Validation error', fieldErrors: { 'task_result.result': 'unknown code' } },
      });
      const error = await rejection(adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-400' }));
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal({ outcomeKey: 'unknown code' });
      expect(submits(await server.log())).to.have.length(1);
    });
  });

  describe('refused before the wire', () => {
    async function refused(bad: OutcomeRecord, field: string): Promise<OutcomeAdapterError> {
      const results = adapter();
      await results.listOutcomeTypes();
      const error = await rejection(results.recordOutcome(bad, { idempotencyKey: 'key-bad' }));
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.have.property(field);
      expect(submits(await server.log())).to.be.empty;
      return error;
    }

    it('an unknown code', async () => {
      const error = await refused(record('SOLD'), 'outcomeKey');
      expect(error.fieldErrors['outcomeKey']).to.equal('is not a configured result code');
    });

    it('a label instead of its code', async () => {
      const error = await refused(record('Venta completada'), 'outcomeKey');
      expect(error.fieldErrors['outcomeKey']).to.contain('SALE_COMPLETED');
    });

    it('a code that requires a date, without one', async () => {
      const error = await refused(record('RESCHEDULE'), 'scheduledAt');
      expect(error.fieldErrors['scheduledAt']).to.equal('is required for this result');
    });

    it('a code that requires a future date, with a past one', async () => {
      const error = await refused(record('RESCHEDULE', { scheduledAt: anHourAgo() }), 'scheduledAt');
      expect(error.fieldErrors['scheduledAt']).to.equal('must be in the future');
    });

    it('a date for a code that takes none', async () => {
      const error = await refused(record('SALE_COMPLETED', { scheduledAt: inAnHour() }), 'scheduledAt');
      expect(error.fieldErrors['scheduledAt']).to.equal('is not used by this result');
    });

    it('a date that is not ISO-8601', async () => {
      await refused(record('RESCHEDULE', { scheduledAt: 'tomorrow' }), 'scheduledAt');
    });

    it('a record without a subject, or a call without an idempotency key', async () => {
      await refused(record('NO_CONTACT', { subjectId: '' }), 'subjectId');
      const error = await rejection(adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: '' }));
      expect(error.code).to.equal('validation');
      expect(submits(await server.log())).to.be.empty;
    });

    it('an unknown code before any list: the list is loaded, the record still not sent', async () => {
      const error = await rejection(adapter().recordOutcome(record('SOLD'), { idempotencyKey: 'key-x' }));
      expect(error.code).to.equal('validation');
      const log = await server.log();
      expect(gets(log)).to.have.length(1);
      expect(submits(log)).to.be.empty;
    });
  });

  describe('faults', () => {
    it('a submit whose answer is lost is retried with the same key and stored exactly once', async () => {
      await server.faults({ kind: 'lose-answer', method: 'POST' });
      const recorded = await adapter().recordOutcome(record('RESCHEDULE', { scheduledAt: inAnHour() }), { idempotencyKey: 'key-lost' });
      const posts = submits(await server.log());
      expect(posts).to.have.length(2);
      expect(posts.map((request) => request.headers['idempotency-key'])).to.deep.equal(['key-lost', 'key-lost']);
      const { results: stored } = await server.state();
      expect(stored).to.have.length(1);
      expect(recorded.id).to.equal(stored[0]!.id);
    });

    it('a reset connection is retried, for the list and for a submit', async () => {
      await server.faults({ kind: 'reset', method: 'GET' }, { kind: 'reset', method: 'POST' });
      const results = adapter();
      expect(await results.listOutcomeTypes()).to.have.length(4);
      await results.recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-reset' });
      const log = await server.log();
      expect(log.map((request) => request.method)).to.deep.equal(['GET', 'GET', 'POST', 'POST']);
      expect((await server.state()).results).to.have.length(1);
    });

    it('a connection reset on every attempt is a retryable network error', async () => {
      // Chromium itself may resend once on a reused keep-alive socket, so more resets are queued
      // than the adapter's three attempts need, and the log is checked for at least those three.
      await server.faults({ kind: 'reset', times: 10 });
      const error = await rejection(adapter().listOutcomeTypes());
      expect(error.code).to.equal('network');
      expect(error.retryable).to.be.true;
      expect((await server.log()).length).to.be.at.least(3);
    });

    it('a stalled server is a timeout', async () => {
      await server.faults({ kind: 'stall' });
      const error = await rejection(adapter({ timeoutMs: 150, retries: 0 }).listOutcomeTypes());
      expect(error.code).to.equal('timeout');
      expect(error.retryable).to.be.true;
    });

    it('a 429 with Retry-After is waited out and retried', async () => {
      await server.faults({ kind: 'status', status: 429, headers: { 'Retry-After': '0' }, body: { error: 'Too many requests' } });
      expect(await adapter().listOutcomeTypes()).to.have.length(4);
      expect(gets(await server.log())).to.have.length(2);
    });

    it('a 429 that persists is rate_limited, with the wait it asked for', async () => {
      await server.faults({ kind: 'status', status: 429, times: 3, headers: { 'Retry-After': '0' } });
      const error = await rejection(adapter().listOutcomeTypes());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfterMs).to.equal(0);
      expect(error.status).to.equal(429);
    });

    it('a 429 asking for longer than the cap fails at once', async () => {
      await server.faults({ kind: 'status', status: 429, headers: { 'Retry-After': '120' } });
      const error = await rejection(adapter({ maxRetryAfterMs: 1000 }).listOutcomeTypes());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfterMs).to.equal(120_000);
      expect(await server.log()).to.have.length(1);
    });

    it('a 500 is retried', async () => {
      await server.faults({ kind: 'status', status: 500, body: { error: 'boom' } });
      expect(await adapter().listOutcomeTypes()).to.have.length(4);
      expect(gets(await server.log())).to.have.length(2);
    });

    it('a 503 on every attempt is a retryable server error', async () => {
      await server.faults({ kind: 'status', status: 503, times: 3, body: { error: 'Service unavailable' } });
      const error = await rejection(adapter().listOutcomeTypes());
      expect(error.code).to.equal('server');
      expect(error.status).to.equal(503);
      expect(error.retryable).to.be.true;
    });

    it('a 503 on a submit is retried with the same key and stored once', async () => {
      await adapter().listOutcomeTypes();
      await server.faults({ kind: 'status', status: 503, method: 'POST' });
      await adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-503' });
      const posts = submits(await server.log());
      expect(posts.map((request) => request.headers['idempotency-key'])).to.deep.equal(['key-503', 'key-503']);
      expect((await server.state()).results).to.have.length(1);
    });

    it('a list body that is not JSON is bad_response', async () => {
      await server.faults({ kind: 'raw', body: '<html>maintenance</html>' });
      const error = await rejection(adapter().listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.retryable).to.be.false;
    });

    it('a submit answered with a body that is not JSON is bad_response', async () => {
      await adapter().listOutcomeTypes();
      await server.faults({ kind: 'raw', method: 'POST', body: 'OK' });
      const error = await rejection(adapter().recordOutcome(record('NO_CONTACT'), { idempotencyKey: 'key-raw' }));
      expect(error.code).to.equal('bad_response');
    });

    it('a list of the wrong shape is bad_response naming the request and the failing path', async () => {
      await server.faults({ kind: 'status', status: 200, body: { configs: [] } });
      const error = await rejection(adapter().listOutcomeTypes());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain(`GET ${CONFIGS_PATH}`);
      expect(error.message).to.match(/\$: /);
    });

    it('a bad item in a good list is left out and reported', async () => {
      await server.faults({
        kind: 'status',
        status: 200,
        body: [
          { code: 'SALE_COMPLETED', label: 'Venta completada', requiresFutureScheduledAt: false },
          { code: 'BROKEN', label: 'Roto', requiresFutureScheduledAt: 'yes' },
          { label: 'Sin código', requiresFutureScheduledAt: false },
          { code: 'SALE_COMPLETED', label: 'Otra vez', requiresFutureScheduledAt: false },
          { code: 'NO_CONTACT', label: 'Sin contacto', requiresFutureScheduledAt: false },
        ],
      });
      const types = await adapter().listOutcomeTypes();
      expect(types.map((type) => type.key)).to.deep.equal(['SALE_COMPLETED', 'NO_CONTACT']);
      expect(reports.map((report) => report.index)).to.deep.equal([1, 2, 3]);
      expect(reports[0]!.source).to.equal(`GET ${CONFIGS_PATH}`);
      expect(reports[0]!.message).to.contain('$[1].requiresFutureScheduledAt');
      expect(reports[1]!.message).to.contain('$[2].code');
      expect(reports[2]!.message).to.contain('more than once');
    });

    it('a caller abort is aborted, not retried', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(adapter().listOutcomeTypes({ signal: controller.signal }));
      expect(error.code).to.equal('aborted');
      expect(await server.log()).to.be.empty;
    });
  });
});
