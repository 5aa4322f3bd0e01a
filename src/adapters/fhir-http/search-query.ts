import { formatSearchQuery, type SearchRequest } from '@medplum/core';
import type { Bundle } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const PARAM_NAME = /^[A-Za-z0-9_\-.:]{1,200}$/;

/** Checks a resource type for use in a URL path; VITALIS_BAD_REQUEST otherwise. */
export function typeSegment(type: string): string {
  if (!RESOURCE_TYPE.test(type)) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Invalid resource type');
  }
  return type;
}

/** Checks a logical or version id for use in a URL path; VITALIS_BAD_REQUEST otherwise. */
export function idSegment(id: string, kind: 'id' | 'versionId' = 'id'): string {
  if (!ID.test(id)) {
    throw new AppError('VITALIS_BAD_REQUEST', `Invalid ${kind}`);
  }
  return id;
}

/**
 * Serializes a SearchRequest back into a standard FHIR R4 query with @medplum/core's formatSearchQuery, using the
 * standard `_elements` (not medplum's `_fields`) and keeping `_summary`. Returns `?...` or an empty string.
 */
export function searchQuery(request: SearchRequest): string {
  checkNames(request);
  const formatted = formatSearchQuery(request);
  const params = formatted === '' ? [] : formatted.slice(1).split('&');
  const out: string[] = [];
  for (const param of params) {
    const eq = param.indexOf('=');
    const name = eq < 0 ? param : param.slice(0, eq);
    if (!PARAM_NAME.test(name)) {
      throw new AppError('VITALIS_BAD_REQUEST', 'Invalid search parameter name');
    }
    out.push(name === '_fields' ? `_elements${param.slice(eq)}` : param);
  }
  if (request.summary !== undefined) {
    out.push(`_summary=${request.summary}`);
  }
  return out.length === 0 ? '' : `?${out.join('&')}`;
}

function checkNames(request: SearchRequest): void {
  const names = [
    ...(request.filters ?? []).map((f) => f.code),
    ...(request.sortRules ?? []).map((r) => r.code),
    ...[...(request.include ?? []), ...(request.revInclude ?? [])].flatMap((t) => [
      t.resourceType,
      t.searchParam,
      ...(t.targetType === undefined ? [] : [t.targetType]),
    ]),
    ...(request.fields ?? []),
    ...(request.types ?? []),
  ];
  if (names.some((n) => !PARAM_NAME.test(n))) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Invalid search parameter name');
  }
}

/** The request path of a search (type-level, with the query). */
export function searchPath(request: SearchRequest): string {
  return `/${typeSegment(request.resourceType)}${searchQuery(request)}`;
}

/**
 * Rewrites the server's own base in Bundle links and entry fullUrls to the caller's base, so that a Vitalis facade
 * hands out URLs that point at itself. URLs on other origins are left as they are.
 */
export function rebaseBundle<B extends Bundle>(bundle: B, remoteBase: string, localBase: string | undefined): B {
  if (localBase === undefined) {
    return bundle;
  }
  const local = localBase.replace(/\/+$/, '');
  const rebase = (url: string): string =>
    url === remoteBase || url.startsWith(`${remoteBase}/`) || url.startsWith(`${remoteBase}?`)
      ? local + url.slice(remoteBase.length)
      : url;
  return {
    ...bundle,
    ...(bundle.link ? { link: bundle.link.map((l) => (l.url ? { ...l, url: rebase(l.url) } : l)) } : {}),
    ...(bundle.entry ? { entry: bundle.entry.map((e) => (e.fullUrl ? { ...e, fullUrl: rebase(e.fullUrl) } : e)) } : {}),
  };
}
