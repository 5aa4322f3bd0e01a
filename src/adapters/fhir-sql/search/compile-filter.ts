import { getSearchParameter } from '@medplum/core';
import type { SearchParameter } from '@medplum/fhirtypes';
import { badParam, splitOr, unescapeValue } from '../../../fhir/search/query-values.js';
import { dateCondition, isPrefix, splitPrefix } from './prefixes.js';
import { anyOf, type SqlBuilder } from './sql-builder.js';
import {
  dateRowCondition,
  numberRowCondition,
  quantityRowCondition,
  referenceCondition,
  stringCondition,
  tokenCondition,
  uriCondition,
  type ValuePart,
} from './value-conditions.js';

type IndexedType = 'token' | 'string' | 'date' | 'reference' | 'number' | 'quantity' | 'uri';

const TABLES: Record<IndexedType, string> = {
  token: 'sp_token',
  string: 'sp_string',
  date: 'sp_date',
  reference: 'sp_reference',
  number: 'sp_number',
  quantity: 'sp_quantity',
  uri: 'sp_uri',
};

const ROW_CONDITIONS: Record<IndexedType, (b: SqlBuilder, part: ValuePart) => string> = {
  token: tokenCondition,
  string: stringCondition,
  date: dateRowCondition,
  reference: referenceCondition,
  number: numberRowCondition,
  quantity: quantityRowCondition,
  uri: uriCondition,
};

/** A filter as parsed by @medplum/core: operator is a prefix (eq, gt...) or a modifier (exact, not, missing...). */
export interface Filter {
  code: string;
  operator: string;
  value: string;
}

/** Where a filter is compiled: `alias` is a `resources` row of `resourceType`. */
export interface FilterScope {
  alias: string;
  resourceType: string;
  /** False inside a chain (only one level of chaining). */
  allowChain: boolean;
  /**
   * True to check the filter per candidate row through the `(rid, param)` indexes (a correlated subplan, never
   * flattened); false for the one filter that drives the search through its value lookup index.
   */
  probe: boolean;
}

/** `OFFSET 0` keeps PostgreSQL from flattening a probe into a join whose plan would depend on table statistics. */
function probeTail(scope: FilterScope): string {
  return scope.probe ? ' OFFSET 0' : '';
}

/** Looks up an indexed SearchParameter of a type, failing with VITALIS_BAD_REQUEST naming the parameter. */
export function indexedParam(resourceType: string, code: string): SearchParameter & { type: IndexedType } {
  const sp = getSearchParameter(resourceType, code);
  if (!sp) {
    throw badParam(code, `Unknown search parameter ${code} for ${resourceType}`);
  }
  if (sp.type === 'composite' || sp.type === 'special') {
    throw badParam(code, `Search parameter ${code} of type ${sp.type} is not supported`);
  }
  return sp as SearchParameter & { type: IndexedType };
}

/** Compiles one filter (a parameter with its comma-separated values) into a boolean SQL condition on the scope row. */
export function compileFilter(b: SqlBuilder, scope: FilterScope, filter: Filter): string {
  if (filter.code.includes('.')) {
    if (!scope.allowChain) {
      throw badParam(filter.code, 'Only one level of chaining is supported');
    }
    return compileChain(b, scope, filter);
  }
  const a = scope.alias;
  switch (filter.code) {
    case '_id':
      return compileId(b, a, filter);
    case '_lastUpdated':
      return compileLastUpdated(b, a, filter);
    case '_compartment':
      return anyOf(
        splitOr(filter.value).map(
          (v) =>
            `EXISTS (SELECT 1 FROM compartments c WHERE c.compartment = ${b.bind(unescapeValue(v))} AND c.rid = ${a}.rid${probeTail(scope)})`,
        ),
      );
    default:
      break;
  }
  const sp = indexedParam(scope.resourceType, filter.code);
  const table = TABLES[sp.type];
  const probeScope = (): string => `i.rid = ${a}.rid AND i.param = ${b.bind(sp.code)}`;
  const rowScope = (): string =>
    scope.probe
      ? probeScope()
      : `i.rid = ${a}.rid AND i.res_type = ${b.bind(scope.resourceType)} AND i.param = ${b.bind(sp.code)}`;
  if (filter.operator === 'missing' || filter.operator === 'present') {
    const flag = parseBoolean(filter.code, filter.value);
    const missing = filter.operator === 'missing' ? flag : !flag;
    return `${missing ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${table} i WHERE ${probeScope()} OFFSET 0)`;
  }
  const negate = sp.type === 'token' && filter.operator === 'not';
  if (sp.type === 'token' && !['eq', 'not', 'text'].includes(filter.operator)) {
    throw badParam(filter.code, `Modifier :${filter.operator} is not supported on token parameter ${filter.code}`);
  }
  const operator = negate ? 'eq' : filter.operator;
  const parts = splitOr(filter.value).map((value) =>
    ROW_CONDITIONS[sp.type](b, { param: filter.code, operator, value, targets: sp.target ?? [] }),
  );
  if (negate) {
    return `NOT EXISTS (SELECT 1 FROM ${table} i WHERE ${probeScope()} AND ${anyOf(parts)} OFFSET 0)`;
  }
  return `EXISTS (SELECT 1 FROM ${table} i WHERE ${rowScope()} AND ${anyOf(parts)}${probeTail(scope)})`;
}

