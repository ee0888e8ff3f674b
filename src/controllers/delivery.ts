import { OutcomeAdapterError } from '../adapters/errors.js';

/**
 * What a failed attempt says about the record, which is about delivery, not HTTP:
 * - `unknown`: it may have been stored (no answer, a reset, a 5xx, an answer we cannot read):
 *   only the same record with the same key may follow, which is safe to repeat;
 * - `not-stored`: the answer proves nothing was stored and nothing is wrong with the record
 *   (an expired token, too many requests): it may be tried again later;
 * - `refused`: the backend refuses this record (validation, an outcome that no longer exists):
 *   sending it again unchanged cannot succeed.
 */
export type Delivery = 'unknown' | 'not-stored' | 'refused';

const DELIVERY: Readonly<Record<OutcomeAdapterError['code'], Delivery>> = {
  timeout: 'unknown',
  network: 'unknown',
  server: 'unknown',
  // A captive portal answers 200 text/html, but so might a backend that stored the record and
  // then sent a body we cannot read: only "unknown" is true of both.
  bad_response: 'unknown',
  aborted: 'unknown',
  unauthorized: 'not-stored',
  rate_limited: 'not-stored',
  validation: 'refused',
  forbidden: 'refused',
  not_found: 'refused',
  conflict: 'refused',
  unsupported_media_type: 'refused',
};

export function deliveryOf(error: OutcomeAdapterError): Delivery {
  return DELIVERY[error.code] ?? 'unknown';
}

/** A failed attempt to record, with what it means for the record. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  readonly error: OutcomeAdapterError;
  readonly delivery: Delivery;

  constructor(error: OutcomeAdapterError) {
    super(error.message, { cause: error });
    this.error = error;
    this.delivery = deliveryOf(error);
  }

  /** Worth keeping on the device to send later: anything the backend did not refuse. */
  get queueable(): boolean {
    return this.delivery !== 'refused';
  }
}

/**
 * Runs `work` with a deadline: it gets a signal that aborts at the deadline or with `outer`, and
 * the promise settles by then even if `work` ignores the signal (a hung host recorder must not
 * hold a popup at "Recording…" or a flush's lock).
 */
export function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const fail = (error: OutcomeAdapterError) => {
      controller.abort(error);
      reject(error);
    };
    timer = setTimeout(() => fail(new OutcomeAdapterError('timeout', `No answer within ${Math.round(ms / 1000)} s.`)), ms);
    onAbort = () => fail(new OutcomeAdapterError('aborted', 'Recording was cancelled.', { cause: outer?.reason }));
    if (outer?.aborted) onAbort();
    else outer?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([Promise.resolve().then(() => work(controller.signal)), stopped]).finally(() => {
    clearTimeout(timer);
    if (onAbort) outer?.removeEventListener('abort', onAbort);
  });
}
