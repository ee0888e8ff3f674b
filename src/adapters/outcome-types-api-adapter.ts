import * as z from 'zod/mini';
import { OUTCOME_TYPES_API_RULES } from '../model/field-rules.js';
import { parseWith, type ParseResult } from '../model/parse.js';
import { OutcomeTypeSchema } from '../model/schemas.js';
import type { OutcomeType, OutcomeTypeInput } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';
import { OutcomeAdapterError, type AdapterCapabilities, type RequestOptions } from './adapter.js';
import { readErrorBody, readFieldErrors, type ErrorReader, type HttpAdapterOptions } from './http.js';
import { HttpAdapter } from './http-adapter.js';

export interface OutcomeTypesApiAdapterOptions extends HttpAdapterOptions {
  /** Bearer token. */
  token: string;
  /** The caller's role on this tenant (GET needs viewer; POST, PUT, DELETE need editor). Default editor. */
  role?: Role;
}

const PATH = '/api/v1/outcome-types';

/** The fields the model knows; every other field of a wire object is kept in `extras`. */
const KNOWN = ['id', 'key', 'name', 'description', 'classification', 'category', 'isSystem', 'ordinal', 'status', 'createdAt', 'updatedAt'] as const;

const WRITABLE = ['key', 'name', 'description', 'classification', 'category', 'ordinal', 'status'] as const;

function toCanonical(item: unknown): ParseResult<OutcomeType> {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    return parseWith(OutcomeTypeSchema, item);
  }
  const wire = item as Record<string, unknown>;
  const extras = Object.fromEntries(Object.entries(wire).filter(([name]) => !(KNOWN as readonly string[]).includes(name)));
  const known = Object.fromEntries(KNOWN.filter((name) => wire[name] !== undefined).map((name) => [name, wire[name]]));
  return parseWith(OutcomeTypeSchema, { ...known, extras });
}

/** Field names in this API's error bodies are already canonical; the text lives in `error`/`message`. */
const readError: ErrorReader = (status, body) => {
  const meaning = readErrorBody(status, body);
  return { ...meaning, fieldErrors: readFieldErrors(body) };
};

/**
 * seeds/outcome-types-api.txt: `/api/v1/outcome-types`, Bearer auth. System types lock key,
 * classification, category and status and cannot be deleted — checked here before sending, so
 * the user learns it without a round trip; the server's 400/403/404/415 map to the same codes.
 */
export class OutcomeTypesApiAdapter extends HttpAdapter {
  readonly capabilities: AdapterCapabilities;
  /** The last objects read, by id: what updates are checked against. */
  #known = new Map<string, OutcomeType>();

  constructor(options: OutcomeTypesApiAdapterOptions) {
    super('outcome-types', options, { type: 'bearer', token: options.token }, readError);
    this.capabilities = Object.freeze({
      create: true,
      update: true,
      delete: true,
      record: false,
      role: options.role ?? 'editor',
      fields: OUTCOME_TYPES_API_RULES.fields,
      crossField: OUTCOME_TYPES_API_RULES.crossField,
    });
  }

  async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    const items = await this.http.send({ method: 'GET', path: PATH, signal: options?.signal }, z.array(z.unknown()));
    const types = this.parseItems(items, toCanonical, `GET ${PATH}`);
    this.#known = new Map(types.map((type) => [type.id, type]));
    return types;
  }

  /**
   * With an idempotency key the create is sent with `Idempotency-Key` and retried. The seed
   * documents no such header, so a create repeated after its answer was lost may find its key
   * taken by the type it made: a custom type with that key and every field sent is that type.
   */
  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const fields = this.checkWrite(input, OUTCOME_TYPES_API_RULES);
    const body = pick(fields, WRITABLE);
    const { idempotencyKey, signal } = options ?? {};
    try {
      this.#assertUniqueKey(fields.key);
      const answer = await this.http.send({ method: 'POST', path: PATH, body, idempotencyKey, signal }, z.unknown());
      const created = this.expectValid(toCanonical(answer), `POST ${PATH}`);
      this.#known.set(created.id, created);
      return created;
    } catch (error) {
      const keyTaken = error instanceof OutcomeAdapterError && error.code === 'validation' && 'key' in error.fieldErrors;
      const made = idempotencyKey && keyTaken ? await this.#madeBy(body, options) : undefined;
      if (!made) throw error;
      return made;
    }
  }

  async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const existing = await this.#existing(id, options);
    const fields = this.checkWrite(changes, OUTCOME_TYPES_API_RULES, existing);
    this.#assertUniqueKey(fields.key, id);
    const body = { id, ...pick(fields, WRITABLE) };
    const answer = await this.http.send({ method: 'PUT', path: PATH, body, idempotencyKey: options?.idempotencyKey, signal: options?.signal }, z.unknown());
    const updated = this.expectValid(toCanonical(answer), `PUT ${PATH}`);
    this.#known.set(updated.id, updated);
    return updated;
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    if (this.#known.get(id)?.isSystem) {
      throw new OutcomeAdapterError('forbidden', 'System outcome types cannot be deleted.', { status: 403 });
    }
    await this.http.request({ method: 'DELETE', path: PATH, query: { id }, idempotencyKey: options?.idempotencyKey, signal: options?.signal });
    this.#known.delete(id);
  }

  /** The object an update is checked against: the last one read, else a fresh list. */
  async #existing(id: string, options?: RequestOptions): Promise<OutcomeType> {
    const known = this.#known.get(id) ?? (await this.listOutcomeTypes(options), this.#known.get(id));
    if (!known) throw new OutcomeAdapterError('not_found', `No outcome type has the id "${id}".`, { status: 404 });
    return known;
  }

  /** The custom type the server holds with the sent key and every sent field, if any. */
  async #madeBy(body: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType | undefined> {
    const types = await this.listOutcomeTypes({ signal: options?.signal });
    const sent = Object.entries(body) as [keyof OutcomeType, unknown][];
    return types.find((type) => !type.isSystem && sent.every(([field, value]) => type[field] === value));
  }

  #assertUniqueKey(key: string | undefined, exceptId?: string): void {
    if (key === undefined) return;
    for (const type of this.#known.values()) {
      if (type.key === key && type.id !== exceptId) {
        throw new OutcomeAdapterError('validation', `Not sent: the key "${key}" is already in use.`, {
          fieldErrors: { key: 'is already used by another outcome type' },
        });
      }
    }
  }
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<Pick<T, K>>;
}
