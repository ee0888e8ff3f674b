// The list path of every HTTP adapter (issue 15, DESIGN: "every adapter's whole list path ≤ 3×
// JSON.parse of the same body"), run in the benchmark's Chromium page. Each backend's answer is
// made by its seed API's pure `handle` (test/servers/*-api.mjs, the code the test servers run)
// over a state of `count` items; every page's body is built once, before anything is timed, by a
// first list through a recording fetch. Timed: `listOutcomeTypes()` from call to resolved with a
// `fetch` that answers from those bodies; the same requests through the adapter's HTTP client and
// paging with no item read; reading those bodies alone (`Response.text()`); and `JSON.parse` of
// the same body texts (summed over the pages of a paged list).
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import { CloseAdapter } from '../../src/adapters/close/close-adapter.js';
import { GenesysAdapter } from '../../src/adapters/genesys/genesys-adapter.js';
import type { HttpBackend } from '../../src/adapters/http-adapter.js';
import type { HttpClient } from '../../src/adapters/http.js';
import { OutcomeTypesApiAdapter } from '../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import { SailorAdapter } from '../../src/adapters/sailor/sailor-adapter.js';
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import { sortQuickly } from '../../src/model/name-order.js';
import { compareOutcomeTypes } from '../../src/model/ordering.js';
import { seededRandom } from '../helpers/seeded-random.mjs';
import { api as closeApi, CLOSE_API_KEY } from '../../test/servers/close-api.mjs';
import { generatedCodes, api as genesysApi } from '../../test/servers/genesys-api.mjs';
import { api as outcomeTypesApi } from '../../test/servers/outcome-types-api.mjs';
import { api as sailorApi, TOKEN as SAILOR_TOKEN } from '../../test/servers/sailor-api.mjs';
import { api as taskResultsApi } from '../../test/servers/task-results-api.mjs';

const BASE_URL = 'https://api.bench.invalid';

type SeedApi = typeof closeApi;
/** A seed API's state, whose list this bench fills. */
type State = Record<string, unknown>;
const stateOf = (api: SeedApi) => api.createState() as State;

/**
 * One row of the list bench: a backend's seed API, its state holding `count` items, and its
 * adapter on a given fetch. Adding a backend is one entry here (and its name in run.mjs).
 */
interface ListBackend {
  api: SeedApi;
  /** Whether an answer is a page of the list, not a guess beyond its end (default: every answer). */
  holdsItems?(body: unknown): boolean;
  /** The seed API's state with `count` items of the shape its list answers with. */
  state(count: number): unknown;
  adapter(fetch: typeof globalThis.fetch): OutcomeAdapter;
}

/** A distinct instant per item, as real lists have (a shared one would flatter any cache). */
const at = (index: number, format: 'ms' | 'close' = 'ms') => {
  const iso = new Date(Date.UTC(2025, 0, 1) + index * 61_001).toISOString();
  return format === 'close' ? `${iso.slice(0, -1)}000+00:00` : iso;
};
const pad = (index: number) => String(index).padStart(5, '0');

