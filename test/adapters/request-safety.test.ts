import { expect } from '@open-wc/testing';
import type { InvalidItemReport, OutcomeAdapter } from '../../src/adapters/adapter.js';
import { CloseAdapter } from '../../src/adapters/close/close-adapter.js';
import { GenesysAdapter } from '../../src/adapters/genesys/genesys-adapter.js';
import { HttpClient } from '../../src/adapters/http.js';
import { OutcomeTypesApiAdapter } from '../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import { SailorAdapter } from '../../src/adapters/sailor/sailor-adapter.js';
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import { seedServer } from '../helpers/seed-server.js';
import { rejection } from '../helpers/rejection.js';

// What every HTTP adapter shares (src/adapters/http.ts, http-adapter.ts): request targets that
// ids cannot move, credentials that stay out of URLs, headers and messages, tokens that refresh,
// and lists in which one id stands for one outcome type.

const servers = {
  outcomeTypes: await seedServer('outcome-types'),
  close: await seedServer('close'),
  sailor: await seedServer('sailor'),
  taskResults: await seedServer('task-results'),
  genesys: await seedServer('genesys'),
};

const SECRET = 's3cr3t-pw';
const resultPath = (id: string) => `/api/integration/tasks/${id}/result`;

type Server = (typeof servers)[keyof typeof servers];

interface Backend {
  name: string;
  server: Server;
  make(baseUrl: string, extra?: Record<string, unknown>): OutcomeAdapter;
}

const backends: Backend[] = [
  {
    name: 'outcome-types API',
    server: servers.outcomeTypes,
    make: (baseUrl, extra) => new OutcomeTypesApiAdapter({ baseUrl, token: 'editor-token', retryDelayMs: 1, ...extra }),
  },
  {
    name: 'Close',
    server: servers.close,
    make: (baseUrl, extra) => new CloseAdapter({ baseUrl, apiKey: 'api_close_test_key', retryDelayMs: 1, ...extra }),
  },
  {
    name: 'Sailor',
    server: servers.sailor,
    make: (baseUrl, extra) => new SailorAdapter({ baseUrl, token: 'sailor-test-token', retryDelayMs: 1, ...extra }),
  },
  {
    name: 'task results',
    server: servers.taskResults,
    make: (baseUrl, extra) => new TaskResultTypeAdapter({ baseUrl, apiKey: 'task-key', resultPath, retryDelayMs: 1, ...extra }),
  },
  {
    name: 'Genesys',
    server: servers.genesys,
    make: (baseUrl, extra) =>
      new GenesysAdapter({
        baseUrl,
        auth: { clientId: 'genesys-test-client', clientSecret: 'genesys-test-secret', tokenUrl: `${servers.genesys.url}/oauth/token` },
        retryDelayMs: 1,
        ...extra,
      }),
  },
];

const NOT_IDS = ['', '.', '..'];

