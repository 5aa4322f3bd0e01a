import type { Resource } from '@medplum/fhirtypes';
import { AppError, isAppError } from '../core/errors.js';
import type { FhirRepository } from '../fhir/repository.js';
import { assertResourceType, parseSearchQuery } from '../fhir/search/index.js';
import { fillTemplate, tokenValues, type PrefetchQuery } from './prefetch-template.js';
import type { FhirAuthorization } from './request-schema.js';

/** Opens a FHIR repository on the EHR's `fhirServer`, authenticated with the `fhirAuthorization` bearer token. */
export type EhrFhirFactory = (target: { fhirServer: string; accessToken?: string }) => FhirRepository;

/** Where a prefetch value came from, for audit and tests. */
export type PrefetchOrigin = 'request' | 'fetched' | 'not-applicable';

/** The prefetch data of one call: each key's resource (or null for "no data") and its origin. */
export interface ResolvedPrefetch {
  values: Map<string, Resource | null>;
  origins: Map<string, PrefetchOrigin>;
}

/** What resolvePrefetch needs: the service's templates, the request and a way to reach the EHR. */
export interface PrefetchInput {
  templates: Record<string, string>;
  context: Record<string, unknown>;
  prefetch: Record<string, Resource | null> | undefined;
  fhirServer: string | undefined;
  fhirAuthorization: FhirAuthorization | undefined;
  ehr: EhrFhirFactory;
}

/** The 412 every "could not obtain the data" case answers with (CDS Hooks 2.0 §Prefetch template). */
export function precondition(message: string, cause?: unknown): AppError {
  return new AppError('VITALIS_PRECONDITION_FAILED', message, cause === undefined ? {} : { cause });
}

async function runQuery(repo: FhirRepository, query: PrefetchQuery): Promise<Resource | null> {
  assertResourceType(query.type);
  if (query.kind === 'read') {
    try {
      return await repo.read(query.type, query.id);
    } catch (err) {
      if (isAppError(err, 'VITALIS_NOT_FOUND') || isAppError(err, 'VITALIS_GONE')) {
        return null;
      }
      throw err;
    }
  }
  return repo.search(parseSearchQuery(query.type, new URLSearchParams(query.params)));
}

/** Opens the EHR repository or answers 412 when the request names no FHIR server. */
export function ehrRepository(input: Pick<PrefetchInput, 'fhirServer' | 'fhirAuthorization' | 'ehr'>): FhirRepository {
  if (input.fhirServer === undefined) {
    throw precondition('Prefetch data is missing and the request names no fhirServer to fetch it from');
  }
  const token = input.fhirAuthorization?.access_token;
  return input.ehr({ fhirServer: input.fhirServer, ...(token === undefined ? {} : { accessToken: token }) });
}

/**
 * Resolves every prefetch key: the request's value when present (null meaning "no data"), otherwise the template's
 * query run against `fhirServer` with the `fhirAuthorization` token. Throws 412 when a key can be obtained neither way.
 */
export async function resolvePrefetch(input: PrefetchInput): Promise<ResolvedPrefetch> {
  const values = new Map<string, Resource | null>();
  const origins = new Map<string, PrefetchOrigin>();
  const tokens = tokenValues(input.context);
  const missing: [string, PrefetchQuery][] = [];
  for (const [key, template] of Object.entries(input.templates)) {
    const given = input.prefetch?.[key];
    if (given !== undefined) {
      values.set(key, given);
      origins.set(key, 'request');
      continue;
    }
    const query = fillTemplate(template, tokens);
    if (query === null) {
      values.set(key, null);
      origins.set(key, 'not-applicable');
    } else {
      missing.push([key, query]);
    }
  }
  if (missing.length === 0) {
    return { values, origins };
  }
  const repo = ehrRepository(input);
  try {
    const fetched = await Promise.all(missing.map(([, query]) => runQuery(repo, query)));
    missing.forEach(([key], i) => {
      values.set(key, fetched[i] ?? null);
      origins.set(key, 'fetched');
    });
  } catch (err) {
    throw precondition('Prefetch data is missing and could not be fetched from fhirServer', err);
  } finally {
    await repo.close().catch(() => undefined);
  }
  return { values, origins };
}
