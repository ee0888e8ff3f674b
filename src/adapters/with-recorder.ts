import { randomId } from '../model/id.js';
import { parseWith } from '../model/parse.js';
import { OutcomeRecordSchema, RecordedOutcomeSchema } from '../model/schemas.js';
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
    const parsed = parseWith(OutcomeRecordSchema, input);
    if (!parsed.ok) {
      throw new OutcomeAdapterError('validation', `The record is not valid: ${parsed.message}`);
    }
    if (!options?.idempotencyKey) {
      throw new OutcomeAdapterError('validation', 'recordOutcome needs an idempotency key.');
    }
    let answer: RecordedOutcome | void;
    try {
      answer = await recordOutcome(parsed.value, options);
    } catch (error) {
      throw OutcomeAdapterError.from(error, 'server');
    }
    if (answer === undefined) {
      return { ...parsed.value, id: options.idempotencyKey || randomId(), recordedAt: new Date().toISOString() };
    }
    const checked = parseWith(RecordedOutcomeSchema, answer);
    if (!checked.ok) {
      throw new OutcomeAdapterError(
        'bad_response',
        `The host recorder answered with a malformed record: ${checked.message}`,
      );
    }
    return checked.value;
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