describe('HTTP adapters: request safety', () => {
  beforeEach(() => Promise.all(Object.values(servers).map((server) => server.reset())));

  for (const backend of backends) {
    describe(backend.name, () => {
      it('refuses a baseUrl with credentials at construction, without echoing them', () => {
        const url = new URL(backend.server.url);
        url.username = 'admin';
        url.password = SECRET;
        let thrown: unknown;
        try {
          backend.make(url.href);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.instanceOf(TypeError);
        expect((thrown as Error).message).to.contain('credentials');
        expect((thrown as Error).message).not.to.contain(SECRET);
        expect(String((thrown as Error).cause ?? '')).not.to.contain(SECRET);
      });

      it('refuses a headers option that would replace its credentials', () => {
        for (const name of ['Authorization', 'authorization']) {
          expect(() => backend.make(backend.server.url, { headers: { [name]: 'Bearer other' } })).to.throw(TypeError, /must not set/);
        }
        expect(() => backend.make(backend.server.url, { headers: { 'X-Request-Id': 'r1' } })).not.to.throw();
      });

      it('lists with duplicate ids or keys keep the first and report the rest', async () => {
        const reports: InvalidItemReport[] = [];
        const adapter = backend.make(backend.server.url, { onInvalidItem: (report: InvalidItemReport) => reports.push(report) });
        const first = await adapter.listOutcomeTypes();
        await backend.server.faults({ kind: 'status', method: 'GET', status: 200, body: duplicateListOf(backend.name, await rawList(backend)) });
        const listed = await adapter.listOutcomeTypes();
        expect(listed.map((type) => type.id)).to.deep.equal(first.map((type) => type.id));
        expect(new Set(listed.map((type) => type.key)).size).to.equal(listed.length);
        expect(reports).to.have.length(1);
        expect(reports[0]!.message).to.contain('more than once');
      });
    });
  }

  describe('ids that would move the request target are refused before the wire', () => {
    const deleting: [string, Server, () => OutcomeAdapter][] = [
      ['outcome-types API', servers.outcomeTypes, () => backends[0]!.make(servers.outcomeTypes.url)],
      ['Close', servers.close, () => backends[1]!.make(servers.close.url)],
      ['Sailor', servers.sailor, () => backends[2]!.make(servers.sailor.url)],
      ['Genesys', servers.genesys, () => backends[4]!.make(servers.genesys.url)],
    ];
    for (const [name, server, make] of deleting) {
      it(`${name}: deleteOutcomeType and updateOutcomeType of "", "." and ".." send nothing`, async () => {
        const adapter = make();
        for (const id of NOT_IDS) {
          const deleted = await rejection(adapter.deleteOutcomeType!(id));
          expect(deleted.code, JSON.stringify(id)).to.equal('validation');
          expect(deleted.retryable).to.be.false;
          const updated = await rejection(adapter.updateOutcomeType!(id, { name: 'Renamed' }));
          expect(updated.code, JSON.stringify(id)).to.equal('validation');
        }
        expect(await server.log()).to.deep.equal([]);
      });
    }

    it('Close: getOutcomeType of ".." sends nothing', async () => {
      const error = await rejection(new CloseAdapter({ baseUrl: servers.close.url, apiKey: 'api_close_test_key' }).getOutcomeType('..'));
      expect(error.code).to.equal('validation');
      expect(await servers.close.log()).to.deep.equal([]);
    });

    it('task results: a subject id "." or ".." is never posted to another path', async () => {
      const adapter = backends[3]!.make(servers.taskResults.url) as TaskResultTypeAdapter;
      await adapter.listOutcomeTypes();
      for (const subjectId of ['.', '..']) {
        const error = await rejection(adapter.recordOutcome({ subjectId, outcomeKey: 'NO_CONTACT', source: 'agent' }, { idempotencyKey: `k-${subjectId}` }));
        expect(error.code).to.equal('validation');
      }
      expect((await servers.taskResults.log()).filter((entry) => entry.method === 'POST')).to.deep.equal([]);
    });

    it('the client refuses empty, dot and encoded-dot segments in any path, whoever built it', async () => {
      const client = new HttpClient({ baseUrl: servers.outcomeTypes.url }, { type: 'bearer', token: 'editor-token' });
      for (const path of ['/a/./b', '/a/../b', '/a//b', '/a/%2e%2E/b', '/a/.%2e', 'relative']) {
        const error = await rejection(client.request({ method: 'DELETE', path }));
        expect(error.code, path).to.equal('validation');
        expect(error.message).to.contain('Not sent');
      }
      expect(await servers.outcomeTypes.log()).to.deep.equal([]);
    });
  });

  describe('token providers', () => {
    const PATH = '/api/v1/outcome-types';

    it('a 401 asks the provider once more and retries once with the fresh token', async () => {
      const handed = ['expired-token', 'editor-token'];
      let asked = 0;
      const adapter = new OutcomeTypesApiAdapter({ baseUrl: servers.outcomeTypes.url, token: async () => handed[asked++]! });
      expect(await adapter.listOutcomeTypes()).to.have.length(10);
      expect(asked).to.equal(2);
      const log = await servers.outcomeTypes.log();
      expect(log.map((entry) => [entry.method, entry.path, entry.headers['authorization']])).to.deep.equal([
        ['GET', PATH, 'Bearer expired-token'],
        ['GET', PATH, 'Bearer editor-token'],
      ]);
      // The fresh token is kept: the next call asks the provider nothing.
      await adapter.listOutcomeTypes();
      expect(asked).to.equal(2);
    });

    it('a token still refused after its refresh fails as unauthorized: one refresh, one retry, no more', async () => {
      let asked = 0;
      const adapter = new OutcomeTypesApiAdapter({ baseUrl: servers.outcomeTypes.url, token: () => (asked++, 'expired-token') });
      const error = await rejection(adapter.listOutcomeTypes());
      expect(error).to.include({ code: 'unauthorized', status: 401 });
      expect(asked).to.equal(2);
      expect(await servers.outcomeTypes.log()).to.have.length(2);
    });

    it('concurrent requests refused with the same token share one refresh', async () => {
      const handed = ['expired-token', 'editor-token', 'viewer-token'];
      let asked = 0;
      const adapter = new OutcomeTypesApiAdapter({ baseUrl: servers.outcomeTypes.url, token: async () => handed[asked++]! });
      await Promise.all([adapter.listOutcomeTypes(), adapter.listOutcomeTypes(), adapter.listOutcomeTypes()]);
      expect(asked).to.equal(2);
      const tokens = (await servers.outcomeTypes.log()).map((entry) => entry.headers['authorization']);
      expect(tokens.filter((token) => token === 'Bearer editor-token')).to.have.length(3);
    });

    it('a provider that fails is unauthorized, nothing sent, and asked again next time', async () => {
      let asked = 0;
      const adapter = new OutcomeTypesApiAdapter({
        baseUrl: servers.outcomeTypes.url,
        token: async () => {
          asked++;
          if (asked === 1) throw new Error('identity provider down');
          return 'editor-token';
        },
      });
      const error = await rejection(adapter.listOutcomeTypes());
      expect(error.code).to.equal('unauthorized');
      expect(error.message).to.contain('identity provider down');
      expect(await servers.outcomeTypes.log()).to.deep.equal([]);
      expect(await adapter.listOutcomeTypes()).to.have.length(10);
    });

    it('Sailor takes a provider too', async () => {
      const handed = ['stale', 'sailor-test-token'];
      let asked = 0;
      const adapter = new SailorAdapter({ baseUrl: servers.sailor.url, token: () => handed[asked++]! });
      await adapter.listOutcomeTypes();
      expect(asked).to.equal(2);
    });
  });

  it('field paths of zod-style `details[].path` reach fieldErrors (outcome-types API, duplicate key)', async () => {
    const adapter = new OutcomeTypesApiAdapter({ baseUrl: servers.outcomeTypes.url, token: 'editor-token' });
    const create = () =>
      adapter.createOutcomeType({
        key: 'purchased', name: 'Purchased', description: '', classification: 'positive', category: 'response',
        kind: 'disposition', ordinal: 10, status: 'active', requiresFutureScheduledAt: false,
      });
    await create();
    // A second adapter does not know the key is taken, so only the server can say it.
    const fresh = new OutcomeTypesApiAdapter({ baseUrl: servers.outcomeTypes.url, token: 'editor-token' });
    const error = await rejection(
      fresh.createOutcomeType({
        key: 'purchased', name: 'Again', description: '', classification: 'positive', category: 'response',
        kind: 'disposition', ordinal: 11, status: 'active', requiresFutureScheduledAt: false,
      }),
    );
    expect(error).to.include({ code: 'validation', status: 400 });
    expect(error.fieldErrors).to.deep.equal({ key: 'key already exists' });
  });
});

/** The list as the server holds it, on the wire. */
async function rawList(backend: Backend): Promise<unknown> {
  const state = (await fetch(`${backend.server.url}/__control/state`).then((response) => response.json())) as Record<string, unknown[]>;
  switch (backend.name) {
    case 'outcome-types API':
      return state['types'];
    case 'Close':
      return { data: state['outcomes'], has_more: false };
    case 'Sailor':
      return { ok: true, outcomes: state['outcomes'], disposition_popup_enabled: true };
    case 'Genesys':
      return { entities: state['codes'], pageNumber: 1, pageCount: 1 };
    default:
      return state['configs'];
  }
}

/** The same list with one more item that repeats the first one's id (or, with an id of its own, its key). */
function duplicateListOf(name: string, list: unknown): unknown {
  const envelope = list as Record<string, unknown[]>;
  const items = (Array.isArray(list) ? list : (envelope['data'] ?? envelope['outcomes'] ?? envelope['entities'])) as Record<string, unknown>[];
  const first = items[0]!;
  // The outcome-types API has keys apart from ids: repeat the key under a new id.
  const repeat = name === 'outcome-types API' ? { ...first, id: 'ot_other', name: 'Second with the same key' } : { ...first, name: 'Second with the same id', label: 'Second' };
  const withRepeat = [...items, repeat];
  if (Array.isArray(list)) return withRepeat;
  const field = ['data', 'outcomes', 'entities'].find((name) => name in (list as object))!;
  return { ...(list as object), [field]: withRepeat };
}
