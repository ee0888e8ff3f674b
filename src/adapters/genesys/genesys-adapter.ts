import * as z from 'zod/mini';
import type { OutcomeType, OutcomeTypeInput } from '../../model/types.js';
import { OutcomeAdapterError, type RequestOptions } from '../adapter.js';
import { delay } from '../delay.js';
import { HttpAdapter } from '../http-adapter.js';
import { CODES_PATH, WrapupCodeSchema, genesysBackend, type EntityListing, type GenesysAdapterOptions } from './backend.js';

export type { GenesysAdapterOptions, GenesysAuth } from './backend.js';
export type { ClientCredentials } from './client-credentials.js';

// DELETE answers 204 with no body: whatever comes back, the code is gone.
const AnyAnswerSchema = z.unknown();

const LookupSchema = z.looseObject({
  entities: z.array(WrapupCodeSchema),
  pageCount: z.int(),
});

/** What a create or update sends: the whole code (PUT replaces; a division left out is kept). */
interface WireWrite {
  name: string;
  description?: string;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** 409 `general.conflict` is a taken name: `validation` on `name`, as every backend says a duplicate. */
function asDuplicate(error: OutcomeAdapterError): OutcomeAdapterError {
  if (error.code !== 'conflict') return error;
  const fieldErrors = Object.keys(error.fieldErrors).length ? error.fieldErrors : { name: 'is already used by another wrap-up code' };
  return new OutcomeAdapterError('validation', error.message, { status: error.status, retryable: false, fieldErrors, cause: error });
}

/** `conflict` (with the server's version) when the code moved since the caller read it. */
function assertUnchanged(expected: OutcomeType, current: OutcomeType): void {
  const moved =
    expected.updatedAt !== undefined && current.updatedAt !== undefined
      ? expected.updatedAt !== current.updatedAt
      : expected.name !== current.name || expected.description !== current.description;
  if (!moved) return;
  throw new OutcomeAdapterError(
    'conflict',
    `"${current.name}" was changed by someone else since it was read; nothing was saved. Review the current version and apply your change again.`,
    { retryable: false, current },
  );
}

/**
 * Genesys Cloud wrap-up codes (`/api/v2/routing/wrapupcodes`, test/servers/genesys-wrapup-codes.txt):
 * name and description; division, creator and the rest kept in `extras`. Wrap-up codes are
 * configuration: the API records no outcomes (`capabilities.record` is false; add recording with
 * `withRecorder`). The platform has no idempotency key: a create whose answer was lost is looked
 * up by its name (unique in the organization) before it is sent again, so it is stored once.
 */
export class GenesysAdapter extends HttpAdapter<EntityListing, OutcomeType, GenesysAdapterOptions> {
  readonly #retries: number;

  constructor(options: GenesysAdapterOptions) {
    const auth = options?.auth as Partial<Record<string, unknown>> | undefined;
    const hasToken = auth !== undefined && 'token' in auth && (typeof auth['token'] === 'function' || (typeof auth['token'] === 'string' && auth['token'] !== ''));
    const hasClient = auth !== undefined && typeof auth['clientId'] === 'string' && typeof auth['clientSecret'] === 'string' && typeof auth['tokenUrl'] === 'string';
    if (!hasToken && !hasClient) {
      throw new TypeError('GenesysAdapter needs auth: { token } (a Bearer token or a provider of one) or { clientId, clientSecret, tokenUrl }.');
    }
    super(genesysBackend(options), options);
    this.#retries = Math.max(0, options.retries ?? 2);
  }

  async getOutcomeType(id: string, options?: RequestOptions): Promise<OutcomeType> {
    return this.http.send({ method: 'GET', path: this.#codePath(id), signal: options?.signal }, WrapupCodeSchema);
  }

  /**
   * POST is not repeatable and the platform documents no idempotency key. When a create fails
   * in a way that may have stored it (a lost answer, a timeout, a 5xx), the adapter waits, looks
   * the name up (names are unique), and answers with the code found when it holds what was sent;
   * only when none has the name is the create sent again. A 429 was refused unread: resent as is.
   */
  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const fields = this.checkWrite(trimmedName(input));
    const body: WireWrite = { name: fields.name!, ...(fields.description ? { description: fields.description } : {}) };
    const signal = options?.signal;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.http.send({ method: 'POST', path: CODES_PATH, body, signal }, WrapupCodeSchema);
      } catch (thrown) {
        const error = asDuplicate(OutcomeAdapterError.from(thrown, 'network'));
        const wait = error.retryable && attempt < this.#retries ? this.http.retryDelay(attempt, error) : undefined;
        if (wait === undefined) throw error;
        await delay(wait, signal);
        if (error.code === 'rate_limited') continue;
        const found = await this.#findByName(body.name, signal);
        if (!found) continue;
        if ((found.description || undefined) === body.description) return found;
        throw new OutcomeAdapterError('validation', `A wrap-up code named "${found.name}" already exists; nothing was created.`, {
          status: 409,
          retryable: false,
          fieldErrors: { name: 'is already used by another wrap-up code' },
          cause: error,
        });
      }
    }
  }

  /**
   * PUT replaces the whole code (a description left out is removed), so the code is re-read
   * right before writing and what is not changed is sent as the server holds it; nothing is sent
   * when nothing differs. With `options.expected`, a code changed since it was read is
   * `conflict` (carrying the current version); one deleted meanwhile is `not_found`.
   */
  async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const current = await this.getOutcomeType(id, { signal: options?.signal });
    if (options?.expected) assertUnchanged(options.expected, current);
    const fields = this.checkWrite(trimmedName(changes), current);
    const name = fields.name ?? current.name;
    const description = Object.hasOwn(fields, 'description') ? (fields.description ?? '') : current.description;
    if (name === current.name && description === current.description) return current;
    const body: WireWrite = { name, ...(description ? { description } : {}) };
    try {
      return await this.http.send({ method: 'PUT', path: this.#codePath(id), body, signal: options?.signal }, WrapupCodeSchema);
    } catch (thrown) {
      throw asDuplicate(OutcomeAdapterError.from(thrown, 'network'));
    }
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    await this.http.send({ method: 'DELETE', path: this.#codePath(id), signal: options?.signal }, AnyAnswerSchema);
  }

  #codePath(id: string): string {
    return `${CODES_PATH}/${this.segment(id)}`;
  }

  /**
   * The code named `name` (without regard to case), or undefined. The list's `name` filter reads
   * `*` as a wildcard, so what it returns is narrowed to the exact name, page by page.
   */
  async #findByName(name: string, signal: AbortSignal | undefined): Promise<OutcomeType | undefined> {
    for (let pageNumber = 1; ; pageNumber++) {
      const request = { method: 'GET', path: CODES_PATH, query: { pageSize: 500, pageNumber, name }, signal } as const;
      const page = await this.http.send(request, LookupSchema);
      const found = page.entities.find((code) => sameName(code.name, name));
      if (found || pageNumber >= page.pageCount) return found;
    }
  }
}

/** The platform trims names before storing them: checked and sent as it will store them. */
function trimmedName<T extends Partial<OutcomeTypeInput>>(input: T): T {
  return typeof input?.name === 'string' ? { ...input, name: input.name.trim() } : input;
}
