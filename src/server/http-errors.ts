import { getStatus, isOperationOutcome, OperationOutcomeError } from '@medplum/core';
import { AppError, type ErrorCode } from '../core/errors.js';
import { outcomeToIssues } from '../fhir/outcomes.js';

const STATUS_TO_CODE: Partial<Record<number, ErrorCode>> = {
  400: 'VITALIS_BAD_REQUEST',
  401: 'VITALIS_UNAUTHORIZED',
  403: 'VITALIS_FORBIDDEN',
  404: 'VITALIS_NOT_FOUND',
  405: 'VITALIS_METHOD_NOT_ALLOWED',
  406: 'VITALIS_NOT_ACCEPTABLE',
  409: 'VITALIS_CONFLICT',
  410: 'VITALIS_GONE',
  412: 'VITALIS_PRECONDITION_FAILED',
  413: 'VITALIS_PAYLOAD_TOO_LARGE',
  415: 'VITALIS_UNSUPPORTED_MEDIA_TYPE',
  422: 'VITALIS_UNPROCESSABLE',
  501: 'VITALIS_NOT_IMPLEMENTED',
  503: 'VITALIS_UNAVAILABLE',
};

/** Fixed, PHI-free messages for fastify's request-parsing errors (their own messages may echo body text). */
const FASTIFY_MESSAGES: Partial<Record<string, [ErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['VITALIS_PAYLOAD_TOO_LARGE', 'Request body is larger than the configured limit'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'VITALIS_UNSUPPORTED_MEDIA_TYPE',
    'Unsupported Content-Type; use application/fhir+json or application/json',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VITALIS_BAD_REQUEST', 'Content-Length does not match the body'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['VITALIS_BAD_REQUEST', 'Request body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['VITALIS_BAD_REQUEST', 'Malformed JSON body'],
  FST_ERR_BAD_URL: ['VITALIS_BAD_REQUEST', 'Malformed URL'],
};

function readProp(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * Normalizes anything thrown while handling a request into an AppError (once, at the edge): AppErrors pass through,
 * medplum OperationOutcomeErrors keep their issues, fastify parsing errors get fixed messages, the rest become 500.
 */
export function normalizeRequestError(err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  if (err instanceof OperationOutcomeError || isOperationOutcome(readProp(err, 'outcome'))) {
    const outcome = (err as OperationOutcomeError).outcome;
    const code = STATUS_TO_CODE[getStatus(outcome)] ?? 'VITALIS_BAD_REQUEST';
    return new AppError(code, 'Request could not be processed', { cause: err, issues: outcomeToIssues(outcome) });
  }
  const fastifyCode = readProp(err, 'code');
  const known = typeof fastifyCode === 'string' ? FASTIFY_MESSAGES[fastifyCode] : undefined;
  if (known) {
    return new AppError(known[0], known[1], { cause: err });
  }
  const status = readProp(err, 'statusCode');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(STATUS_TO_CODE[status] ?? 'VITALIS_BAD_REQUEST', 'Bad request', { cause: err });
  }
  return new AppError('VITALIS_INTERNAL', 'Internal error', { cause: err });
}

/** PHI-free description of an error's cause for logs: names, codes and stack frames, never messages. */
export function describeCause(err: unknown): { errorName: string; errorCode?: string; stack?: string } {
  const cause = err instanceof AppError && err.cause !== undefined ? err.cause : err;
  const name = cause instanceof Error ? cause.name : typeof cause;
  const code = readProp(cause, 'code');
  const stack = cause instanceof Error && cause.stack ? framesOnly(cause.stack) : undefined;
  return {
    errorName: name,
    ...(typeof code === 'string' ? { errorCode: code } : {}),
    ...(stack ? { stack } : {}),
  };
}

function framesOnly(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim())
    .slice(0, 8)
    .join(' | ');
}
