import { STATUS_CODES } from 'node:http';
import type { BundleEntry, Resource } from '@medplum/fhirtypes';
import type { AppError } from '../../core/errors.js';
import { errorToOutcome, UNCHANGED_OUTCOME } from '../../fhir/outcomes.js';

/** `201 Created`-style status line for an HTTP status code. */
export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown'}`;
}

/** The response entry for a written or matched resource. */
export function writeEntry(
  resource: Resource,
  outcome: 'created' | 'updated' | 'unchanged' | 'existing',
  baseUrl: string,
): BundleEntry {
  const version = resource.meta?.versionId ?? '1';
  return {
    fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`,
    resource,
    response: {
      status: statusLine(outcome === 'created' ? 201 : 200),
      location: `${resource.resourceType}/${resource.id ?? ''}/_history/${version}`,
      etag: `W/"${version}"`,
      ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
      ...(outcome === 'unchanged' ? { outcome: UNCHANGED_OUTCOME } : {}),
    },
  };
}

/** The response entry for a failed batch entry. */
export function errorEntry(err: AppError): BundleEntry {
  return { response: { status: statusLine(err.status), outcome: errorToOutcome(err) } };
}

/** The response entry for a GET (read or search). */
export function readEntry(resource: Resource, baseUrl: string): BundleEntry {
  const version = resource.meta?.versionId;
  return {
    ...(resource.resourceType !== 'Bundle' && resource.id
      ? { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}` }
      : {}),
    resource,
    response: {
      status: statusLine(200),
      ...(version ? { etag: `W/"${version}"` } : {}),
      ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
    },
  };
}

/** The response entry for a delete. */
export function deleteEntry(): BundleEntry {
  return { response: { status: statusLine(204) } };
}
