// seeds/sailor-phone-system-outcomes.txt as a pure API (no Node imports: sailor-server.mjs serves
// it, stories/support/stand-in-fetch.ts answers it in a page): /phone-system/outcomes with the
// `ok` envelope, Bearer auth, every row of the seed's validation table, idempotency keys and
// PATCH as a full replacement.
//
// Where the seed is silent, this server decides (the adapter must cope with each choice):
// - Errors: `{ ok: false, error, message, field_errors: { <wire field>: message } }`;
//   invalid_outcome is HTTP 400, destination_not_found 404, unknown outcome ids 404 `not_found`,
//   a missing or wrong token 401 `unauthorized`.
// - Create answers 201 `{ ok: true, outcome }`, update 200 `{ ok: true, outcome }`, delete 200
//   `{ ok: true }`. An outcome is shown as in the seed's list example: `destination` is
//   `{ destination_type, destination_id, destination_name }` for smart_list and null otherwise,
//   `webhook_url` is null when there is none, and `remove_from_smart_lists` is stored but never
//   shown (list and write answers alike) — the case the adapter must not erase on update.
// - PATCH replaces the configuration: whatever is not sent is cleared (order → 0, webhook_url,
//   destination_id and remove_from_smart_lists → null).
// - Idempotency-Key (optional): the same key with the same method, path and body replays the
//   first successful answer without doing anything again; the same key with anything else is
//   409 `idempotency_key_reused`. Failed requests are not remembered, so they can be retried.
// - disposition_popup_enabled is true exactly when at least one disposition exists.

const BASE = '/phone-system/outcomes';
export const TOKEN = 'sailor-test-token';
/** The Smart Lists of the workspace; any other id is `destination_not_found`. */
export const SMART_LISTS = {
  '00000000-0000-4000-8000-000000000002': 'Follow up',
  '00000000-0000-4000-8000-000000000010': 'Active leads',
  '00000000-0000-4000-8000-000000000011': 'Nurture',
};
const OUTCOME_TYPES = ['action', 'disposition'];
const DESTINATION_TYPES = ['none', 'smart_list', 'remove_from_smart_list'];
const SEED_TIME = '2026-06-25T00:00:00.000Z';

function createState() {
  return {
    nextId: 1,
    // The seed's list example.
    outcomes: [
      {
        outcome_id: '00000000-0000-4000-8000-000000000001',
        outcome_name: 'Interested',
        outcome_type: 'action',
        order: 10,
        destination_type: 'smart_list',
        destination_id: '00000000-0000-4000-8000-000000000002',
        remove_from_smart_lists: null,
        webhook_url: 'https://example.com/sailor/outcomes',
        created_at: SEED_TIME,
        updated_at: SEED_TIME,
      },
    ],
    idempotency: {},
  };
}

function newId(state) {
  return `00000000-0000-4000-9000-${String(state.nextId++).padStart(12, '0')}`;
}

const failure = (status, error, message, extra = {}) => ({ status, body: { ok: false, error, message, ...extra } });

function show(stored) {
  const { remove_from_smart_lists: _hidden, destination_id: destinationId, ...shown } = stored;
  return {
    ...shown,
    destination:
      stored.destination_type === 'smart_list'
        ? { destination_type: 'smart_list', destination_id: destinationId, destination_name: SMART_LISTS[destinationId] ?? null }
        : null,
  };
}

function isHttpUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const present = (value) => value !== undefined && value !== null;

/** Every row of the seed's validation table but the last; field errors keyed by wire name. */
function invalidFields(body) {
  const errors = {};
  const name = body.outcome_name;
  if (typeof name !== 'string' || [...name].length < 1 || [...name].length > 120) {
    errors.outcome_name = 'outcome_name must be 1-120 characters.';
  }
  if (!OUTCOME_TYPES.includes(body.outcome_type)) errors.outcome_type = 'outcome_type must be action or disposition.';
  if (present(body.order) && !Number.isInteger(body.order)) errors.order = 'order must be an integer.';
  if (present(body.webhook_url) && (typeof body.webhook_url !== 'string' || !isHttpUrl(body.webhook_url))) {
    errors.webhook_url = 'webhook_url must be an HTTP or HTTPS URL.';
  } else if (body.outcome_type === 'action' && !body.webhook_url) {
    errors.webhook_url = 'action outcomes require webhook_url.';
  }
  const type = body.destination_type;
  if (!DESTINATION_TYPES.includes(type)) {
    errors.destination_type = 'destination_type must be none, smart_list or remove_from_smart_list.';
  }
  if (type === 'smart_list' && !(typeof body.destination_id === 'string' && body.destination_id)) {
    errors.destination_id = 'destination_type: smart_list requires destination_id.';
  }
  if (type !== 'smart_list' && present(body.destination_id)) {
    errors.destination_id = 'destination_id is only allowed with smart_list.';
  }
  const removal = body.remove_from_smart_lists;
  if (type !== 'remove_from_smart_list' && present(removal)) {
    errors.remove_from_smart_lists = 'remove_from_smart_lists is only allowed with remove_from_smart_list.';
  } else if (type === 'remove_from_smart_list') {
    const all = removal?.all === true;
    const listIds = Array.isArray(removal?.list_ids) && removal.list_ids.length > 0 && removal.list_ids.every((id) => typeof id === 'string' && id);
    const both = present(removal?.all) && present(removal?.list_ids);
    if (!removal || typeof removal !== 'object' || both || all === listIds) {
      errors.remove_from_smart_lists = 'remove_from_smart_lists must choose either all or list_ids, not both.';
    }
  }
  return errors;
}

