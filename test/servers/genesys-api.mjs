// Genesys Cloud wrap-up codes as test/servers/genesys-wrapup-codes.txt describes them: the
// client-credentials token endpoint, Bearer tokens that expire, /api/v2/routing/wrapupcodes paged
// by pageSize/pageNumber in the entity-listing envelope, create/update/delete with the name rules,
// and the platform's error body. Pure JS, no Node imports: genesys-server.mjs serves it,
// stories/support/stand-in-fetch.ts can answer it in a page.
//
// Controls (POST /__control/<name> on the test server, JSON body):
//   tokens         { lifetimeSeconds }  lifetime of the tokens issued from now on
//   tokens/expire                       every token issued so far expires now (refresh-on-401)
//   seed           { count }            replace the codes with `count` generated ones (paging)
// POST /__control/reset brings back the dozen seed codes, a one-hour lifetime and no tokens.

export const CLIENT_ID = 'genesys-test-client';
export const CLIENT_SECRET = 'genesys-test-secret';
export const TOKEN_PATH = '/oauth/token';
export const CODES_PATH = '/api/v2/routing/wrapupcodes';
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;
export const NAME_MAX_LENGTH = 255;
export const DESCRIPTION_MAX_LENGTH = 1000;
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

const division = (id, name) => ({ id, name, selfUri: `/api/v2/authorization/divisions/${id}` });
/** The organization's divisions; `*` is "all divisions", what a code without one gets. */
export const DIVISIONS = {
  ALL: division('*', 'All'),
  HOME: division('4f0c7e9a-2d8b-4c51-9a36-0b1f5e6d7c21', 'Home'),
  SUPPORT: division('a83d21c5-6e07-4b9f-8d12-3c4e5f60718a', 'Support'),
};
const DIVISION_BY_ID = Object.fromEntries(Object.values(DIVISIONS).map((entry) => [entry.id, entry]));

const ADMIN = '2b7f4c1e-9d3a-4e8b-b5c6-1a2d3e4f5061';
const SUPERVISOR = 'c1e9a7b3-5f2d-4a6c-8e0b-7d9f1a3c5e72';
const SEED_TIME = '2026-03-02T15:21:09.575Z';
const SORT_BY = ['name', 'id'];
const SORT_ORDER = ['ascending', 'descending'];

const selfUri = (id) => `${CODES_PATH}/${id}`;

/** A realistic dozen, as an admin would have set them up in the UI. */
function seedCodes() {
  const seed = [
    ['0c5e3b8a-1f2d-4e6a-9b7c-8d0e1f2a3b01', 'Billing Inquiry', DIVISIONS.ALL, 'Questions about an invoice or a charge.'],
    ['1d6f4c9b-2a3e-4f7b-8c8d-9e1f2a3b4c02', 'Callback Scheduled', DIVISIONS.ALL, 'Customer asked to be called back later.'],
    ['2e7a5d0c-3b4f-4a8c-9d9e-0f2a3b4c5d03', 'Complaint - Escalated', DIVISIONS.SUPPORT, 'Handed to a supervisor.'],
    ['3f8b6e1d-4c5a-4b9d-8e0f-1a3b4c5d6e04', 'Customer Not Available', DIVISIONS.ALL, undefined],
    ['4a9c7f2e-5d6b-4c0e-9f1a-2b4c5d6e7f05', 'Do Not Call', DIVISIONS.HOME, 'Add the number to the do-not-call list.'],
    ['5b0d8a3f-6e7c-4d1f-8a2b-3c5d6e7f8a06', 'Left Voicemail', DIVISIONS.ALL, undefined],
    ['6c1e9b4a-7f8d-4e2a-9b3c-4d6e7f8a9b07', 'Payment Taken', DIVISIONS.HOME, 'Card or bank payment completed on the call.'],
    ['7d2f0c5b-8a9e-4f3b-8c4d-5e7f8a9b0c08', 'Resolved - First Contact', DIVISIONS.SUPPORT, 'No follow-up needed.'],
    ['8e3a1d6c-9b0f-4a4c-9d5e-6f8a9b0c1d09', 'Sale Completed', DIVISIONS.HOME, undefined],
    ['9f4b2e7d-0c1a-4b5d-8e6f-7a9b0c1d2e10', 'Technical Support', DIVISIONS.SUPPORT, 'Troubleshooting a product or service.'],
    ['a05c3f8e-1d2b-4c6e-9f7a-8b0c1d2e3f11', 'Transferred', DIVISIONS.ALL, 'Sent to another queue or an outside number.'],
    ['b16d4a9f-2e3c-4d7f-8a8b-9c1d2e3f4a12', 'Wrong Number', DIVISIONS.ALL, undefined],
  ];
  return seed.map(([id, name, place, description], index) =>
    stored({
      id,
      name,
      division: place,
      description,
      dateCreated: SEED_TIME,
      dateModified: SEED_TIME,
      createdBy: ADMIN,
      modifiedBy: index % 3 === 0 ? SUPERVISOR : ADMIN,
    }),
  );
}

