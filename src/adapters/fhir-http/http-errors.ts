import type { OperationOutcome } from '@medplum/fhirtypes';
import { AppError, type ErrorCode, type ErrorIssue } from '../../core/errors.js';
import { outcomeToIssues } from '../../fhir/outcomes.js';
import { OperationOutcomeSchema } from './response-schemas.js';

/** What the failed request was, for the error message (never a query string or resource content). */
export interface FailedRequest {
  /** E.g. `read Patient`. */
  what: string;
  /** The request carried a resource or Bundle (a 400 then means the content was invalid). */
  hadBody: boolean;
}

/** Maps a non-2xx FHIR response to the AppError code of the port. */
export function codeForStatus(status: number, hadBody: boolean): ErrorCode {
  switch (status) {
    case 400:
      return hadBody ? 'VITALIS_INVALID_RESOURCE' : 'VITALIS_BAD_REQUEST';
    case 422:
      return 'VITALIS_INVALID_RESOURCE';
    case 401:
      return 'VITALIS_UNAUTHORIZED';
    case 403:
      return 'VITALIS_FORBIDDEN';
    case 404:
      return 'VITALIS_NOT_FOUND';
    case 405:
      return 'VITALIS_METHOD_NOT_ALLOWED';
    case 406:
      return 'VITALIS_NOT_ACCEPTABLE';
    case 409:
      return 'VITALIS_CONFLICT';
    case 410:
      return 'VITALIS_GONE';
    case 412:
      return 'VITALIS_PRECONDITION_FAILED';
    case 413:
      return 'VITALIS_PAYLOAD_TOO_LARGE';
    case 415:
      return 'VITALIS_UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'VITALIS_UNAVAILABLE';
    case 501:
      return 'VITALIS_NOT_IMPLEMENTED';
    default:
      return status >= 500 || status < 200 || (status >= 300 && status < 400)
        ? 'VITALIS_UPSTREAM'
        : 'VITALIS_BAD_REQUEST';
  }
}

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  VITALIS_UNAUTHORIZED: 'the FHIR server rejected the credentials of Vitalis',
  VITALIS_FORBIDDEN: 'the FHIR server denied access',
  VITALIS_NOT_FOUND: 'not found on the FHIR server',
  VITALIS_GONE: 'deleted on the FHIR server',
  VITALIS_PRECONDITION_FAILED: 'version conflict (If-Match) on the FHIR server',
  VITALIS_INVALID_RESOURCE: 'the FHIR server rejected the content',
  VITALIS_UNAVAILABLE: 'the FHIR server is rate limiting',
  VITALIS_UPSTREAM: 'the FHIR server failed',
};

/** Builds the AppError for a non-2xx response, keeping the server's OperationOutcome issues (with `expression`). */
export function httpError(req: FailedRequest, status: number, body: unknown): AppError {
  const code = codeForStatus(status, req.hadBody);
  const issues = outcomeIssues(body);
  const detail = MESSAGES[code] ?? 'the FHIR server refused the request';
  return new AppError(code, `${req.what}: ${detail} (HTTP ${status})`, { issues });
}

/** The issues of a body when it is an OperationOutcome, else none. */
export function outcomeIssues(body: unknown): ErrorIssue[] {
  const parsed = OperationOutcomeSchema.safeParse(body);
  if (!parsed.success) {
    return [];
  }
  return outcomeToIssues(parsed.data as OperationOutcome).map((i) => ({
    ...i,
    severity: normalizeSeverity(i.severity),
  }));
}

function normalizeSeverity(s: string): ErrorIssue['severity'] {
  return s === 'fatal' || s === 'warning' || s === 'information' ? s : 'error';
}

/** True for responses worth retrying on an idempotent request. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
