/** Stable error codes used across Vitalis. Each maps to one HTTP status. */
export const ERROR_STATUS = {
  VITALIS_BAD_REQUEST: 400,
  VITALIS_INVALID_RESOURCE: 400,
  VITALIS_UNAUTHORIZED: 401,
  VITALIS_FORBIDDEN: 403,
  VITALIS_NOT_FOUND: 404,
  VITALIS_UNKNOWN_TYPE: 404,
  VITALIS_METHOD_NOT_ALLOWED: 405,
  VITALIS_NOT_ACCEPTABLE: 406,
  VITALIS_CONFLICT: 409,
  VITALIS_GONE: 410,
  VITALIS_PRECONDITION_FAILED: 412,
  VITALIS_PAYLOAD_TOO_LARGE: 413,
  VITALIS_UNSUPPORTED_MEDIA_TYPE: 415,
  VITALIS_UNPROCESSABLE: 422,
  VITALIS_INTERNAL: 500,
  VITALIS_NOT_IMPLEMENTED: 501,
  VITALIS_UPSTREAM: 502,
  VITALIS_UNAVAILABLE: 503,
  VITALIS_TIMEOUT: 504,
  VITALIS_CONFIG: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One issue in the FHIR OperationOutcome sense; `expression` holds FHIRPath locations. */
export interface ErrorIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics: string;
  expression?: string[];
}

export interface AppErrorOptions {
  cause?: unknown;
  issues?: ErrorIssue[];
}

/** The one error type of Vitalis. Messages must never contain PHI. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Returns true when the value is an AppError with the given code (or any code when omitted). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}

/** Normalizes anything thrown into an AppError, keeping the original as `cause`. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) {
    return value;
  }
  return new AppError('VITALIS_INTERNAL', 'Internal error', { cause: value });
}