/** The last row of the table: every Smart List named must exist in the workspace. */
function missingList(body) {
  const ids = body.destination_type === 'smart_list' ? [body.destination_id] : (body.remove_from_smart_lists?.list_ids ?? []);
  return ids.find((id) => !(id in SMART_LISTS));
}

/** The stored configuration a valid body describes; what it leaves out is cleared. */
function configuration(body) {
  return {
    outcome_name: body.outcome_name,
    outcome_type: body.outcome_type,
    order: body.order ?? 0,
    destination_type: body.destination_type,
    destination_id: body.destination_type === 'smart_list' ? body.destination_id : null,
    remove_from_smart_lists: body.destination_type === 'remove_from_smart_list' ? body.remove_from_smart_lists : null,
    webhook_url: body.webhook_url ?? null,
  };
}

/** The answer a write body gets before anything is stored, or undefined when it is valid. */
function refusal(request) {
  if (!String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return failure(415, 'unsupported_media_type', 'Content-Type must be application/json.');
  }
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body) || '__invalidJson' in body) {
    return failure(400, 'invalid_outcome', 'The body must be a JSON object.');
  }
  const errors = invalidFields(body);
  if (Object.keys(errors).length) {
    return failure(400, 'invalid_outcome', Object.values(errors).join(' '), { field_errors: errors });
  }
  const missing = missingList(body);
  if (missing !== undefined) {
    return failure(404, 'destination_not_found', `The target Smart List ${missing} does not exist in the workspace.`, {
      destination_id: missing,
    });
  }
  return undefined;
}

function create(request, state) {
  const refused = refusal(request);
  if (refused) return refused;
  const now = new Date().toISOString();
  const stored = { outcome_id: newId(state), ...configuration(request.body), created_at: now, updated_at: now };
  state.outcomes.push(stored);
  return { status: 201, body: { ok: true, outcome: show(stored) } };
}

function replace(request, state, stored) {
  const refused = refusal(request);
  if (refused) return refused;
  Object.assign(stored, configuration(request.body), { updated_at: new Date().toISOString() });
  return { status: 200, body: { ok: true, outcome: show(stored) } };
}

function list(state) {
  const outcomes = [...state.outcomes].sort((a, b) => a.order - b.order);
  return {
    status: 200,
    body: {
      ok: true,
      outcomes: outcomes.map(show),
      disposition_popup_enabled: state.outcomes.some((outcome) => outcome.outcome_type === 'disposition'),
    },
  };
}

/** Replays the first successful answer to a key, or carries the request out and remembers it. */
function idempotent(request, state, carryOut) {
  const key = request.headers['idempotency-key'];
  if (!key) return carryOut();
  const fingerprint = `${request.method} ${request.path} ${request.raw}`;
  const earlier = state.idempotency[key];
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) {
      return failure(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
    }
    return earlier.answer;
  }
  const answer = carryOut();
  if (answer.status < 300) state.idempotency[key] = { fingerprint, answer };
  return answer;
}

function handle(request, state) {
  if (request.path !== BASE && !request.path.startsWith(`${BASE}/`)) return undefined;
  if (request.headers.authorization !== `Bearer ${TOKEN}`) {
    return failure(401, 'unauthorized', 'A valid Bearer token is required.');
  }
  const id = request.path === BASE ? undefined : decodeURIComponent(request.path.slice(BASE.length + 1));
  if (id === undefined) {
    if (request.method === 'GET') return list(state);
    if (request.method === 'POST') return idempotent(request, state, () => create(request, state));
    return failure(405, 'method_not_allowed', `${request.method} is not allowed here.`);
  }
  const stored = state.outcomes.find((outcome) => outcome.outcome_id === id);
  if (request.method === 'PATCH') {
    return idempotent(request, state, () => (stored ? replace(request, state, stored) : failure(404, 'not_found', `No outcome ${id}.`)));
  }
  if (request.method === 'DELETE') {
    if (!stored) return failure(404, 'not_found', `No outcome ${id}.`);
    state.outcomes = state.outcomes.filter((outcome) => outcome !== stored);
    return { status: 200, body: { ok: true } };
  }
  return failure(405, 'method_not_allowed', `${request.method} is not allowed here.`);
}

/** What createSeedServer serves and stories/support/stand-in-fetch.ts answers in the page. */
export const api = { name: 'sailor', createState, handle };
