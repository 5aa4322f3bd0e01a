import type { Bundle, Resource } from '@medplum/fhirtypes';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';

const Id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);

const Meta = z.looseObject({
  versionId: z.string().optional(),
  lastUpdated: z.string().optional(),
});

/** Any FHIR resource: a JSON object with a resourceType and, when present, a well-formed id and meta. */
export const ResourceSchema = z.looseObject({
  resourceType: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/),
  id: Id.optional(),
  meta: Meta.optional(),
});

const IssueSchema = z.looseObject({
  severity: z.string().optional(),
  code: z.string().optional(),
  diagnostics: z.string().optional(),
  details: z.looseObject({ text: z.string().optional() }).optional(),
  expression: z.array(z.string()).optional(),
});

/** An OperationOutcome with its issues. */
export const OperationOutcomeSchema = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(IssueSchema).optional(),
});

const EntrySchema = z.looseObject({
  fullUrl: z.string().optional(),
  resource: ResourceSchema.optional(),
  search: z.looseObject({ mode: z.string().optional() }).optional(),
  response: z.looseObject({ status: z.string(), outcome: ResourceSchema.optional() }).optional(),
});

/** A Bundle: type, links and entries whose resources are themselves checked. */
export const BundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.enum([
    'document',
    'message',
    'transaction',
    'transaction-response',
    'batch',
    'batch-response',
    'history',
    'searchset',
    'collection',
  ]),
  total: z.number().int().min(0).optional(),
  link: z.array(z.looseObject({ relation: z.string(), url: z.string() })).optional(),
  entry: z.array(EntrySchema).optional(),
});

/** Parses a response body as a resource of the expected type (and id when given); VITALIS_UPSTREAM otherwise. */
export function parseResource<T extends Resource>(
  body: unknown,
  what: string,
  expect: { type: string; id?: string },
): T {
  const parsed = ResourceSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VITALIS_UPSTREAM', `${what}: the FHIR server sent something that is not a FHIR resource`, {
      cause: parsed.error,
    });
  }
  if (parsed.data.resourceType !== expect.type) {
    throw new AppError(
      'VITALIS_UPSTREAM',
      `${what}: the FHIR server sent a ${parsed.data.resourceType} where a ${expect.type} was expected`,
    );
  }
  if (expect.id !== undefined && parsed.data.id !== expect.id) {
    throw new AppError('VITALIS_UPSTREAM', `${what}: the FHIR server sent a resource with another id`);
  }
  return parsed.data as unknown as T;
}

/** Parses a response body as a Bundle of one of the expected types; VITALIS_UPSTREAM otherwise. */
export function parseBundle<T extends Resource = Resource>(
  body: unknown,
  what: string,
  types: readonly Bundle['type'][],
): Bundle<T> {
  const parsed = BundleSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VITALIS_UPSTREAM', `${what}: the FHIR server sent something that is not a valid Bundle`, {
      cause: parsed.error,
    });
  }
  if (!types.includes(parsed.data.type)) {
    throw new AppError(
      'VITALIS_UPSTREAM',
      `${what}: the FHIR server sent a ${parsed.data.type} Bundle where ${types.join(' or ')} was expected`,
    );
  }
  return parsed.data as unknown as Bundle<T>;
}
