import type { SearchRequest } from '@medplum/core';
import { compileFilter, driverRidSet } from './compile-filter.js';
import { pickDriver } from './driver.js';
import { badParam } from '../../../fhir/search/query-values.js';
import { assertResourceType } from '../../../fhir/resource-type.js';
import { compileSort } from './sort.js';
import { SqlBuilder } from './sql-builder.js';

/** Default and maximum page sizes. */
export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

/** A compiled search: the WHERE clause on `resources r`, its bind values and the ORDER BY list. */
export interface CompiledSearch {
  builder: SqlBuilder;
  where: string;
  orderBy: string;
}

/** Fails with VITALIS_UNKNOWN_TYPE unless the type is an R4 resource type. */

const TOTAL_VALUES: ReadonlySet<string> = new Set(['none', 'estimate', 'accurate']);

/** `_total` must be a known mode (@medplum/core's parser already drops an unknown `_summary`, see src/server). */
function checkResultParams(request: SearchRequest): void {
  if (request.total !== undefined && !TOTAL_VALUES.has(request.total)) {
    throw badParam('_total', '_total must be one of none, estimate, accurate');
  }
}

/** Compiles the filters and sort rules of a request into SQL over `resources r` (current, non-deleted rows only). */
export function compileSearch(request: SearchRequest): CompiledSearch {
  assertResourceType(request.resourceType);
  if (request.cursor !== undefined) {
    throw badParam('_cursor', '_cursor is not supported; use _offset');
  }
  if (request.types !== undefined) {
    throw badParam('_type', '_type is only valid for a system-level search');
  }
  checkResultParams(request);
  const b = new SqlBuilder();
  const conditions = [`r.res_type = ${b.bind(request.resourceType)}`, 'NOT r.deleted'];
  // A parameter with an empty value (`name=`) is ignored, as by other servers, whatever its type.
  const filters = (request.filters ?? []).filter((f) => f.value !== '');
  const driver = pickDriver(request.resourceType, filters);
  const driverFilter = filters[driver];
  const ridSet = driverFilter === undefined ? undefined : driverRidSet(b, request.resourceType, driverFilter);
  const probes: string[] = [];
  filters.forEach((filter, i) => {
    if (i === driver && ridSet !== undefined) {
      return;
    }
    const columnScoped = filter.code === '_id' || filter.code === '_lastUpdated';
    const alias = ridSet !== undefined && !columnScoped ? 'd' : 'r';
    const scope = { alias, resourceType: request.resourceType, allowChain: true, probe: i !== driver };
    (alias === 'd' ? probes : conditions).push(compileFilter(b, scope, filter));
  });
  if (ridSet !== undefined) {
    // Probes run on the driver's rids before any resource row is read.
    const where = probes.length > 0 ? ` WHERE ${probes.join(' AND ')}` : '';
    conditions.push(`r.rid IN (SELECT d.rid FROM (${ridSet}) d${where})`);
  }
  const orderBy = compileSort(b, 'r', request.resourceType, request.sortRules ?? []);
  return { builder: b, where: conditions.join('\n  AND '), orderBy };
}

/** The page window of a request: `_count` (default 20, at most 1000) and `_offset`. */
export function pageOf(request: SearchRequest): { count: number; offset: number } {
  const count = request.count;
  const offset = request.offset;
  if (count !== undefined && (count === null || !Number.isSafeInteger(count) || count < 0)) {
    throw badParam('_count', '_count must be a non-negative integer');
  }
  if (offset !== undefined && (offset === null || !Number.isSafeInteger(offset) || offset < 0)) {
    throw badParam('_offset', '_offset must be a non-negative integer');
  }
  return { count: Math.min(count ?? DEFAULT_COUNT, MAX_COUNT), offset: offset ?? 0 };
}
