import { isResourceType } from '@medplum/core';
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { isJsonMediaType } from './negotiation.js';

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

const ParamsSchema = z.object({
  type: z.string().optional(),
  id: z.string().optional(),
  vid: z.string().optional(),
});

/** The `:type` path parameter, checked against the R4 resource types (404 VITALIS_UNKNOWN_TYPE otherwise). */
export function typeParam(request: FastifyRequest): ResourceType {
  loadFhirDefinitions();
  const type = ParamsSchema.parse(request.params).type ?? '';
  if (!isResourceType(type)) {
    throw new AppError('VITALIS_UNKNOWN_TYPE', 'Unknown or unsupported resource type');
  }
  return type;
}

/** The `:id` path parameter, checked against the FHIR id syntax (400 otherwise). */
export function idParam(request: FastifyRequest): string {
  return checkId(ParamsSchema.parse(request.params).id, 'id');
}

/** The `:vid` path parameter (a version id), checked against the FHIR id syntax. */
export function versionParam(request: FastifyRequest): string {
  return checkId(ParamsSchema.parse(request.params).vid, 'version id');
}

function checkId(value: string | undefined, what: string): string {
  if (value === undefined || !ID_PATTERN.test(value)) {
    throw new AppError('VITALIS_BAD_REQUEST', `Invalid ${what}: expected 1-64 of [A-Za-z0-9-.]`);
  }
  return value;
}

/** The query string as a record of strings/arrays (repeated keys become arrays). */
export function queryRecord(request: FastifyRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const query = request.query;
  if (typeof query !== 'object' || query === null) {
    return out;
  }
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (typeof value === 'string') {
      out[key] = value;
    } else if (Array.isArray(value)) {
      out[key] = value.filter((v): v is string => typeof v === 'string');
    }
  }
  return out;
}

/** A single header value (the first when repeated). */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const ResourceShape = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });

/**
 * The request body as a FHIR resource: requires a JSON content type (415 otherwise) and an object with a
 * `resourceType` equal to `expectedType` when given (400 otherwise). Full validation is the repository's job.
 */
export function resourceBody(request: FastifyRequest, expectedType?: ResourceType): Resource {
  if (!isJsonMediaType(header(request, 'content-type'))) {
    throw new AppError(
      'VITALIS_UNSUPPORTED_MEDIA_TYPE',
      'Send the resource as application/fhir+json or application/json',
    );
  }
  const parsed = ResourceShape.safeParse(request.body);
  if (!parsed.success || Array.isArray(request.body)) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Body must be a FHIR resource (a JSON object with resourceType)', {
      issues: [
        {
          severity: 'error',
          code: 'structure',
          diagnostics: 'Missing or invalid resourceType',
          expression: ['resourceType'],
        },
      ],
    });
  }
  if (expectedType !== undefined && parsed.data.resourceType !== expectedType) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Body resourceType does not match the URL', {
      issues: [
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: `resourceType must be ${expectedType}`,
          expression: ['resourceType'],
        },
      ],
    });
  }
  return parsed.data as unknown as Resource;
}
