import { OutcomeAdapterError } from './errors.js';

function aborted(signal: AbortSignal | undefined): OutcomeAdapterError {
  return new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: signal?.reason });
}

/** Waits `ms`, or rejects with an `aborted` OutcomeAdapterError as soon as the signal aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal));
    const abort = () => {
      clearTimeout(timer);
      reject(aborted(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Waits for `work` (shared with other callers), or rejects with an `aborted` OutcomeAdapterError
 * as soon as this caller's signal aborts; the work itself goes on for the others.
 */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const abort = () => reject(aborted(signal));
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
