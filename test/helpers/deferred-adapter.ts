import type { OutcomeAdapter, RequestOptions } from '../../src/adapters/adapter.js';
import { MEMORY_RULES } from '../../src/adapters/rules.js';
import { OutcomeTypeSchema } from '../../src/model/schemas.js';
import type { OutcomeType } from '../../src/model/types.js';

export function outcome(key: string, extra: Partial<OutcomeType> = {}): OutcomeType {
  return OutcomeTypeSchema.parse({ id: `id-${key}`, key, name: key[0]!.toUpperCase() + key.slice(1), ...extra });
}

interface Pending {
  resolve(types: OutcomeType[]): void;
  reject(error: unknown): void;
  /** The signal the store sent with this list. */
  signal: AbortSignal | undefined;
}

/**
 * An adapter whose every list waits until the test answers it, to stage races: which request
 * was sent when, and which answer arrives first.
 */
export class DeferredAdapter implements OutcomeAdapter {
  readonly id: string | undefined;
  readonly capabilities = { create: true, update: true, delete: true, record: false, role: 'editor' as const, fields: MEMORY_RULES.fields };
  readonly lists: Pending[] = [];
  created: OutcomeType[] = [];

  constructor(id?: string) {
    this.id = id;
  }

  listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    return new Promise((resolve, reject) => this.lists.push({ resolve, reject, signal: options?.signal }));
  }

  async createOutcomeType(input: { key?: string; name: string }): Promise<OutcomeType> {
    const created = outcome(input.key ?? 'new', { name: input.name, ordinal: 5 });
    this.created.push(created);
    return created;
  }

  async updateOutcomeType(id: string, changes: Partial<OutcomeType>): Promise<OutcomeType> {
    return outcome(id.replace('id-', ''), { ...changes });
  }

  async deleteOutcomeType(): Promise<void> {}
}
