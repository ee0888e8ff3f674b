// The Close outcomes API as seeds/close-outcomes-list.txt and close-outcomes-create.txt describe
// it: Basic auth with the API key as user name, `_limit` / `_skip` / `has_more` paging, 400 with
// `field-errors`, 404 for unknown ids, and `applies_to` derived from `type`. Pure JS, no Node
// imports: close-server.mjs serves it, stories/support/stand-in-fetch.ts answers it in a page.
import { requireJson } from './api-kit.mjs';

export const CLOSE_API_KEY = 'api_close_test_key';
const ORGANIZATION = 'orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH';
const USER = 'user_A6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA';
const SEED_TIME = '2025-07-29T10:30:00.000000+00:00';
const TYPES = ['custom', 'vm-dropped'];
const WRITABLE = new Set(['name', 'description', 'type', 'applies_to']);
const COLLECTION = '/api/v1/outcome/';
const ITEM = /^\/api\/v1\/outcome\/([^/]+)\/$/;

/** The two outcomes of the seed's list example, then generated ones so that paging has pages. */
function seedOutcomes() {
  const examples = [
    {
      applies_to: ['calls', 'meetings'],
      created_by: USER,
      date_created: SEED_TIME,
      date_updated: SEED_TIME,
      description: 'Prospect is qualified and booked a demo of our software.',
      id: 'outcome_03oUxZfoO6e2vHmcz1DiHR',
      name: 'Demo Booked',
      organization_id: 'orga_AbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH',
      type: 'custom',
      updated_by: USER,
    },
    {
      applies_to: ['calls'],
      created_by: USER,
      date_created: SEED_TIME,
      date_updated: SEED_TIME,
      description: 'Call went to voicemail and a pre-recorded voicemail message was dropped.',
      id: 'outcome_030Xl5QwKi7tPRLRtnuef3',
      name: 'Left Pre-Recorded Voicemail',
      organization_id: ORGANIZATION,
      type: 'vm-dropped',
      updated_by: USER,
    },
  ];
  const generated = ['Callback Requested', 'No Answer', 'Not Interested', 'Qualified', 'Wrong Number'].map((name, index) => ({
    applies_to: ['calls', 'meetings'],
    created_by: USER,
    date_created: SEED_TIME,
    date_updated: SEED_TIME,
    description: index === 1 ? null : `${name}.`,
    id: `outcome_generated0000000${index + 1}`,
    name,
    organization_id: ORGANIZATION,
    type: 'custom',
    updated_by: null,
  }));
  return [...examples, ...generated];
}

function createState() {
  return { outcomes: seedOutcomes(), nextId: 1 };
}

/** Close's timestamps: microseconds and an explicit offset. */
function closeTime() {
  return new Date().toISOString().replace('Z', '000+00:00');
}

function appliesToFor(type) {
  return type === 'vm-dropped' ? ['calls'] : ['calls', 'meetings'];
}

function closeError(status, error, fieldErrors = {}) {
  return { status, body: { error, errors: [], 'field-errors': fieldErrors } };
}

/** A user name equal to the API key and an empty password, as `curl -u "KEY:"` sends. */
function isAuthorized(headers) {
  const match = /^Basic\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
  if (!match) return false;
  return decodeBase64(match[1]) === `${CLOSE_API_KEY}:`;
}

/**
 * Base64 (or base64url) to UTF-8 text as Node's `Buffer.from(text, 'base64')` reads it, with
 * what runs in a browser too: other characters are skipped, and `=` ends the data.
 */
