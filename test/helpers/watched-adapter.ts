import type { OutcomeAdapter, RequestOptions } from '../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { MemoryAdapter, type SeedOutcomeType } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomeType, OutcomeTypeInput } from '../../src/model/types.js';

/**
 * A MemoryAdapter behind a wire that takes `latencyMs` per write: counts the writes in flight,
 * keeps their idempotency keys, and fails the write numbered `failAt` (1-based) — refused
 * before it is done, or done with its answer lost (`lost`).
 */
export class WatchedAdapter implements OutcomeAdapter {
  readonly id = `watched-${Math.random()}`;
  readonly inner: MemoryAdapter;
  inFlight = 0;
  maxInFlight = 0;
  writes = 0;
  keys: (string | undefined)[] = [];
  failAt = 0;
  failWith: OutcomeAdapterError = new OutcomeAdapterError('server', 'boom', { status: 500 });
  lost = false;
  latencyMs: number;

  constructor(types: readonly SeedOutcomeType[], { latencyMs = 0 } = {}) {
    this.inner = new MemoryAdapter({ outcomeTypes: types, id: this.id });
    this.latencyMs = latencyMs;
  }

  get capabilities() {
    return this.inner.capabilities;
  }

  listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    return this.inner.listOutcomeTypes(options);
  }

  async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    const number = ++this.writes;
    this.keys.push(options?.idempotencyKey);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      if (number === this.failAt && !this.lost) throw this.failWith;
      const updated = await this.inner.updateOutcomeType(id, changes, options);
      if (number === this.failAt) throw this.failWith;
      return updated;
    } finally {
      this.inFlight--;
    }
  }
}
