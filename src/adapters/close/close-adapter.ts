import * as z from 'zod/mini';
import type { OutcomeType, OutcomeTypeInput } from '../../model/types.js';
import { OutcomeAdapterError, type RequestOptions } from '../adapter.js';
import { HttpAdapter } from '../http-adapter.js';
import { CloseOutcomeSchema, OUTCOMES_PATH, closeBackend, closeTypeFor, type CloseAdapterOptions, type ClosePage } from './backend.js';

export type { CloseAdapterOptions } from './backend.js';
export { CloseOutcomeSchema } from './backend.js';

// DELETE answers `{}` (or nothing): whatever JSON comes back, the item is gone.
const AnyAnswerSchema = z.unknown();

/** The canonical fields a Close update writes. */
const CLOSE_WRITTEN_FIELDS = ['name', 'description', 'autoAppliedOn'] as const;

/**
 * `conflict` (with the server's version) when the outcome is not the one the caller read: its
 * `date_updated` moved, or — when either read has none — a field this update writes differs.
 */
function assertCloseUnchanged(expected: OutcomeType, current: OutcomeType, changes: Partial<OutcomeTypeInput>): void {
  const moved = expected.updatedAt !== undefined && current.updatedAt !== undefined && expected.updatedAt !== current.updatedAt;
  const changed = CLOSE_WRITTEN_FIELDS.filter((field) => Object.hasOwn(changes, field) && (expected[field] ?? '') !== (current[field] ?? ''));
  if (!moved && changed.length === 0) return;
  const what = changed.length ? ` (${changed.join(', ')})` : '';
  throw new OutcomeAdapterError(
    'conflict',
    `"${current.name}" was changed by someone else since it was read${what}; nothing was saved. Review the current version and apply your change again.`,
    { retryable: false, current },
  );
}

/**
 * Outcomes of the Close CRM (seeds/close-outcomes-*.txt): name, description and the
 * voicemail-drop type; `applies_to` is read but never written (Close derives it from `type`).
 * Close has no recording of outcomes: add one with `withRecorder`.
 */
export class CloseAdapter extends HttpAdapter<ClosePage, OutcomeType, CloseAdapterOptions> {
  constructor(options: CloseAdapterOptions) {
    if (!options.apiKey) throw new TypeError('CloseAdapter needs an apiKey.');
    super(closeBackend(options), options);
  }

  async getOutcomeType(id: string, options?: RequestOptions): Promise<OutcomeType> {
    return this.http.send({ method: 'GET', path: this.#outcomePath(id), signal: options?.signal }, CloseOutcomeSchema);
  }

  /** Close documents no idempotency key, so a create is sent once and never retried. */
  async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const fields = this.checkWrite(input);
    const body = {
      name: fields.name,
      description: fields.description ?? '',
      type: closeTypeFor(fields.autoAppliedOn),
    };
    return this.http.send({ method: 'POST', path: OUTCOMES_PATH, body, signal: options?.signal }, CloseOutcomeSchema);
  }

  /**
   * Close documents no conditional write, so the outcome is re-read (GET of the one outcome)
   * right before writing: only what differs from the server's current value is sent — a name
   * set back to its old value after someone else's rename is a change — and nothing is sent
   * when nothing differs. With `options.expected`, an outcome that changed since it was read is
   * `conflict` (carrying the current version); one deleted meanwhile is `not_found`.
   */
  async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    this.assertEditor();
    const current = await this.getOutcomeType(id, { signal: options?.signal });
    if (options?.expected) assertCloseUnchanged(options.expected, current, changes);
    const fields = this.checkWrite(changes, current);
    const body = this.#changedWireFields(fields, changes, current);
    if (Object.keys(body).length === 0) return current;
    return this.http.send({ method: 'PUT', path: this.#outcomePath(id), body, signal: options?.signal }, CloseOutcomeSchema);
  }

  async deleteOutcomeType(id: string, options?: RequestOptions): Promise<void> {
    this.assertEditor();
    await this.http.send({ method: 'DELETE', path: this.#outcomePath(id), signal: options?.signal }, AnyAnswerSchema);
  }

  #outcomePath(id: string): string {
    return `${OUTCOMES_PATH}${this.segment(id)}/`;
  }

  /**
   * The checked changes in Close's names, only where they differ from the server's current
   * outcome. An `autoAppliedOn` given as undefined means "no longer applied on voicemail drops",
   * which Close says as `type: custom`.
   */
  #changedWireFields(fields: Partial<OutcomeTypeInput>, changes: Partial<OutcomeTypeInput>, current: OutcomeType): Record<string, string> {
    const body: Record<string, string> = {};
    if (fields.name !== undefined && fields.name !== current.name) body['name'] = fields.name;
    if (fields.description !== undefined && fields.description !== current.description) body['description'] = fields.description;
    if (fields.autoAppliedOn !== undefined && fields.autoAppliedOn !== current.autoAppliedOn) {
      body['type'] = closeTypeFor(fields.autoAppliedOn);
    }
    const clearsAutoApplied =
      Object.hasOwn(changes, 'autoAppliedOn') && changes.autoAppliedOn === undefined && current.autoAppliedOn !== undefined;
    if (clearsAutoApplied) body['type'] = 'custom';
    return body;
  }
}
