// seeds/task-result-type-configs.txt as a pure API (no Node imports: task-results-server.mjs
// serves it, stories/support/stand-in-fetch.ts answers it in a page): the configs list behind
// `x-api-key` with the documented 401 and 403, and a submit route the seed does not document
// (chosen here: POST /api/integration/tasks/{id}/result) that accepts only configured codes,
// wants a future date for the codes that require one, and de-duplicates by Idempotency-Key.
import { idMaker, requireJson } from './api-kit.mjs';

const CONFIGS_PATH = '/api/integration/task-result-type-configs';
const SUBMIT_PATH = /^\/api\/integration\/tasks\/([^/]+)\/result$/;

/** Keys and their permissions: the second is valid but may not view activities (→ 403). */
export const KEYS = {
  'task-key': ['VIEW_ACTIVITIES'],
  'no-view-key': [],
};

/** The four example configs of the seed, as its "Response 200 OK" shows them. */
const CONFIGS = [
  { code: 'SALE_COMPLETED', label: 'Venta completada', requiresFutureScheduledAt: false },
  { code: 'NOT_INTERESTED', label: 'No interesado', requiresFutureScheduledAt: false },
  { code: 'RESCHEDULE', label: 'Reprogramar visita', requiresFutureScheduledAt: true },
  { code: 'NO_CONTACT', label: 'Sin contacto', requiresFutureScheduledAt: false },
];

function createState() {
  return { configs: structuredClone(CONFIGS), results: [], idempotency: {}, nextId: idMaker('tr_') };
}

const bad = (message, fieldErrors) => ({ status: 400, body: { error: 'Validation error', message, fieldErrors } });

/** The field errors of a submit body, keyed by wire path. */
function checkTaskResult(taskResult, configs) {
  if (!taskResult || typeof taskResult !== 'object') return { task_result: 'task_result is required' };
  const config = configs.find((candidate) => candidate.code === taskResult.result);
  if (!config) return { 'task_result.result': `result must be one of: ${configs.map((c) => c.code).join(', ')}` };
  if (config.requiresFutureScheduledAt) {
    const when = typeof taskResult.future_scheduled_at === 'string' ? Date.parse(taskResult.future_scheduled_at) : Number.NaN;
    if (Number.isNaN(when)) return { 'task_result.future_scheduled_at': `future_scheduled_at is required for ${config.code}` };
    if (when <= Date.now()) return { 'task_result.future_scheduled_at': 'future_scheduled_at must be in the future' };
  }
  return {};
}

function submit(request, state, taskId) {
  const { error, body } = requireJson(request);
  if (error) return error;
  const key = request.headers['idempotency-key'];
  const fingerprint = JSON.stringify({ taskId, body });
  const replay = key ? state.idempotency[key] : undefined;
  if (replay) {
    if (replay.fingerprint !== fingerprint) return { status: 409, body: { error: 'Idempotency-Key reused with a different body' } };
    return replay.answer;
  }
  const errors = checkTaskResult(body?.task_result, state.configs);
  if (Object.keys(errors).length) return bad('Invalid task result.', errors);
  const { result, future_scheduled_at } = body.task_result;
  const stored = {
    id: state.nextId(),
    task_id: taskId,
    result,
    ...(future_scheduled_at === undefined ? {} : { future_scheduled_at }),
    created_at: new Date().toISOString(),
  };
  state.results.push(stored);
  const answer = { status: 201, body: stored };
  if (key) state.idempotency[key] = { fingerprint, answer };
  return answer;
}

function handle(request, state) {
  const submitMatch = SUBMIT_PATH.exec(request.path);
  if (request.path !== CONFIGS_PATH && !submitMatch) return undefined;
  const permissions = KEYS[String(request.headers['x-api-key'] ?? '')];
  if (!permissions) return { status: 401, body: { error: 'API key missing or invalid' } };
  if (request.path === CONFIGS_PATH) {
    if (request.method !== 'GET') return { status: 405, body: { error: 'Method not allowed' } };
    if (!permissions.includes('VIEW_ACTIVITIES')) {
      return { status: 403, body: { error: 'The key does not have the VIEW_ACTIVITIES permission' } };
    }
    return { status: 200, body: state.configs };
  }
  if (request.method !== 'POST') return { status: 405, body: { error: 'Method not allowed' } };
  return submit(request, state, decodeURIComponent(submitMatch[1]));
}

/** What createSeedServer serves and stories/support/stand-in-fetch.ts answers in the page. */
export const api = { name: 'task-results', createState, handle };
