import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

/** The minimal shape of a FHIR resource, checked before anything is sent. */
export interface ResourceLike {
  resourceType: string;
  id?: unknown;
  [key: string]: unknown;
}

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const URN_UUID = /^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/** True when the value is a JSON object with a plausible `resourceType`. */
export function isResourceLike(value: unknown): value is ResourceLike {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const type = (value as { resourceType?: unknown }).resourceType;
  return typeof type === 'string' && RESOURCE_TYPE.test(type);
}

/** True when the string is a valid FHIR logical id. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && FHIR_ID.test(id);
}

/** The uuid of a `urn:uuid:` fullUrl, lower-cased, or undefined. */
export function urnUuid(fullUrl: string | undefined): string | undefined {
  const m = fullUrl === undefined ? null : URN_UUID.exec(fullUrl);
  return m?.[1]?.toLowerCase();
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => k !== 'meta' && obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable id for a resource without one: a UUID-shaped SHA-256 of its content (key order and meta ignored). */
export function deterministicId(resource: ResourceLike): string {
  const hex = createHash('sha256')
    .update(canonical({ ...resource, id: undefined }))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Replaces `reference` strings found in the map, in place, anywhere in the value. */
export function rewriteReferences(value: unknown, map: ReadonlyMap<string, string>): void {
  if (map.size === 0) {
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      if (typeof v === 'object' && v !== null) {
        rewriteReferences(v, map);
      }
    }
    return;
  }
  if (typeof value !== 'object' || value === null) {
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj) {
    const v = obj[key];
    if (typeof v === 'object' && v !== null) {
      rewriteReferences(v, map);
    } else if (key === 'reference' && typeof v === 'string') {
      const target = map.get(v);
      if (target !== undefined) {
        obj[key] = target;
      }
    }
  }
}

/** The id an idempotent PUT uses for a POSTed or id-less resource: the urn:uuid, else a content hash. */
function idFor(resource: ResourceLike, fullUrl: string | undefined): string {
  return urnUuid(fullUrl) ?? deterministicId(resource);
}

/**
 * Makes a transaction (or batch) Bundle idempotent, in place: each unconditional `POST Type` becomes
 * `PUT Type/<id>` (the urn:uuid of its fullUrl, else a content hash) and references to the fullUrls it replaces are
 * rewritten to `Type/<id>`. Conditional creates (`ifNoneExist`) are left for the repository to resolve.
 */
export function makeIdempotent(bundle: Bundle): void {
  const entries = bundle.entry ?? [];
  const map = new Map<string, string>();
  const hashed: BundleEntry[] = [];
  for (const entry of entries) {
    const resource: unknown = entry.resource;
    const request = entry.request;
    if (!isResourceLike(resource) || request?.method !== 'POST' || request.ifNoneExist !== undefined) {
      continue;
    }
    const uuid = urnUuid(entry.fullUrl);
    if (uuid === undefined) {
      hashed.push(entry);
      continue;
    }
    setPut(entry, resource, uuid);
    if (entry.fullUrl !== undefined) {
      map.set(entry.fullUrl, `${resource.resourceType}/${uuid}`);
    }
  }
  rewriteEntryReferences(entries, map);
  if (hashed.length === 0) {
    return;
  }
  // Entries without a urn:uuid get a content hash, taken after the urn references in them were rewritten.
  const second = new Map<string, string>();
  for (const entry of hashed) {
    const resource = entry.resource as unknown as ResourceLike;
    const id = idFor(resource, undefined);
    setPut(entry, resource, id);
    if (entry.fullUrl !== undefined) {
      second.set(entry.fullUrl, `${resource.resourceType}/${id}`);
    }
  }
  rewriteEntryReferences(entries, second);
}

function setPut(entry: BundleEntry, resource: ResourceLike, id: string): void {
  resource.id = id;
  entry.request = { method: 'PUT', url: `${resource.resourceType}/${id}` };
}

function rewriteEntryReferences(entries: readonly BundleEntry[], map: ReadonlyMap<string, string>): void {
  if (map.size === 0) {
    return;
  }
  for (const entry of entries) {
    if (entry.resource !== undefined) {
      rewriteReferences(entry.resource, map);
    }
  }
}

/** A `PUT Type/id` batch entry for a resource from NDJSON or a collection; the id is kept, or derived when missing. */
export function putEntry(resource: ResourceLike, fullUrl: string | undefined): BundleEntry {
  if (resource.id === undefined) {
    resource.id = idFor(resource, fullUrl);
  }
  const id = resource.id as string;
  return {
    resource: resource as unknown as Resource,
    request: { method: 'PUT', url: `${resource.resourceType}/${id}` },
  };
}
