import { getSearchParameter, isResourceType, parseSearchRequest, type SearchRequest } from '@medplum/core';
import { assertResourceType } from '../resource-type.js';
import { badParam, splitOr } from './query-values.js';

const MODIFIERS: Record<string, readonly string[]> = {
  token: ['not', 'text', 'missing', 'above', 'below', 'in', 'not-in', 'of-type'],
  string: ['exact', 'contains', 'missing'],
  reference: ['missing', 'identifier'],
  uri: ['below', 'above', 'missing'],
  date: ['missing'],
  number: ['missing'],
  quantity: ['missing'],
};

/** Rewrites `ref:Type=id` to `ref=Type/id` (which @medplum/core's parser would otherwise drop) and rejects unknown modifiers. */
function normalizeKey(resourceType: string, key: string, value: string): [string, string] {
  const colon = key.indexOf(':');
  if (colon < 0 || key.includes('.') || key.startsWith('_')) {
    return [key, value];
  }
  const code = key.slice(0, colon);
  const modifier = key.slice(colon + 1);
  const sp = getSearchParameter(resourceType, code);
  if (!sp) {
    throw badParam(code, `Unknown search parameter ${code} for ${resourceType}`);
  }
  if (sp.type === 'reference' && isResourceType(modifier)) {
    const typed = splitOr(value).map((v) => (v.includes('/') ? v : `${modifier}/${v}`));
    return [code, typed.join(',')];
  }
  if (!(MODIFIERS[sp.type] ?? []).includes(modifier)) {
    throw badParam(code, `Modifier :${modifier} is not supported on ${code}`);
  }
  return [key, value];
}

/** An unencoded `+02:00` time-zone offset arrives as a space after form decoding; put the plus back on dates. */
function restorePlus(resourceType: string, key: string, value: string): string {
  const code = key.split(':')[0] ?? key;
  if (getSearchParameter(resourceType, code)?.type !== 'date') {
    return value;
  }
  return value.replace(/T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:\d{2})(?=,|$)/g, 'T$1+$2');
}

/**
 * Parses `Type` plus a query string (or pairs) into a SearchRequest, keeping reference type modifiers and turning
 * parser failures into VITALIS_BAD_REQUEST. Use this rather than parseSearchRequest for conditional requests too.
 */
export function parseSearchQuery(resourceType: string, query: string | URLSearchParams): SearchRequest {
  assertResourceType(resourceType);
  const params = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if ((key === '_count' || key === '_offset') && !/^\d{1,15}$/.test(value)) {
      throw badParam(key, `${key} must be a non-negative whole number`);
    }
    const [k, v] = normalizeKey(resourceType, key, restorePlus(resourceType, key, value));
    out.append(k, v);
  }
  try {
    return parseSearchRequest(`${resourceType}?${out.toString()}`);
  } catch (err) {
    throw badParam(failingKey(resourceType, out), 'Invalid search parameter value', err);
  }
}

/** Finds the parameter the parser rejected (values are not echoed: they may be PHI). */
function failingKey(resourceType: string, params: URLSearchParams): string {
  for (const [key, value] of params) {
    try {
      parseSearchRequest(`${resourceType}?${new URLSearchParams([[key, value]]).toString()}`);
    } catch {
      return key;
    }
  }
  return resourceType;
}

/** Parses `Type?query` (as written in a URL or on the command line) into a SearchRequest. */
export function parseSearchUrl(url: string): SearchRequest {
  const trimmed = url.replace(/^\/+/, '');
  const q = trimmed.indexOf('?');
  return parseSearchQuery(q < 0 ? trimmed : trimmed.slice(0, q), q < 0 ? '' : trimmed.slice(q + 1));
}
