import * as z from 'zod/mini';
import type { OutcomeType, OutcomeTypeInput } from '../../model/types.js';
import { OutcomeAdapterError, type RequestOptions } from '../adapter.js';
import { HttpAdapter } from '../http-adapter.js';
import type { HttpRequest } from '../http.js';
import { OUTCOME_TYPES_PATH as PATH, WRITABLE, outcomeTypesApi, readOutcomeType, type OutcomeTypesApiAdapterOptions } from './backend.js';

export type { OutcomeTypesApiAdapterOptions } from './backend.js';

/**
 * seeds/outcome-types-api.txt: `/api/v1/outcome-types`, Bearer auth. System types lock key,
 * classification, category and status and cannot be deleted — checked here before sending, so
 * the user learns it without a round trip; the server's 400/403/404/415 map to the same codes.
 */
export class OutcomeTypesApiAdapter extends HttpAdapter<unknown[], OutcomeType, OutcomeTypesApiAdapterOptions> {
  /** The last objects read, by id: what updates are checked against. */
  #known = new Map<string, OutcomeType>();

  constructor(options: OutcomeTypesApiAdapterOptions) {
    super(outcomeTypesApi, options);
  }

  override async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    const types = await this.readItems(options);
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
    const fields = this.checkWrite(input);
    const body = pick(fields, WRITABLE);
    const { idempotencyKey, signal } = options ?? {};
    try {
      this.#assertUniqueKey(fields.key);
      return await this.#write({ method: 'POST', path: PATH, body, idempotencyKey, signal });
    } catch (error) {
      const keyTaken = error instanceof OutcomeAdapterError && error.code === 'validation' && 'key' in error.fieldErrors;
      const made = idempotencyKey && keyTaken ? await this.#madeBy(body, options) : undefined;
      if (!made) throw error;
      return made;
    }
  }

  async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    this.requireId(id);
    const existing = await this.#existing(id, options);
    const fields = this.checkWrite(changes, existing);
    this.#assertUniqueKey(fields.key, id);
    return this.#write({ method: 'PUT', path: PATH, body: { id, ...pick(fields, WRITABLE) }, idempotencyKey: options?.idempotencyKey, signal: options?.signal });
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    this.requireId(id);
    if (this.#known.get(id)?.isSystem) {
      throw new OutcomeAdapterError('forbidden', 'System outcome types cannot be deleted.', { status: 403 });
    }
    await this.http.request({ method: 'DELETE', path: PATH, query: { id }, idempotencyKey: options?.idempotencyKey, signal: options?.signal });
    this.#known.delete(id);
  }

  async #write(request: HttpRequest): Promise<OutcomeType> {
    const written = this.answer(readOutcomeType(await this.http.send(request, z.unknown())), request);
    this.#known.set(written.id, written);
    return written;
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
