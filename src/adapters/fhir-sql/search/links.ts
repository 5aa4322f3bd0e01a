import type { IncludeTarget, SearchRequest } from '@medplum/core';
import type { BundleLink } from '@medplum/fhirtypes';
import { isPrefix } from './prefixes.js';

function includeParam(kind: string, t: IncludeTarget): string {
  const key = t.modifier ? `${kind}:${t.modifier}` : kind;
  return `${key}=${encodeURIComponent([t.resourceType, t.searchParam, t.targetType].filter(Boolean).join(':'))}`;
}

/** Renders a request's query (everything except _count/_offset) back into a query string, in a stable order. */
export function formatQuery(request: SearchRequest): string[] {
  const params: string[] = [];
  for (const f of request.filters ?? []) {
    if (isPrefix(f.operator) || f.code.includes('.')) {
      const prefix = f.operator === 'eq' || f.code.includes('.') ? '' : f.operator;
      params.push(`${f.code}=${prefix}${encodeURIComponent(f.value)}`);
    } else {
      params.push(`${f.code}:${f.operator}=${encodeURIComponent(f.value)}`);
    }
  }
  if (request.sortRules && request.sortRules.length > 0) {
    params.push(`_sort=${request.sortRules.map((r) => (r.descending ? `-${r.code}` : r.code)).join(',')}`);
  }
  for (const t of request.include ?? []) {
    params.push(includeParam('_include', t));
  }
  for (const t of request.revInclude ?? []) {
    params.push(includeParam('_revinclude', t));
  }
  if (request.fields) {
    params.push(`_elements=${request.fields.map(encodeURIComponent).join(',')}`);
  }
  if (request.summary) {
    params.push(`_summary=${request.summary}`);
  }
  if (request.total && request.count !== 0) {
    params.push(`_total=${request.total}`);
  }
  return params;
}

/** Options for paging links. */
export interface PageLinks {
  baseUrl: string | undefined;
  count: number;
  offset: number;
  hasNext: boolean;
  total: number | undefined;
}

/** The self/first/next/prev/last links of a searchset page (offset paging, the original query preserved). */
export function pageLinks(request: SearchRequest, page: PageLinks): BundleLink[] {
  const query = formatQuery(request);
  const url = (count: number, offset: number): string => {
    const paging = count === 0 ? ['_summary=count'] : [`_count=${String(count)}`, `_offset=${String(offset)}`];
    const base = page.baseUrl === undefined ? request.resourceType : `${page.baseUrl}/${request.resourceType}`;
    return `${base}?${[...query, ...paging].join('&')}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: url(page.count, page.offset) }];
  if (page.count === 0) {
    return links;
  }
  links.push({ relation: 'first', url: url(page.count, 0) });
  if (page.offset > 0) {
    links.push({ relation: 'prev', url: url(page.count, Math.max(0, page.offset - page.count)) });
  }
  if (page.hasNext) {
    links.push({ relation: 'next', url: url(page.count, page.offset + page.count) });
  }
  if (page.total !== undefined && page.total > 0) {
    links.push({ relation: 'last', url: url(page.count, Math.floor((page.total - 1) / page.count) * page.count) });
  }
  return links;
}
