import type { SortRule } from '@medplum/core';
import { badParam } from '../../../fhir/search/query-values.js';
import { indexedParam } from './compile-filter.js';
import type { SqlBuilder } from './sql-builder.js';

const SORT_VALUE: Record<string, { table: string; asc: string; desc: string }> = {
  token: { table: 'sp_token', asc: 'min(s.code)', desc: 'max(s.code)' },
  string: { table: 'sp_string', asc: 'min(s.value)', desc: 'max(s.value)' },
  date: { table: 'sp_date', asc: 'min(s.lo)', desc: 'max(s.hi)' },
  reference: { table: 'sp_reference', asc: 'min(s.ref)', desc: 'max(s.ref)' },
  number: { table: 'sp_number', asc: 'min(s.value)', desc: 'max(s.value)' },
  quantity: { table: 'sp_quantity', asc: 'min(s.value)', desc: 'max(s.value)' },
  uri: { table: 'sp_uri', asc: 'min(s.value)', desc: 'max(s.value)' },
};

/**
 * ORDER BY terms for `_sort` rules on row `alias`: ascending uses a resource's lowest value, descending its highest;
 * resources without a value sort last. A final `id` term keeps paging stable (and lets a type-wide page walk the (res_type, id) index).
 */
export function compileSort(b: SqlBuilder, alias: string, resourceType: string, rules: readonly SortRule[]): string {
  // An empty `_sort=` (or `_sort=-`) is ignored.
  const terms = rules
    .filter((rule) => rule.code !== '')
    .map((rule) => {
      const dir = rule.descending ? 'DESC' : 'ASC';
      if (rule.code === '_id') {
        return `${alias}.id ${dir}`;
      }
      if (rule.code === '_lastUpdated') {
        return `${alias}.last_updated ${dir}`;
      }
      if (
        rule.code.startsWith('_') &&
        rule.code !== '_tag' &&
        rule.code !== '_profile' &&
        rule.code !== '_security' &&
        rule.code !== '_source'
      ) {
        throw badParam('_sort', `Cannot sort by ${rule.code}`);
      }
      let sp;
      try {
        sp = indexedParam(resourceType, rule.code);
      } catch {
        throw badParam('_sort', `Unknown sort parameter ${rule.code} for ${resourceType}`);
      }
      const v = SORT_VALUE[sp.type];
      if (!v) {
        throw badParam('_sort', `Cannot sort by ${rule.code}`);
      }
      const agg = rule.descending ? v.desc : v.asc;
      return `(SELECT ${agg} FROM ${v.table} s WHERE s.rid = ${alias}.rid AND s.param = ${b.bind(sp.code)}) ${dir} NULLS LAST`;
    });
  return [...terms, `${alias}.id ASC`].join(', ');
}