export const LIST_BACKENDS: Record<string, ListBackend> = {
  'outcome-types': {
    api: outcomeTypesApi,
    state(count) {
      const state = stateOf(outcomeTypesApi);
      const classifications = ['positive', 'negative', 'neutral'];
      state.seeded = true;
      state.types = Array.from({ length: count }, (_, index) => ({
        id: `ot_${pad(index)}`,
        tenantId: 't_001',
        key: `outcome_${index}`,
        name: `Outcome ${pad(index)}`,
        description: index % 2 ? `Description of outcome ${index}` : '',
        classification: classifications[index % 3],
        category: index % 2 ? 'response' : 'impression',
        isSystem: index < 10,
        ordinal: index,
        status: 'active',
        createdAt: at(index),
        updatedAt: at(index + 7),
      }));
      return state;
    },
    adapter: (fetch) => new OutcomeTypesApiAdapter({ baseUrl: BASE_URL, token: 'editor-token', fetch }),
  },
  close: {
    api: closeApi,
    state(count) {
      const state = stateOf(closeApi);
      // Close has no order of its own: the list comes in creation order, shown by name.
      state.outcomes = Array.from({ length: count }, (_, index) => ({
        applies_to: index % 5 ? ['calls', 'meetings'] : ['calls'],
        created_by: 'user_A6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA',
        date_created: at(index, 'close'),
        date_updated: at(index + 7, 'close'),
        description: index % 3 ? `Description of outcome ${index}.` : null,
        id: `outcome_bench${pad(index)}`,
        name: `Outcome ${pad(index)}`,
        organization_id: 'orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH',
        type: index % 5 ? 'custom' : 'vm-dropped',
        updated_by: null,
      }));
      return state;
    },
    holdsItems: (body) => (body as { data: unknown[] }).data.length > 0,
    adapter: (fetch) => new CloseAdapter({ baseUrl: BASE_URL, apiKey: CLOSE_API_KEY, fetch }),
  },
  sailor: {
    api: sailorApi,
    state(count) {
      const state = stateOf(sailorApi);
      const kinds = ['disposition', 'disposition', 'action'];
      state.outcomes = Array.from({ length: count }, (_, index) => ({
        outcome_id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        outcome_name: `Outcome ${pad(index)}`,
        outcome_type: kinds[index % 3],
        order: index,
        destination_type: index % 4 === 0 ? 'smart_list' : 'none',
        destination_id: index % 4 === 0 ? '00000000-0000-4000-8000-000000000002' : null,
        remove_from_smart_lists: null,
        webhook_url: index % 3 === 2 ? 'https://example.com/sailor/outcomes' : null,
        created_at: at(index),
        updated_at: at(index + 7),
      }));
      return state;
    },
    adapter: (fetch) => new SailorAdapter({ baseUrl: BASE_URL, token: SAILOR_TOKEN, fetch }),
  },
  'task-results': {
    api: taskResultsApi,
    state(count) {
      const state = stateOf(taskResultsApi);
      state.configs = Array.from({ length: count }, (_, index) => ({
        code: `RESULT_${pad(index)}`,
        label: `Result ${pad(index)}`,
        requiresFutureScheduledAt: index % 7 === 0,
      }));
      return state;
    },
    adapter: (fetch) => new TaskResultTypeAdapter({ baseUrl: BASE_URL, apiKey: 'task-key', resultPath: (id) => `/api/integration/tasks/${id}/result`, fetch }),
  },
  genesys: {
    api: genesysApi,
    state(count) {
      const state = stateOf(genesysApi);
      state.codes = (generatedCodes(count) as Record<string, unknown>[]).map((code, index) => ({ ...code, dateCreated: at(index), dateModified: at(index + 7) }));
      // A token the server knows, valid for the whole run: the bench times the list, not OAuth.
      (state.tokens as Record<string, number>)['bench-token'] = Number.MAX_SAFE_INTEGER;
      return state;
    },
    holdsItems: (body) => (body as { entities?: unknown[] }).entities?.length !== 0,
    adapter: (fetch) => new GenesysAdapter({ baseUrl: BASE_URL, auth: { token: 'bench-token' }, fetch }),
  },
};

interface Prepared {
  backend: ListBackend;
  count: number;
  /** Encoded body of every URL the list asks for, built once. */
  bodies: Map<string, Uint8Array<ArrayBuffer>>;
  /** The pages of the list as text, in the order they were asked for: what JSON.parse is timed on. */
  texts: string[];
  /** The URLs of those pages: what the floor of a paged list asks for at once. */
  pages: string[];
}

const prepared = new Map<string, Prepared>();
const encoder = new TextEncoder();

/** A fetch answering from `bodies` (a URL not there is a bench bug), after `latencyMs` when given. */
function answering(bodies: Map<string, Uint8Array<ArrayBuffer>>, latencyMs = 0): typeof fetch {
  return async (input) => {
    const url = String(input);
    const body = bodies.get(url);
    if (!body) throw new Error(`bench: no body prepared for ${url}`);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}

/** Builds every body the list of `name` asks for, once, with the seed API's `handle`. */
async function prepareList(name: string, count: number): Promise<{ pages: number; bytes: number }> {
  const backend = LIST_BACKENDS[name]!;
  const state = backend.state(count);
  const bodies = new Map<string, Uint8Array<ArrayBuffer>>();
  const texts: string[] = [];
  const pages: string[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, header) => (headers[header.toLowerCase()] = value));
    const answer = backend.api.handle({ method: request.method, path: url.pathname, query: url.searchParams, headers, body: undefined, raw: '' }, state);
    if (!answer || answer.status !== 200) throw new Error(`bench: ${name} answered ${answer?.status} to ${request.url}`);
    const text = JSON.stringify(answer.body);
    bodies.set(request.url, encoder.encode(text));
    if (backend.holdsItems?.(answer.body) ?? true) {
      texts.push(text);
      pages.push(request.url);
    }
    return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const types = await backend.adapter(recording).listOutcomeTypes();
  if (types.length !== count) throw new Error(`bench: ${name} listed ${types.length} of ${count}`);
  prepared.set(name, { backend, count, bodies, texts, pages });
  return { pages: texts.length, bytes: texts.reduce((sum, text) => sum + text.length, 0) };
}

/** `listOutcomeTypes()` of a fresh adapter, call to resolved, in ms. */
async function listPath(name: string, latencyMs = 0): Promise<number> {
  const { backend, count, bodies } = prepared.get(name)!;
  const adapter = backend.adapter(answering(bodies, latencyMs));
  const start = performance.now();
  const types = await adapter.listOutcomeTypes();
  const elapsed = performance.now() - start;
  if (types.length !== count) throw new Error(`bench: ${name} listed ${types.length} of ${count}`);
  return elapsed;
}

