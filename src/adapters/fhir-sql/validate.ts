import { isResourceType, OperationOutcomeError, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { outcomeToIssues } from '../../fhir/outcomes.js';

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** Throws VITALIS_UNKNOWN_TYPE when the type is not an R4 resource type. */
export function assertResourceType(type: unknown): asserts type is Resource['resourceType'] {
  if (typeof type !== 'string' || !isResourceType(type)) {
    throw new AppError('VITALIS_UNKNOWN_TYPE', 'Unknown resource type');
  }
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
  try {
    const issues = validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
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
