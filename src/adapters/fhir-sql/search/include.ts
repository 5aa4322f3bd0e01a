import type { IncludeTarget } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { SqlClient } from '../sql-client.js';
import { indexedParam } from './compile-filter.js';
import { assertResourceType } from '../../../fhir/resource-type.js';
import { badParam } from '../../../fhir/search/query-values.js';
import { SqlBuilder } from './sql-builder.js';

/** A matched row: its surrogate key, logical id and content. */
export type FoundRow = {
  rid: number;
  id: string;
  content: Resource;
};

function referenceParam(kind: string, t: IncludeTarget): string {
  assertResourceType(t.resourceType);
  let code: string;
  let type: string;
  try {
    const sp = indexedParam(t.resourceType, t.searchParam);
    code = sp.code;
    type = sp.type;
  } catch {
    throw badParam(kind, `Unknown search parameter ${t.searchParam} for ${t.resourceType}`);
  }
  if (type !== 'reference') {
    throw badParam(kind, `${t.resourceType}:${t.searchParam} is not a reference parameter`);
  }
  if (t.targetType !== undefined) {
    assertResourceType(t.targetType);
  }
  return code;
}

/** `_include=Type:param[:Target]`: the current resources referenced by the matches through that parameter. */
export async function fetchIncludes(
  db: SqlClient,
  matchType: string,
  matches: readonly FoundRow[],
  targets: readonly IncludeTarget[],
): Promise<FoundRow[]> {
  const out: FoundRow[] = [];
  if (matches.length === 0) {
    return out;
  }
  for (const t of targets) {
    const code = referenceParam('_include', t);
    if (t.resourceType !== matchType) {
      continue;
    }
    const b = new SqlBuilder();
    const rids = matches.map((m) => b.bind(m.rid));
    const typeCond = t.targetType === undefined ? '' : ` AND ref.target_type = ${b.bind(t.targetType)}`;
    const { rows } = await db.query<FoundRow>(
      `SELECT DISTINCT ON (x.rid) x.rid, x.id, x.content FROM sp_reference ref
       JOIN resources x ON x.res_type = ref.target_type AND x.id = ref.target_id
       WHERE ref.rid IN (${rids.join(', ')}) AND ref.param = ${b.bind(code)}${typeCond} AND NOT x.deleted
       ORDER BY x.rid`,
      b.params,
    );
    out.push(...rows);
  }
  return out;
}

/** `_revinclude=Type:param`: the current resources of Type whose parameter references one of the matches. */
export async function fetchRevIncludes(
  db: SqlClient,
  matchType: string,
  matches: readonly FoundRow[],
  targets: readonly IncludeTarget[],
): Promise<FoundRow[]> {
  const out: FoundRow[] = [];
  if (matches.length === 0) {
    return out;
  }
  for (const t of targets) {
    const code = referenceParam('_revinclude', t);
    if (t.targetType !== undefined && t.targetType !== matchType) {
      continue;
    }
    const b = new SqlBuilder();
    const ids = matches.map((m) => b.bind(m.id));
    const { rows } = await db.query<FoundRow>(
      `SELECT DISTINCT ON (x.rid) x.rid, x.id, x.content FROM sp_reference ref
       JOIN resources x ON x.rid = ref.rid
       WHERE ref.target_id IN (${ids.join(', ')}) AND ref.param = ${b.bind(code)}
         AND ref.res_type = ${b.bind(t.resourceType)} AND ref.target_type = ${b.bind(matchType)} AND NOT x.deleted
       ORDER BY x.rid`,
      b.params,
    );
    out.push(...rows);
  }
  return out;
}

/** How many levels of `:iterate` includes are followed beyond the first. */
export const MAX_INCLUDE_ITERATIONS = 3;

const iterates = (t: IncludeTarget): boolean => t.modifier === 'iterate' || t.modifier === 'recurse';

function byType(rows: readonly FoundRow[]): Map<string, FoundRow[]> {
  const groups = new Map<string, FoundRow[]>();
  for (const row of rows) {
    const type = row.content.resourceType;
    groups.set(type, [...(groups.get(type) ?? []), row]);
  }
  return groups;
}

/**
 * `_include` and `_revinclude` of a page of matches, then the `:iterate` ones again on each newly included resource
 * (up to MAX_INCLUDE_ITERATIONS levels); every resource appears once and never duplicates a match.
 */
export async function fetchAllIncludes(
  db: SqlClient,
  matchType: string,
  matches: readonly FoundRow[],
  targets: { include: readonly IncludeTarget[]; revInclude: readonly IncludeTarget[] },
): Promise<FoundRow[]> {
  const seen = new Set(matches.map((m) => m.rid));
  const out: FoundRow[] = [];
  const add = (rows: readonly FoundRow[]): FoundRow[] => {
    const fresh = rows.filter((r) => !seen.has(r.rid) && seen.add(r.rid));
    out.push(...fresh);
    return fresh;
  };
  let frontier = add([
    ...(await fetchIncludes(db, matchType, matches, targets.include)),
    ...(await fetchRevIncludes(db, matchType, matches, targets.revInclude)),
  ]);
  const include = targets.include.filter(iterates);
  const revInclude = targets.revInclude.filter(iterates);
  for (let level = 0; level < MAX_INCLUDE_ITERATIONS && frontier.length > 0; level++) {
    if (include.length === 0 && revInclude.length === 0) {
      break;
    }
    const found: FoundRow[] = [];
    for (const [type, rows] of byType(frontier)) {
      found.push(
        ...(await fetchIncludes(db, type, rows, include)),
        ...(await fetchRevIncludes(db, type, rows, revInclude)),
      );
    }
    frontier = add(found);
  }
  return out;
}
