import { OutcomeAdapterError } from './errors.js';

/** Waits `ms`, or rejects with an `aborted` OutcomeAdapterError as soon as the signal aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: signal?.reason }));
    };
    if (signal?.aborted) return abort();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
