import { randomId } from '../model/id.js';
import { parseWith } from '../model/parse.js';
import { RecordedOutcomeSchema } from '../model/schemas.js';
import { checkRecord } from './record-check.js';
import type { OutcomeRecord, RecordedOutcome } from '../model/types.js';
import {
  OutcomeAdapterError,
  type AdapterCapabilities,
  type OutcomeAdapter,
  type RequestOptions,
} from './adapter.js';

/**
 * How the host stores a record. It may return the stored record, or nothing when its backend
 * gives no answer worth keeping (the record is then acknowledged as sent).
 */
export type HostRecorder = (
  record: OutcomeRecord,
  options: RequestOptions & { idempotencyKey: string },
) => Promise<RecordedOutcome | void> | RecordedOutcome | void;

export type RecordingAdapter<A extends OutcomeAdapter> = A & {
  recordOutcome: NonNullable<OutcomeAdapter['recordOutcome']>;
};

/**
 * Adds recording to an adapter whose backend has none (outcome-types, Close, Sailor). Every
 * other call goes to the adapter itself, so its private state and `this` stay intact.
 */
export function withRecorder<A extends OutcomeAdapter>(
  adapter: A,
  recordOutcome: HostRecorder,
): RecordingAdapter<A> {
  const record: OutcomeAdapter['recordOutcome'] = async (input, options) => {
    const checked = checkRecord(input, options);
    let answer: RecordedOutcome | void;
    try {
      answer = await recordOutcome(checked, options);
    } catch (error) {
      throw OutcomeAdapterError.from(error, 'server');
    }
    if (answer === undefined) {
      return { ...checked, id: options.idempotencyKey || randomId(), recordedAt: new Date().toISOString() };
    }
    const recorded = parseWith(RecordedOutcomeSchema, answer);
    if (!recorded.ok) {
      throw new OutcomeAdapterError(
        'bad_response',
        `The host recorder answered with a malformed record: ${recorded.message}`,
      );
    }
    return recorded.value;
  };
  // The same capabilities object for as long as the adapter's own stays the same.
  let source: AdapterCapabilities | undefined;
  let capabilities: AdapterCapabilities | undefined;
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'recordOutcome') return record;
      if (property === 'capabilities') {
        if (source !== target.capabilities || !capabilities) {
          source = target.capabilities;
          capabilities = Object.freeze({ ...source, record: true });
        }
        return capabilities;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has(target, property) {
      return property === 'recordOutcome' || Reflect.has(target, property);
    },
  }) as RecordingAdapter<A>;
}