/** `count` codes whose names sort in the order they are numbered (paging tests). */
export function generatedCodes(count) {
  const width = Math.max(5, String(count).length);
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(width, '0');
    return stored({
      id: `5eed0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      name: `Wrap-up code ${number}`,
      division: index % 3 === 0 ? DIVISIONS.HOME : DIVISIONS.ALL,
      description: index % 4 === 0 ? `Generated code number ${index + 1}.` : undefined,
      dateCreated: SEED_TIME,
      dateModified: SEED_TIME,
      createdBy: ADMIN,
      modifiedBy: ADMIN,
    });
  });
}

/** A stored code: absent fields are left out (the platform never answers null). */
function stored({ id, name, division: place, description, dateCreated, dateModified, createdBy, modifiedBy }) {
  const code = { id, name, division: { ...place } };
  if (description !== undefined && description !== null) code.description = description;
  Object.assign(code, { dateCreated, dateModified, createdBy, modifiedBy, selfUri: selfUri(id) });
  return code;
}

/** A copy to hand out, so that an answer never aliases the state. */
const show = (code) => ({ ...code, division: { ...code.division } });

function createState() {
  return {
    // Kept in the list's default order (name, then id), so a page is a slice.
    codes: seedCodes(),
    nextId: 1,
    tokens: {},
    tokenLifetimeSeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
  };
}

const nameKey = (name) => name.toLowerCase();
const byName = (a, b) => {
  const left = nameKey(a.name);
  const right = nameKey(b.name);
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Puts `code` where the name order wants it (binary search: 10,000 codes stay cheap). */
function insertSorted(codes, code) {
  let low = 0;
  let high = codes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byName(codes[middle], code) < 0) low = middle + 1;
    else high = middle;
  }
  codes.splice(low, 0, code);
}

function randomId() {
  return globalThis.crypto.randomUUID();
}

/** The platform's error body (ErrorBody in the SDKs): every field present, lists empty. */
export function genesysError(status, code, message, { messageParams = {}, details = [] } = {}) {
  return { status, body: { message, code, status, messageParams, contextId: randomId(), details, errors: [] } };
}

/** A 429 as the platform sends it, for a `status` fault: `{ kind: 'status', ...tooManyRequests(3) }`. */
export function tooManyRequests(retryAfterSeconds) {
  const { status, body } = genesysError(
    429,
    'too.many.requests',
    `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
    { messageParams: { retryAfter: String(retryAfterSeconds) } },
  );
  return { status, body, headers: { 'Retry-After': String(retryAfterSeconds) } };
}

const oauthError = (error, description) => ({ status: 400, body: { error, description, error_description: description } });

/** `Authorization: Basic base64(id:secret)`, decoded; undefined when there is none. */
function basicCredentials(headers) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(String(headers.authorization ?? ''));
  if (!match) return undefined;
  let text;
  try {
    text = new TextDecoder().decode(Uint8Array.from(globalThis.atob(match[1]), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon === -1 ? undefined : { id: text.slice(0, colon), secret: text.slice(colon + 1) };
}

function issueToken(request, state) {
  if (request.method !== 'POST') return oauthError('invalid_request', 'the token endpoint only accepts POST');
  if (!String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError('invalid_request', 'content type must be application/x-www-form-urlencoded');
  }
  const credentials = basicCredentials(request.headers);
  if (!credentials) return oauthError('invalid_client', 'client credentials are required in a Basic authorization header');
  if (credentials.id !== CLIENT_ID) return oauthError('invalid_client', 'client not found');
  if (credentials.secret !== CLIENT_SECRET) return oauthError('invalid_client', 'authentication failed');
  const grant = new URLSearchParams(request.raw ?? '').get('grant_type');
  if (grant !== 'client_credentials') {
    return oauthError('unsupported_grant_type', `grant type ${grant === null ? '(none)' : `"${grant}"`} is not supported`);
  }
  const token = randomId().replace(/-/g, '') + randomId().replace(/-/g, '');
  state.tokens[token] = Date.now() + state.tokenLifetimeSeconds * 1000;
  return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: state.tokenLifetimeSeconds } };
}

/** The 401 a request gets, or undefined when its token is known and has not expired. */
function unauthenticated(headers, state) {
  const match = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
  if (!match) {
    return genesysError(401, 'authentication.required', 'No authentication bearer token specified in authorization header.');
  }
  const expiresAt = state.tokens[match[1]];
  if (expiresAt === undefined || expiresAt <= Date.now()) {
    return genesysError(401, 'bad.credentials', 'Invalid login credentials.');
  }
  return undefined;
}

const invalidValue = (field, value, allowed) =>
  genesysError(400, 'bad.request', `Value [${value}] is not valid for field [${field}]. Allowable values are: ${allowed}`, {
    messageParams: { field, value, allowed },
    details: [{ errorCode: 'field.invalid', fieldName: field }],
  });

/** An integer query parameter within [min, max], its default when absent, or the 400 it earns. */
function integerParam(query, field, fallback, min, max) {
  const text = query.get(field);
  if (text === null || text === '') return { value: fallback };
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return { error: invalidValue(field, text, max === Infinity ? `${min} or more` : `${min} - ${max}`) };
  }
  return { value };
}

