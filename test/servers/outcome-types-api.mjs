// seeds/outcome-types-api.txt as a pure API (no Node imports: outcome-types-server.mjs serves
// it, stories/support/stand-in-fetch.ts answers it in a page): /api/v1/outcome-types with the
// documented status codes, system defaults seeded on first access, system types locked, roles
// by token.
import { idMaker, requireJson } from './api-kit.mjs';

const BASE = '/api/v1/outcome-types';
const DEFAULTS = [
  ['impression', 'Impression', 'neutral', 'impression'],
  ['click', 'Click', 'positive', 'response'],
  ['dismiss', 'Dismiss', 'negative', 'response'],
  ['accept', 'Accept', 'positive', 'response'],
  ['convert', 'Convert', 'positive', 'response'],
  ['not_presented', 'Not Presented', 'neutral', 'impression'],
  ['requested_info', 'Requested More Info', 'positive', 'response'],
  ['not_interested', 'Not Interested', 'negative', 'response'],
  ['expired', 'Expired', 'neutral', 'impression'],
  ['deferred', 'Deferred', 'neutral', 'response'],
];
export const TOKENS = { 'editor-token': 'editor', 'viewer-token': 'viewer' };
export const EXPIRED_TOKEN = 'expired-token';
const CLASSIFICATIONS = ['positive', 'negative', 'neutral'];
const CATEGORIES = ['impression', 'response'];
const STATUSES = ['draft', 'active', 'paused', 'archived'];
const LOCKED_ON_SYSTEM = ['key', 'classification', 'category', 'status'];

function createState() {
  return { seeded: false, types: [], nextId: idMaker('ot_') };
}

function seed(state) {
  if (state.seeded) return;
  state.seeded = true;
  const time = '2026-03-10T12:00:00.000Z';
  state.types = DEFAULTS.map(([key, name, classification, category], ordinal) => ({
    id: state.nextId(), tenantId: 't_001', key, name, description: '', classification, category,
    isSystem: true, ordinal, status: 'active', createdAt: time, updatedAt: time,
  }));
}

const bad = (message, fieldErrors) => ({ status: 400, body: { error: 'Validation error', message, fieldErrors } });

/** The field checks POST and PUT share; returns field errors. */
function checkFields(body, { create }) {
  const errors = {};
  for (const field of ['key', 'name']) {
    const value = body[field];
    if (value === undefined) {
      if (create) errors[field] = `${field} is required`;
    } else if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
      errors[field] = `${field} must be a string of 1-255 characters`;
    }
  }
  if (body.description !== undefined && typeof body.description !== 'string') errors.description = 'description must be a string';
  if (body.classification !== undefined && !CLASSIFICATIONS.includes(body.classification)) errors.classification = 'invalid classification';
  if (body.category !== undefined && !CATEGORIES.includes(body.category)) errors.category = 'invalid category';
  if (body.status !== undefined && !STATUSES.includes(body.status)) errors.status = 'invalid status';
  if (body.ordinal !== undefined && !(Number.isInteger(body.ordinal) && body.ordinal >= 0)) errors.ordinal = 'ordinal must be an integer >= 0';
  return errors;
}

function handle(request, state) {
  if (request.path !== BASE) return undefined;
  const auth = String(request.headers.authorization ?? '');
  // A token that was good once and has run out: the answer a token provider must refresh on.
  if (auth === `Bearer ${EXPIRED_TOKEN}`) return { status: 401, body: { error: 'Unauthorized', message: 'The token has expired.' } };
  const role = TOKENS[auth.replace(/^Bearer /, '')];
  if (!auth.startsWith('Bearer ') || !role) return { status: 401, body: { error: 'Unauthorized' } };
  seed(state);
  if (request.method !== 'GET' && role !== 'editor') return { status: 403, body: { error: 'Forbidden: editor role required' } };
  const now = new Date().toISOString();

  if (request.method === 'GET') {
    return { status: 200, body: [...state.types].sort((a, b) => a.ordinal - b.ordinal) };
  }
  if (request.method === 'POST') {
    const { error, body } = requireJson(request);
    if (error) return error;
    const errors = checkFields(body ?? {}, { create: true });
    if (Object.keys(errors).length) return bad('Validation error (missing key or name).', errors);
    // Zod's shape: the field as a path of keys under `details`.
    if (state.types.some((type) => type.key === body.key)) {
      return { status: 400, body: { error: 'Validation error', message: 'Duplicate key', details: [{ path: ['key'], message: 'key already exists' }] } };
    }
    const created = {
      id: state.nextId(), tenantId: 't_001', key: body.key, name: body.name, description: body.description ?? '',
      classification: body.classification ?? 'neutral', category: body.category ?? 'response', isSystem: false,
      ordinal: body.ordinal ?? 99, status: body.status ?? 'active', createdAt: now, updatedAt: now,
    };
    state.types.push(created);
    return { status: 201, body: created };
  }
  if (request.method === 'PUT') {
    const { error, body } = requireJson(request);
    if (error) return error;
    if (!body || typeof body.id !== 'string') return bad('id is required', { id: 'id is required' });
    const existing = state.types.find((type) => type.id === body.id);
    if (!existing) return { status: 404, body: { error: 'Outcome type not found' } };
    const errors = checkFields(body, { create: false });
    if (existing.isSystem) {
      for (const field of LOCKED_ON_SYSTEM) {
        if (body[field] !== undefined && body[field] !== existing[field]) errors[field] = `${field} is locked for system outcome types`;
      }
    }
    if (body.key !== undefined && state.types.some((type) => type.key === body.key && type.id !== existing.id)) errors.key = 'key already exists';
    if (Object.keys(errors).length) return bad('Validation error.', errors);
    for (const field of ['key', 'name', 'description', 'classification', 'category', 'ordinal', 'status']) {
      if (body[field] !== undefined) existing[field] = body[field];
    }
    existing.updatedAt = now;
    return { status: 200, body: existing };
  }
  if (request.method === 'DELETE') {
    const id = request.query.get('id');
    if (!id) return { status: 400, body: { error: 'Missing id query parameter' } };
    const existing = state.types.find((type) => type.id === id);
    if (!existing) return { status: 404, body: { error: 'Outcome type not found' } };
    if (existing.isSystem) return { status: 403, body: { error: 'Cannot delete system outcome types' } };
    state.types = state.types.filter((type) => type.id !== id);
    return { status: 204 };
  }
  return { status: 405, body: { error: 'Method not allowed' } };
}

/** What createSeedServer serves and stories/support/stand-in-fetch.ts answers in the page. */
export const api = { name: 'outcome-types', createState, handle };