/**
 * The list's requests alone, in ms: the same adapter's HTTP client and paging asking for the
 * same pages (each answer read, parsed and its envelope checked), no item read. What a paged
 * list pays per page beyond reading and parsing it: (requests − body read − JSON.parse).
 */
async function requestPath(name: string): Promise<number> {
  const { backend, bodies } = prepared.get(name)!;
  // The adapter's own parts (protected, read here and only here): what its list path uses.
  const { http, backend: described } = backend.adapter(answering(bodies)) as unknown as { http: HttpClient; backend: HttpBackend };
  const { list } = described;
  let items = 0;
  const take = (envelope: unknown) => {
    const count = list.items(envelope).length;
    items += count;
    return { count, advanced: true };
  };
  const start = performance.now();
  if (list.paging) await list.paging.read((query, signal) => http.send({ method: 'GET', path: list.path, query, signal }, list.envelope), { take, path: list.path });
  else take(await http.send({ method: 'GET', path: list.path }, list.envelope));
  const elapsed = performance.now() - start;
  if (items !== prepared.get(name)!.count) throw new Error(`bench: ${name}'s requests held ${items} items`);
  return elapsed;
}

/** JSON.parse of every body text the list asked for, in ms (the sum over the pages). */
function jsonParse(name: string): number {
  const { texts } = prepared.get(name)!;
  let parsed = 0;
  const start = performance.now();
  for (const text of texts) if (JSON.parse(text)) parsed++;
  const elapsed = performance.now() - start;
  if (parsed !== texts.length) throw new Error('bench: a body did not parse');
  return elapsed;
}

/**
 * Reading the list's bodies as the adapter does (`Response.text()`, every page at once), in ms:
 * the platform's part of the path, which any reader of the body pays before parsing it.
 */
async function bodyRead(name: string): Promise<number> {
  const { bodies, pages } = prepared.get(name)!;
  const fetchPage = answering(bodies);
  const start = performance.now();
  const texts = await Promise.all(pages.map(async (url) => (await fetchPage(url)).text()));
  const elapsed = performance.now() - start;
  if (texts.length !== pages.length) throw new Error('bench: a body was not read');
  return elapsed;
}

/**
 * The floor of a paged list at `latencyMs` per request: every page asked for at once (each
 * answering after `latencyMs`, from the same prebuilt bodies), then JSON.parse alone on each.
 */
async function pagedFloor(name: string, latencyMs: number): Promise<number> {
  const { bodies, pages } = prepared.get(name)!;
  const fetchPage = answering(bodies, latencyMs);
  const start = performance.now();
  await Promise.all(pages.map(async (url) => JSON.parse(await (await fetchPage(url)).text()) as unknown));
  return performance.now() - start;
}

/**
 * The mean of `reps` runs of one of the list measures, in ms: a short list is timed several
 * times over, as the page's clock counts in steps of 0.1 ms.
 */
async function repeated(what: 'listPath' | 'requestPath' | 'bodyRead' | 'jsonParse', name: string, reps: number): Promise<number> {
  let total = 0;
  for (let rep = 0; rep < reps; rep++) total += await { listPath, requestPath, bodyRead, jsonParse }[what](name);
  return total / reps;
}

const WORDS = ['Callback', 'voicemail', 'Demo', 'booked', 'Not', 'interested', 'Wrong', 'number', 'Left', 'message', 'Follow-up', 'Sale', 'closed', 'Busy', 'No', 'answer', "Don't", 'call', 'later', '(auto)'];

/**
 * `count` outcome types whose names are unrelated to their order, as a backend without an order
 * of its own (Close, Genesys) lists them: one to four words and a number, seeded, all at the
 * same ordinal — the name decides every comparison.
 */
function unorderedTypes(count: number): { id: string; ordinal: number; name: string }[] {
  const random = seededRandom(20261206);
  return Array.from({ length: count }, (_, index) => ({
    id: `outcome_${index}`,
    ordinal: 99,
    name: `${Array.from({ length: 1 + random(4) }, () => WORDS[random(WORDS.length)]).join(' ')} ${random(1000)}`,
  }));
}

/**
 * The canonical order of `count` such names, in ms: as adapters sort (`sortQuickly`, by name
 * keys) or by the collator's comparison (`compareOutcomeTypes`, as every adapter sorted before).
 */
function nameOrder(how: 'keys' | 'collator', count: number): number {
  const types = unorderedTypes(count);
  const start = performance.now();
  if (how === 'keys') sortQuickly(types, (type) => type);
  else types.sort(compareOutcomeTypes);
  const elapsed = performance.now() - start;
  for (let index = 1; index < types.length; index++) if (compareOutcomeTypes(types[index - 1]!, types[index]!) > 0) throw new Error(`bench: ${how} left the names out of order`);
  return elapsed;
}

export const listBench = { prepareList, listPath, requestPath, bodyRead, jsonParse, pagedFloor, repeated, nameOrder };
