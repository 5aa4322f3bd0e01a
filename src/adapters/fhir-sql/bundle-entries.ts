import type { BundleEntry, Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { assertResourceType, assertValidId } from './validate.js';

/** One parsed batch/transaction entry. `id` of POST/conditional PUT is assigned later. */
export type EntryPlan =
  | { method: 'GET'; url: string }
  | { method: 'DELETE'; type: string; id: string | undefined; query: string | undefined }
  | {
      method: 'POST';
      type: string;
      resource: Resource;
      fullUrl: string | undefined;
      ifNoneExist: string | undefined;
      id?: string;
      /** Set when conditional create matched an existing resource. */
      existing?: Resource;
    }
  | {
      method: 'PUT';
      type: string;
      id: string | undefined;
      query: string | undefined;
      resource: Resource;
      fullUrl: string | undefined;
      ifMatch: string | undefined;
    };

/** Strips the base URL and leading slash from an entry request URL. */
export function relativeUrl(url: string, baseUrl: string | undefined): string {
  let u = url.trim();
  if (baseUrl && u.startsWith(baseUrl)) {
    u = u.slice(baseUrl.length);
  }
  return u.replace(/^\/+/, '');
}

/** Splits `Type/id` or `Type?query` into its parts. */
export function splitTypeUrl(url: string): { type: string; id: string | undefined; query: string | undefined } {
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const query = q >= 0 ? url.slice(q + 1) : undefined;
  const [type = '', id, ...rest] = path.split('/');
  if (rest.length > 0) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Unsupported request URL in bundle entry');
  }
  assertResourceType(type);
  return { type, id: id === '' ? undefined : id, query };
}

/** Strips the weak ETag wrapper from an If-Match value (`W/"3"` → `3`). */
export function etagVersion(value: string): string {
  return value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** Parses one entry's request into a plan; throws VITALIS_BAD_REQUEST for malformed entries. */
export function parseEntry(entry: BundleEntry, baseUrl: string | undefined): EntryPlan {
  const method = entry.request?.method;
  const url = entry.request?.url;
  if (!method || typeof url !== 'string') {
    throw new AppError('VITALIS_BAD_REQUEST', 'Bundle entry must have request.method and request.url');
  }
  const rel = relativeUrl(url, baseUrl);
  if (method === 'GET' || method === 'HEAD') {
    return { method: 'GET', url: rel };
  }
  const { type, id, query } = splitTypeUrl(rel);
  if (method === 'DELETE') {
    if (id === undefined && query === undefined) {
      throw new AppError('VITALIS_BAD_REQUEST', 'DELETE entry needs Type/id or a conditional query');
    }
    return { method, type, id, query };
  }
  if (method !== 'POST' && method !== 'PUT') {
    throw new AppError('VITALIS_NOT_IMPLEMENTED', `Bundle entry method ${method} is not supported`);
  }
  const resource = entry.resource;
  if (!resource || typeof resource !== 'object') {
    throw new AppError('VITALIS_BAD_REQUEST', `${method} entry needs a resource`);
  }
  if (resource.resourceType !== type) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Entry resource type does not match request.url');
  }
  const fullUrl = entry.fullUrl;
  if (method === 'POST') {
    return { method, type, resource, fullUrl, ifNoneExist: entry.request?.ifNoneExist };
  }
  if (id !== undefined) {
    assertValidId(id);
    if (resource.id !== undefined && resource.id !== id) {
      throw new AppError('VITALIS_BAD_REQUEST', 'Resource id does not match the id in request.url');
    }
  } else if (query === undefined) {
    throw new AppError('VITALIS_BAD_REQUEST', 'PUT entry needs Type/id or a conditional query');
  }
  const ifMatch = entry.request?.ifMatch;
  return { method, type, id, query, resource, fullUrl, ifMatch: ifMatch ? etagVersion(ifMatch) : undefined };
}

/** Collects `reference` strings for which `pick` returns true, anywhere in a value. */
export function collectReferences(value: unknown, pick: (ref: string) => boolean, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) {
      collectReferences(v, pick, out);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') {
        if (pick(v)) {
          out.add(v);
        }
      } else if (typeof v === 'object') {
        collectReferences(v, pick, out);
      }
    }
  }
}

/** Returns a copy of value with `reference` strings replaced per map (copy-on-write: untouched parts are shared). */
export function rewriteReferences<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v: unknown, i) => {
      const r = rewriteReferences(v, map);
      if (r !== v) {
        out ??= [...(value as unknown[])];
        out[i] = r;
      }
    });
    return (out ?? value) as T;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    let r: unknown = v;
    if (k === 'reference' && typeof v === 'string') {
      r = map.get(v) ?? v;
    } else if (v !== null && typeof v === 'object') {
      r = rewriteReferences(v, map);
    }
    if (r !== v) {
      out ??= { ...(value as Record<string, unknown>) };
      out[k] = r;
    }
  }
  return (out ?? value) as T;
}

/** True for a conditional reference such as `Patient?identifier=http://x|1`. */
export function isConditionalReference(ref: string): boolean {
  return /^[A-Z][A-Za-z]+\?/.test(ref);
}
