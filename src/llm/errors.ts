import { AppError, type ErrorCode } from '../core/errors.js';

/** Why a model call failed, in words a caller can branch on. */
export type LlmFailureKind =
  | 'timeout'
  | 'aborted'
  | 'rate_limited'
  | 'server_error'
  | 'client_error'
  | 'unauthorized'
  | 'malformed_response'
  | 'truncated_stream'
  | 'network'
  | 'load_failed';

const CODES: Record<LlmFailureKind, ErrorCode> = {
  timeout: 'VITALIS_TIMEOUT',
  aborted: 'VITALIS_UNAVAILABLE',
  rate_limited: 'VITALIS_UNAVAILABLE',
  server_error: 'VITALIS_UPSTREAM',
  client_error: 'VITALIS_UPSTREAM',
  unauthorized: 'VITALIS_UNAUTHORIZED',
  malformed_response: 'VITALIS_UPSTREAM',
  truncated_stream: 'VITALIS_UPSTREAM',
  network: 'VITALIS_UPSTREAM',
  load_failed: 'VITALIS_CONFIG',
};

const RETRYABLE = new Set<LlmFailureKind>([
  'rate_limited',
  'server_error',
  'malformed_response',
  'truncated_stream',
  'network',
]);

/** A failed model call; `retryable` says whether the resilience layer may try again. Messages carry no PHI. */
export class LlmError extends AppError {
  readonly kind: LlmFailureKind;
  readonly retryAfterMs: number | null;
  readonly httpStatus: number | null;

  constructor(
    kind: LlmFailureKind,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number | null; httpStatus?: number | null } = {},
  ) {
    super(CODES[kind], message, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.httpStatus = options.httpStatus ?? null;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Turns an HTTP status from a model endpoint into the failure kind. */
export function kindForStatus(status: number): LlmFailureKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'client_error';
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
