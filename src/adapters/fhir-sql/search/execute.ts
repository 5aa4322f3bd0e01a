import type { SearchRequest } from '@medplum/core';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { SqlClient } from '../sql-client.js';
import { compileSearch, pageOf } from './compile-search.js';
import { selectElements, summarize } from './elements.js';
import { fetchAllIncludes, type FoundRow } from './include.js';
import { pageLinks } from './links.js';

/** Options of executeSearch. */
export interface SearchOptions {
  /** FHIR base URL for fullUrl and links, e.g. `http://host/fhir`; relative URLs when absent. */
  baseUrl?: string | undefined;
}

/** A matching resource's type and id. */
export interface MatchId {
  type: string;
  id: string;
}

async function countMatches(db: SqlClient, request: SearchRequest): Promise<number> {
  // Sort keys bind parameters of their own; a count has no ORDER BY, so compile without them.
  const c = compileSearch({ ...request, sortRules: [] });
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM resources r WHERE ${c.where}`,
    c.builder.params,
  );
  return rows[0]?.n ?? 0;
}

/** Finds the ids of current resources matching a search (for conditional create/update/references), up to `limit`. */
export async function findMatchingIds(db: SqlClient, request: SearchRequest, limit = 2): Promise<MatchId[]> {
  const c = compileSearch({ ...request, sortRules: [] });
  const lim = c.builder.bind(limit);
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM resources r WHERE ${c.where} ORDER BY r.id LIMIT ${lim}`,
    c.builder.params,
  );
  return rows.map((r) => ({ type: request.resourceType, id: r.id }));
}

function entry(base: string | undefined, row: FoundRow, mode: 'match' | 'include', resource: Resource): BundleEntry {
  const path = `${row.content.resourceType}/${row.id}`;
  return { fullUrl: base === undefined ? path : `${base}/${path}`, resource, search: { mode } };
}

/** Runs a FHIR search over the SQL store and returns a `searchset` Bundle (matches, includes, total, paging links). */
export async function executeSearch(
  db: SqlClient,
  request: SearchRequest,
  options: SearchOptions = {},
): Promise<Bundle> {
  const c = compileSearch(request);
  const { count, offset } = pageOf(request);
  let matches: FoundRow[] = [];
  let hasNext = false;
  if (count > 0) {
    const lim = c.builder.bind(count + 1);
    const off = c.builder.bind(offset);
    const { rows } = await db.query<FoundRow>(
      `SELECT r.rid, r.id, r.content FROM resources r WHERE ${c.where} ORDER BY ${c.orderBy} LIMIT ${lim} OFFSET ${off}`,
      c.builder.params,
    );
    hasNext = rows.length > count;
    matches = hasNext ? rows.slice(0, count) : rows;
  }
  const cheap = count > 0 && !hasNext && (matches.length > 0 || offset === 0);
  let total: number | undefined;
  if (request.total !== 'none' && cheap) {
    total = offset + matches.length;
  } else if (request.total === 'accurate' || request.total === 'estimate' || count === 0) {
    total = await countMatches(db, request);
  }
  const included = await fetchAllIncludes(db, request.resourceType, matches, {
    include: request.include ?? [],
    revInclude: request.revInclude ?? [],
  });
  const base = options.baseUrl?.replace(/\/+$/, '');
  const shape = (r: Resource): Resource =>
    request.fields ? selectElements(r, request.fields) : summarize(r, request.summary);
  const entries = [
    ...matches.map((m) => entry(base, m, 'match', shape(m.content))),
    ...included.map((m) => entry(base, m, 'include', shape(m.content))),
  ];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total === undefined ? {} : { total }),
    link: pageLinks(request, { baseUrl: base, count, offset, hasNext, total }),
    ...(entries.length > 0 ? { entry: entries } : {}),
  };
}
