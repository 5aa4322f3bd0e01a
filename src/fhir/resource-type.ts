import { isResourceType } from '@medplum/core';
import type { ResourceType } from '@medplum/fhirtypes';
import { AppError } from '../core/errors.js';

/** Throws VITALIS_UNKNOWN_TYPE unless the value is an R4 resource type name. */
export function assertResourceType(type: unknown): asserts type is ResourceType {
  if (typeof type !== 'string' || !isResourceType(type)) {
    throw new AppError('VITALIS_UNKNOWN_TYPE', 'Unknown resource type');
  }
}