function decodeBase64(text) {
  const digits = text
    .split('=')[0]
    .replace(/[^A-Za-z0-9+/_-]/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const whole = digits.length % 4 === 1 ? digits.slice(0, -1) : digits;
  const binary = globalThis.atob(whole.padEnd(Math.ceil(whole.length / 4) * 4, '='));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** Field errors of a POST (`creating`) or PUT body, keyed by Close's field names. */
function fieldErrorsOf(body, creating) {
  const errors = {};
  for (const field of Object.keys(body)) {
    if (!WRITABLE.has(field)) errors[field] = 'Unknown field.';
  }
  if (creating || 'name' in body) {
    if (typeof body.name !== 'string' || body.name.trim() === '') errors.name = 'This field is required.';
  }
  if ('description' in body && body.description !== null && typeof body.description !== 'string') {
    errors.description = 'Not a valid string.';
  }
  if ('type' in body && body.type !== null && !TYPES.includes(body.type)) {
    errors.type = `"${body.type}" is not a valid choice.`;
  }
  return errors;
}

function readBody(request, creating) {
  const json = requireJson(request);
  if (json.error) return json;
  const body = json.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: closeError(400, 'The body must be a JSON object.') };
  const fieldErrors = fieldErrorsOf(body, creating);
  if (Object.keys(fieldErrors).length) return { error: closeError(400, '', fieldErrors) };
  return { body };
}

/** `_fields=a,b`: only those fields of each outcome. */
function pickFields(outcome, fields) {
  if (!fields) return outcome;
  const wanted = fields.split(',').map((field) => field.trim()).filter(Boolean);
  return Object.fromEntries(wanted.filter((field) => field in outcome).map((field) => [field, outcome[field]]));
}

function nonNegativeInteger(text, fallback) {
  if (text === null) return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function list(request, state) {
  const limit = nonNegativeInteger(request.query.get('_limit'), 100);
  const skip = nonNegativeInteger(request.query.get('_skip'), 0);
  if (limit === undefined || skip === undefined) return closeError(400, '_limit and _skip must be non-negative integers.');
  const page = state.outcomes.slice(skip, skip + limit);
  const fields = request.query.get('_fields');
  return {
    status: 200,
    body: { data: page.map((outcome) => pickFields(outcome, fields)), has_more: skip + page.length < state.outcomes.length },
  };
}

function create(request, state) {
  const read = readBody(request, true);
  if (read.error) return read.error;
  const type = read.body.type ?? 'custom';
  const time = closeTime();
  const outcome = {
    // Deprecated and derived from type (seeds/close-outcomes-create.txt), whatever was sent.
    applies_to: appliesToFor(type),
    created_by: USER,
    date_created: time,
    date_updated: time,
    description: read.body.description ?? null,
    id: `outcome_created${String(state.nextId++).padStart(8, '0')}`,
    name: read.body.name,
    organization_id: ORGANIZATION,
    type,
    updated_by: USER,
  };
  state.outcomes.push(outcome);
  return { status: 200, body: outcome };
}

function update(request, state, outcome) {
  const read = readBody(request, false);
  if (read.error) return read.error;
  const { applies_to: _ignored, ...changes } = read.body;
  Object.assign(outcome, changes, { date_updated: closeTime(), updated_by: USER });
  if ('type' in changes) {
    outcome.type = changes.type ?? 'custom';
    outcome.applies_to = appliesToFor(outcome.type);
  }
  return { status: 200, body: outcome };
}

function handle(request, state) {
  if (!isAuthorized(request.headers)) {
    return closeError(401, 'The API key is missing or invalid. Use it as the user name of Basic auth.');
  }
  if (request.path === COLLECTION) {
    if (request.method === 'GET') return list(request, state);
    if (request.method === 'POST') return create(request, state);
    return closeError(405, `Method ${request.method} is not allowed here.`);
  }
  const match = ITEM.exec(request.path);
  if (!match) return closeError(404, 'Not found.');
  const id = decodeURIComponent(match[1]);
  const index = state.outcomes.findIndex((outcome) => outcome.id === id);
  if (index === -1) return closeError(404, 'Empty query: Outcome matching query does not exist.');
  const outcome = state.outcomes[index];
  if (request.method === 'GET') return { status: 200, body: pickFields(outcome, request.query.get('_fields')) };
  if (request.method === 'PUT') return update(request, state, outcome);
  if (request.method === 'DELETE') {
    state.outcomes.splice(index, 1);
    return { status: 200, body: {} };
  }
  return closeError(405, `Method ${request.method} is not allowed here.`);
}

/** What createSeedServer serves and stories/support/stand-in-fetch.ts answers in the page. */
export const api = { name: 'close', createState, handle };
