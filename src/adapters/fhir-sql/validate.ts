import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { requiredBindingIssues } from '../../fhir/bindings.js';
import { assertResourceType } from '../../fhir/resource-type.js';
import { outcomeToIssues } from '../../fhir/outcomes.js';

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** JSON texts of resources already found valid (by the validation worker), each usable once; oldest first. */
const prevalidated = new Map<string, number>();
const MAX_PREVALIDATED = 10_000;

/** Records that these exact JSON texts passed full validation, so writing one of them does not validate it again. */
export function rememberValidated(texts: readonly string[]): void {
  for (const t of texts) {
    const n = prevalidated.get(t) ?? 0;
    prevalidated.delete(t);
    prevalidated.set(t, n + 1);
  }
  // Verdicts never used (unchanged content, an aborted import) are dropped oldest first; a dropped verdict only
  // means that resource is validated again, in-thread, when written.
  for (const t of prevalidated.keys()) {
    if (prevalidated.size <= MAX_PREVALIDATED) {
      break;
    }
    prevalidated.delete(t);
  }
}

function takePrevalidated(resource: Resource): boolean {
  if (prevalidated.size === 0) {
    return false;
  }
  const text = JSON.stringify(resource);
  const n = prevalidated.get(text);
  if (n === undefined) {
    return false;
  }
  if (n > 1) {
    prevalidated.set(text, n - 1);
  } else {
    prevalidated.delete(text);
  }
  return true;
}

/** Throws VITALIS_BAD_REQUEST when the id does not match the FHIR id syntax. */
export function assertValidId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !ID_RE.test(id)) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Invalid resource id: must match [A-Za-z0-9-.]{1,64}');
  }
}

/** Validates a resource against the R4 StructureDefinitions; failures become VITALIS_INVALID_RESOURCE with FHIRPaths. */
export function assertValidResource(resource: Resource): void {
  if (typeof resource !== 'object' || resource === null) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Resource body must be a JSON object');
  }
  assertResourceType(resource.resourceType);
  if (takePrevalidated(resource)) {
    return;
  }
  try {
    const issues = [
      ...validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal'),
      ...requiredBindingIssues(resource).map((i): OperationOutcomeIssue => ({
        severity: i.severity,
        code: 'code-invalid',
        details: { text: i.diagnostics },
        expression: i.expression ?? [],
      })),
    ];
    if (issues.length > 0) {
      throw new OperationOutcomeError({ resourceType: 'OperationOutcome', issue: issues });
    }
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      throw new AppError('VITALIS_INVALID_RESOURCE', `Invalid ${resource.resourceType} resource`, {
        issues: outcomeToIssues(err.outcome),
        cause: err,
      });
    }
    throw err;
  }
}

export { assertResourceType };