/**
 * For a plain positive filter on an index table, the query of the rids it matches (`SELECT i.rid ...`), served by
 * the table's value lookup index; undefined for filters that cannot drive (`_id`, chains, `:missing`, `:not`).
 */
export function driverRidSet(b: SqlBuilder, resourceType: string, filter: Filter): string | undefined {
  if (filter.code.includes('.') || ['_id', '_lastUpdated', '_compartment'].includes(filter.code)) {
    return undefined;
  }
  if (['missing', 'present', 'not'].includes(filter.operator)) {
    return undefined;
  }
  const sp = indexedParam(resourceType, filter.code);
  if (sp.type === 'token' && !['eq', 'text'].includes(filter.operator)) {
    return undefined;
  }
  const parts = splitOr(filter.value).map((value) =>
    ROW_CONDITIONS[sp.type](b, { param: filter.code, operator: filter.operator, value, targets: sp.target ?? [] }),
  );
  return `SELECT i.rid FROM ${TABLES[sp.type]} i
    WHERE i.res_type = ${b.bind(resourceType)} AND i.param = ${b.bind(sp.code)} AND ${anyOf(parts)}`;
}

function parseBoolean(param: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') {
    throw badParam(param, `Value of :missing on ${param} must be true or false`);
  }
  return value === 'true';
}

function compileId(b: SqlBuilder, alias: string, filter: Filter): string {
  if (filter.operator === 'missing') {
    return parseBoolean('_id', filter.value) ? 'false' : 'true';
  }
  if (filter.operator !== 'eq' && filter.operator !== 'not') {
    throw badParam('_id', `Modifier :${filter.operator} is not supported on _id`);
  }
  const ids = splitOr(filter.value).map((v) => b.bind(unescapeValue(v)));
  return `${alias}.id ${filter.operator === 'not' ? 'NOT ' : ''}IN (${ids.join(', ')})`;
}

function compileLastUpdated(b: SqlBuilder, alias: string, filter: Filter): string {
  if (filter.operator === 'missing') {
    return parseBoolean('_lastUpdated', filter.value) ? 'false' : 'true';
  }
  if (!isPrefix(filter.operator)) {
    throw badParam('_lastUpdated', `Modifier :${filter.operator} is not supported on _lastUpdated`);
  }
  const prefix = filter.operator;
  const column = `${alias}.last_updated`;
  return anyOf(
    splitOr(filter.value).map((v) => {
      const sql = dateCondition(b, prefix, { lo: column, hi: column }, v);
      if (sql === undefined) {
        throw badParam('_lastUpdated', 'Invalid date value for _lastUpdated');
      }
      return sql;
    }),
  );
}

/** `subject:Patient.name=x` or `patient.name=x`: resources whose reference points at a matching target. */
function compileChain(b: SqlBuilder, scope: FilterScope, filter: Filter): string {
  const dot = filter.code.indexOf('.');
  const [refCode = '', explicitType] = filter.code.slice(0, dot).split(':');
  const rest = filter.code.slice(dot + 1);
  if (rest.includes('.')) {
    throw badParam(filter.code, 'Only one level of chaining is supported');
  }
  const [innerCode = '', innerModifier] = rest.split(':');
  const sp = indexedParam(scope.resourceType, refCode);
  if (sp.type !== 'reference') {
    throw badParam(filter.code, `Chained parameter ${refCode} is not a reference`);
  }
  const targets = sp.target ?? [];
  const targetType = explicitType ?? (targets.length === 1 ? targets[0] : undefined);
  if (targetType === undefined || !targets.includes(targetType as (typeof targets)[number])) {
    throw badParam(filter.code, `Chained parameter ${refCode} needs a target type, e.g. ${refCode}:Patient.name`);
  }
  const innerSp = innerCode.startsWith('_') ? undefined : getSearchParameter(targetType, innerCode);
  if (!innerCode.startsWith('_') && innerSp === undefined) {
    throw badParam(filter.code, `Unknown search parameter ${innerCode} for ${targetType}`);
  }
  const ordered = innerSp !== undefined && ['date', 'number', 'quantity'].includes(innerSp.type);
  const inner: Filter =
    ordered && innerModifier === undefined
      ? { code: innerCode, ...splitPrefixFilter(filter.value) }
      : { code: innerCode, operator: innerModifier ?? 'eq', value: filter.value };
  const innerSql = compileFilter(b, { alias: 't', resourceType: targetType, allowChain: false, probe: false }, inner);
  return `EXISTS (SELECT 1 FROM sp_reference c JOIN resources t ON t.res_type = c.target_type AND t.id = c.target_id
    WHERE c.rid = ${scope.alias}.rid AND c.res_type = ${b.bind(scope.resourceType)} AND c.param = ${b.bind(sp.code)} AND c.target_type = ${b.bind(targetType)}
    AND NOT t.deleted AND ${innerSql}${probeTail(scope)})`;
}

function splitPrefixFilter(value: string): { operator: string; value: string } {
  const { prefix, value: rest } = splitPrefix(value);
  return { operator: prefix, value: rest };
}
