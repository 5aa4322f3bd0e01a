import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { AppError} from '../core/errors.js';
import { type ErrorCode, type ErrorIssue } from '../core/errors.js';

const CODE_TO_ISSUE: Record<ErrorCode, OperationOutcomeIssue['code']> = {
  VITALIS_BAD_REQUEST: 'invalid',
  VITALIS_INVALID_RESOURCE: 'invalid',
  VITALIS_UNAUTHORIZED: 'login',
  VITALIS_FORBIDDEN: 'forbidden',
  VITALIS_NOT_FOUND: 'not-found',
  VITALIS_UNKNOWN_TYPE: 'not-supported',
  VITALIS_METHOD_NOT_ALLOWED: 'not-supported',
  VITALIS_NOT_ACCEPTABLE: 'not-supported',
  VITALIS_CONFLICT: 'conflict',
  VITALIS_GONE: 'deleted',
  VITALIS_PRECONDITION_FAILED: 'conflict',
  VITALIS_PAYLOAD_TOO_LARGE: 'too-costly',
  VITALIS_UNSUPPORTED_MEDIA_TYPE: 'not-supported',
  VITALIS_UNPROCESSABLE: 'processing',
  VITALIS_INTERNAL: 'exception',
  VITALIS_NOT_IMPLEMENTED: 'not-supported',
  VITALIS_UPSTREAM: 'transient',
  VITALIS_UNAVAILABLE: 'transient',
  VITALIS_TIMEOUT: 'timeout',
  VITALIS_CONFIG: 'exception',
};

/** Coding system for Vitalis-specific outcome details. */
export const VITALIS_OUTCOME_SYSTEM = 'https://vitalis.health/fhir/CodeSystem/outcome';

/** Renders an AppError as an OperationOutcome; each issue keeps its FHIRPath `expression`. */
export function errorToOutcome(err: AppError): OperationOutcome {
  const issues: OperationOutcomeIssue[] =
    err.issues.length > 0
      ? err.issues.map((i) => ({
          severity: i.severity,
          code: i.code as OperationOutcomeIssue['code'],
          details: { text: i.diagnostics },
          diagnostics: i.diagnostics,
          ...(i.expression ? { expression: i.expression } : {}),
        }))
      : [
          {
            severity: 'error',
            code: CODE_TO_ISSUE[err.code],
            details: { text: err.message },
            diagnostics: err.message,
          },
        ];
  return {
    resourceType: 'OperationOutcome',
    issue: [
      ...issues,
      ...(err.issues.length > 0
        ? [{ severity: 'information' as const, code: 'informational' as const, diagnostics: err.message }]
        : []),
    ],
  };
}

/** Extracts error issues from an OperationOutcome (e.g. one returned by @medplum/core's validateResource). */
export function outcomeToIssues(outcome: OperationOutcome): ErrorIssue[] {
  return (outcome.issue ?? []).map((i) => ({
    severity: i.severity ?? 'error',
    code: i.code ?? 'invalid',
    diagnostics: i.details?.text ?? i.diagnostics ?? 'Invalid',
    ...(i.expression ? { expression: i.expression } : {}),
  }));
}

/** An informational OperationOutcome (e.g. for `Prefer: return=OperationOutcome`). */
export function infoOutcome(message: string, code?: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'information',
        code: 'informational',
        diagnostics: message,
        details: { text: message, ...(code ? { coding: [{ system: VITALIS_OUTCOME_SYSTEM, code }] } : {}) },
      },
    ],
  };
}

/** Marker outcome for a batch/transaction PUT whose content was identical to the current version (no new version). */
export const UNCHANGED_OUTCOME: OperationOutcome = infoOutcome(
  'Unchanged: identical to the current version',
  'unchanged',
);

/** True when an entry response outcome is the UNCHANGED_OUTCOME marker. */
export function isUnchangedOutcome(outcome: unknown): boolean {
  const oo = outcome as OperationOutcome | undefined;
  return (
    oo?.resourceType === 'OperationOutcome' &&
    (oo.issue ?? []).some((i) =>
      i.details?.coding?.some((c) => c.system === VITALIS_OUTCOME_SYSTEM && c.code === 'unchanged'),
    )
  );
}
