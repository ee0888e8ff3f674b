import type { OutcomeType } from '../model/types.js';

export const ADAPTER_ERROR_CODES = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unsupported_media_type',
  'rate_limited',
  'network',
  'timeout',
  'aborted',
  'server',
  'bad_response',
] as const;

export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

const RETRYABLE_BY_DEFAULT: ReadonlySet<AdapterErrorCode> = new Set([
  'network',
  'timeout',
  'rate_limited',
  'server',
]);

export interface OutcomeAdapterErrorOptions {
  status?: number;
  retryable?: boolean;
  /** Messages keyed by canonical field name (`key`, `name`, `destination`, …). */
  fieldErrors?: Record<string, string>;
  /** How long the server asked the caller to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /**
   * With `conflict` from an update that named the version it `expected`: the outcome type as
   * the server holds it now, so an editor can show both versions and let the admin reapply.
   */
  current?: OutcomeType;
  cause?: unknown;
}

/**
 * Every failure of every adapter. The same meaning gets the same code on every backend, so
 * elements decide what to show and whether to offer retry from `code` and `retryable` alone.
 */
export class OutcomeAdapterError extends Error {
  override readonly name = 'OutcomeAdapterError';
  readonly code: AdapterErrorCode;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly retryAfterMs: number | undefined;
  /**
   * The server's current version of the outcome type, when the error is a `conflict` between
   * what the caller expected (`RequestOptions.expected`) and what the server holds; else undefined.
   */
  readonly current: OutcomeType | undefined;

  constructor(code: AdapterErrorCode, message: string, options: OutcomeAdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.fieldErrors = Object.freeze({ ...options.fieldErrors });
    this.retryAfterMs = options.retryAfterMs;
    this.current = options.current;
  }

  /** Any thrown value as an OutcomeAdapterError, keeping the original as `cause`. */
  static from(error: unknown, fallback: AdapterErrorCode = 'server'): OutcomeAdapterError {
    if (error instanceof OutcomeAdapterError) return error;
    if (error instanceof DOMException && error.name === 'AbortError') {
      return new OutcomeAdapterError('aborted', 'The request was aborted.', { cause: error });
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return new OutcomeAdapterError('timeout', 'The request timed out.', { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new OutcomeAdapterError(fallback, message || 'Unknown error.', { cause: error });
  }
}

export function isOutcomeAdapterError(value: unknown): value is OutcomeAdapterError {
  return value instanceof OutcomeAdapterError;
}