function choiceParam(query, field, choices) {
  const text = query.get(field);
  if (text === null || text === '') return { value: choices[0] };
  return choices.includes(text) ? { value: text } : { error: invalidValue(field, text, choices.join(', ')) };
}

/** `name` with `*` as "any run of characters", whole name, any case. */
function namePattern(name) {
  const escaped = name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'i');
}

function listUri(params, pageNumber) {
  const query = new URLSearchParams(params);
  query.set('pageNumber', String(pageNumber));
  return `${CODES_PATH}?${query}`;
}

function list(request, state) {
  const { query } = request;
  const pageSize = integerParam(query, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const pageNumber = integerParam(query, 'pageNumber', 1, 1, Infinity);
  const sortBy = choiceParam(query, 'sortBy', SORT_BY);
  const sortOrder = choiceParam(query, 'sortOrder', SORT_ORDER);
  const refused = [pageSize, pageNumber, sortBy, sortOrder].find((param) => param.error);
  if (refused) return refused.error;

  const name = query.get('name') || undefined;
  const ids = query.getAll('id').filter(Boolean);
  const divisionIds = query.getAll('divisionId').filter(Boolean);
  let codes = state.codes;
  if (ids.length) codes = codes.filter((code) => ids.includes(code.id));
  if (divisionIds.length) codes = codes.filter((code) => divisionIds.includes(code.division.id));
  if (name !== undefined) {
    const pattern = namePattern(name);
    codes = codes.filter((code) => pattern.test(code.name));
    // The reference: "'Sort by' param is ignored unless this field is provided".
    if (sortBy.value === 'id') codes = [...codes].sort(byId);
  }
  if (sortOrder.value === 'descending') codes = [...codes].reverse();

  const size = pageSize.value;
  const number = pageNumber.value;
  const total = codes.length;
  const pageCount = Math.ceil(total / size);
  // The URIs repeat the request's own filters and sort, with pageSize first as the platform writes them.
  const params = [['pageSize', String(size)], ['pageNumber', String(number)]];
  for (const [key, value] of query) if (key !== 'pageSize' && key !== 'pageNumber') params.push([key, value]);
  const body = {
    entities: codes.slice((number - 1) * size, number * size).map(show),
    pageSize: size,
    pageNumber: number,
    total,
    firstUri: listUri(params, 1),
    selfUri: listUri(params, number),
  };
  if (pageCount > 0) body.lastUri = listUri(params, pageCount);
  if (number < pageCount) body.nextUri = listUri(params, number + 1);
  if (number > 1) body.previousUri = listUri(params, Math.min(number - 1, Math.max(pageCount, 1)));
  body.pageCount = pageCount;
  return { status: 200, body };
}

const fieldError = (fieldName, errorCode, message) => ({ fieldName, errorCode, message });

/** The fields a create or replace body sets, or the 400/415 it earns; nothing is stored here. */
function readCode(request) {
  if (!String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return { error: genesysError(415, 'unsupported.media.type', 'Content-Type must be application/json.') };
  }
  const body = request.body;
  if (body && typeof body === 'object' && '__invalidJson' in body) {
    return { error: genesysError(400, 'bad.request', 'The request could not be understood by the server due to malformed syntax.') };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { error: genesysError(400, 'bad.request', 'The request body must be a JSON object.') };
  }
  const problems = [];
  const name = typeof body.name === 'string' ? body.name.trim() : undefined;
  if (!name) {
    problems.push(fieldError('name', 'field.required', 'The wrap-up code name is required.'));
  } else if ([...name].length > NAME_MAX_LENGTH) {
    problems.push(fieldError('name', 'field.too.long', `The wrap-up code name must be at most ${NAME_MAX_LENGTH} characters.`));
  }
  const description = body.description ?? undefined;
  if (description !== undefined && typeof description !== 'string') {
    problems.push(fieldError('description', 'field.invalid', 'The description must be a string.'));
  } else if (description !== undefined && [...description].length > DESCRIPTION_MAX_LENGTH) {
    problems.push(
      fieldError('description', 'field.too.long', `The description must be at most ${DESCRIPTION_MAX_LENGTH} characters.`),
    );
  }
  let place;
  if (body.division !== undefined && body.division !== null) {
    const id = typeof body.division === 'object' ? body.division.id : undefined;
    place = typeof id === 'string' ? DIVISION_BY_ID[id] : undefined;
    if (!place) problems.push(fieldError('division', 'division.not.found', `The division ${JSON.stringify(id ?? null)} does not exist.`));
  }
  if (problems.length) {
    return {
      error: genesysError(400, 'bad.request', problems.map((problem) => problem.message).join(' '), {
        messageParams: Object.fromEntries(problems.map((problem) => [problem.fieldName, problem.errorCode])),
        details: problems.map(({ fieldName, errorCode }) => ({ errorCode, fieldName })),
      }),
    };
  }
  // Read-only fields (id, dateCreated, dateModified, createdBy, modifiedBy, selfUri) and unknown
  // fields are ignored.
  return { fields: { name, description: description || undefined, division: place } };
}

/** The 409 a name earns when another code already has it, in any case. */
function nameTaken(state, name, exceptId) {
  const key = nameKey(name);
  const other = state.codes.find((code) => code.id !== exceptId && nameKey(code.name) === key);
  if (!other) return undefined;
  return genesysError(409, 'general.conflict', `A wrap-up code named "${other.name}" already exists.`, {
    messageParams: { name: other.name },
    details: [{ errorCode: 'name.not.unique', fieldName: 'name', entityId: other.id, entityName: other.name }],
  });
}

function create(request, state) {
  const read = readCode(request);
  if (read.error) return read.error;
  const taken = nameTaken(state, read.fields.name);
  if (taken) return taken;
  const now = new Date().toISOString();
  const code = stored({
    id: `c0de0000-0000-4000-9000-${String(state.nextId++).padStart(12, '0')}`,
    name: read.fields.name,
    division: read.fields.division ?? DIVISIONS.ALL,
    description: read.fields.description,
    dateCreated: now,
    dateModified: now,
    createdBy: CLIENT_ID,
    modifiedBy: CLIENT_ID,
  });
  insertSorted(state.codes, code);
  return { status: 200, body: show(code) };
}

function replace(request, state, index) {
  const read = readCode(request);
  if (read.error) return read.error;
  const current = state.codes[index];
  const taken = nameTaken(state, read.fields.name, current.id);
  if (taken) return taken;
  // Everything writable is replaced; a body without a division keeps the current one.
  const code = stored({
    ...current,
    name: read.fields.name,
    description: read.fields.description,
    division: read.fields.division ?? current.division,
    dateModified: new Date().toISOString(),
    modifiedBy: CLIENT_ID,
  });
  state.codes.splice(index, 1);
  insertSorted(state.codes, code);
  return { status: 200, body: show(code) };
}

const notFound = (id) => genesysError(404, 'not.found', `The wrap-up code ${id} was not found.`, { messageParams: { id } });
const notAllowed = (method) => genesysError(405, 'method.not.allowed', `${method} is not allowed here.`);

function handle(request, state) {
  if (request.path === TOKEN_PATH) return issueToken(request, state);
  if (request.path !== CODES_PATH && !request.path.startsWith(`${CODES_PATH}/`)) return undefined;
  const refused = unauthenticated(request.headers, state);
  if (refused) return refused;
  if (request.path === CODES_PATH) {
    if (request.method === 'GET') return list(request, state);
    if (request.method === 'POST') return create(request, state);
    return notAllowed(request.method);
  }
  const segment = request.path.slice(CODES_PATH.length + 1);
  let id;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return notFound(segment);
  }
  const index = segment.includes('/') ? -1 : state.codes.findIndex((code) => code.id === id);
  if (request.method === 'GET') return index === -1 ? notFound(id) : { status: 200, body: show(state.codes[index]) };
  if (request.method === 'PUT') return index === -1 ? notFound(id) : replace(request, state, index);
  if (request.method === 'DELETE') {
    if (index === -1) return notFound(id);
    state.codes.splice(index, 1);
    return { status: 204 };
  }
  return notAllowed(request.method);
}

/** POST /__control/<path> of the test server (see the top of this file). */
function control(path, body, state) {
  if (path === 'tokens') {
    const seconds = body?.lifetimeSeconds;
    if (!Number.isInteger(seconds) || seconds < 0) return { status: 400, body: { error: 'lifetimeSeconds: a whole number >= 0' } };
    state.tokenLifetimeSeconds = seconds;
    return { status: 200, body: { lifetimeSeconds: seconds } };
  }
  if (path === 'tokens/expire') {
    const tokens = Object.keys(state.tokens);
    for (const token of tokens) state.tokens[token] = 0;
    return { status: 200, body: { expired: tokens.length } };
  }
  if (path === 'seed') {
    const count = body?.count;
    if (!Number.isInteger(count) || count < 0) return { status: 400, body: { error: 'count: a whole number >= 0' } };
    state.codes = generatedCodes(count);
    return { status: 200, body: { total: count } };
  }
  return undefined;
}

/** What createSeedServer serves and stories/support/stand-in-fetch.ts answers in the page. */
export const api = { name: 'genesys', createState, handle, control };
