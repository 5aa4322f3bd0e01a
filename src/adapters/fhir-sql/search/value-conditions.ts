import { isResourceType } from '@medplum/core';
import { normalizeSearchString } from '../schema.js';
import { badParam, splitUnescaped, unescapeValue } from '../../../fhir/search/query-values.js';
import { dateCondition, isPrefix, numberCondition, type Prefix } from './prefixes.js';
import { escapeLike, type SqlBuilder } from './sql-builder.js';

/** One comma-separated part of a filter value, with the operator (prefix or modifier) and parameter code. */
export interface ValuePart {
  param: string;
  operator: string;
  value: string;
  /** Target resource types of a reference parameter. */
  targets: readonly string[];
}

/** The condition on an sp_token row `i` for one value: `code`, `system|code`, `|code` or `system|`. */
export function tokenCondition(b: SqlBuilder, part: ValuePart): string {
  if (part.operator === 'text') {
    const text = escapeLike(normalizeSearchString(unescapeValue(part.value)));
    return `(i.display LIKE ${b.bind(`${text}%`)} OR i.display LIKE ${b.bind(`% ${text}%`)})`;
  }
  const pieces = splitUnescaped(part.value, '|').map(unescapeValue);
  if (pieces.length === 1) {
    return `i.code = ${b.bind(pieces[0])}`;
  }
  if (pieces.length !== 2) {
    throw badParam(part.param, `Invalid token value for ${part.param}`);
  }
  const [system = '', code = ''] = pieces;
  if (system === '' && code === '') {
    throw badParam(part.param, `Invalid token value for ${part.param}`);
  }
  if (system === '') {
    return `(i.code = ${b.bind(code)} AND i.system IS NULL)`;
  }
  if (code === '') {
    return `i.system = ${b.bind(system)}`;
  }
  return `(i.code = ${b.bind(code)} AND i.system = ${b.bind(system)})`;
}

/** The condition on an sp_string row `i`: starts-with on normalized text by default, `:exact`, `:contains`. */
export function stringCondition(b: SqlBuilder, part: ValuePart): string {
  const raw = unescapeValue(part.value);
  switch (part.operator) {
    case 'exact':
      return `i.exact = ${b.bind(raw)}`;
    case 'contains':
      return `i.value LIKE ${b.bind(`%${escapeLike(normalizeSearchString(raw))}%`)}`;
    case 'eq':
    case 'sw':
      return `i.value LIKE ${b.bind(`${escapeLike(normalizeSearchString(raw))}%`)}`;
    default:
      throw badParam(part.param, `Modifier :${part.operator} is not supported on string parameter ${part.param}`);
  }
}

/** The condition on an sp_uri row `i`: equality, `:below` (prefix) or `:above` (the value starts with the row). */
export function uriCondition(b: SqlBuilder, part: ValuePart): string {
  const raw = unescapeValue(part.value);
  switch (part.operator) {
    case 'eq':
      return `i.value = ${b.bind(raw)}`;
    case 'below':
      return `i.value LIKE ${b.bind(`${escapeLike(raw)}%`)}`;
    case 'above':
      return `left(${b.bind(raw)}, length(i.value)) = i.value`;
    default:
      throw badParam(part.param, `Modifier :${part.operator} is not supported on uri parameter ${part.param}`);
  }
}

const TYPE_ID = /^(?:.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** The condition on an sp_reference row `i`: `id`, `Type/id`, an absolute URL ending in Type/id, or any other ref. */
export function referenceCondition(b: SqlBuilder, part: ValuePart): string {
  const raw = unescapeValue(part.value);
  if (part.operator === 'identifier') {
    throw badParam(part.param, `Modifier :identifier is not supported on ${part.param}`);
  }
  if (part.operator !== 'eq' && !isResourceType(part.operator)) {
    throw badParam(part.param, `Modifier :${part.operator} is not supported on reference parameter ${part.param}`);
  }
  const typed = part.operator === 'eq' ? raw : raw.includes('/') ? raw : `${part.operator}/${raw}`;
  const m = TYPE_ID.exec(typed);
  if (m?.[1] && m[2] && isResourceType(m[1])) {
    const typeOk = part.operator === 'eq' || part.operator === m[1];
    if (!typeOk) {
      return 'false';
    }
    return `(i.target_id = ${b.bind(m[2])} AND i.target_type = ${b.bind(m[1])})`;
  }
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(typed)) {
    const [only] = part.targets;
    return part.targets.length === 1 && only !== undefined
      ? `(i.target_id = ${b.bind(typed)} AND i.target_type = ${b.bind(only)})`
      : `i.target_id = ${b.bind(typed)}`;
  }
  return `i.ref = ${b.bind(typed)}`;
}

function prefixOf(part: ValuePart): Prefix {
  if (!isPrefix(part.operator)) {
    throw badParam(part.param, `Modifier :${part.operator} is not supported on ${part.param}`);
  }
  return part.operator;
}

/** The condition on an sp_date row `i` for one prefixed value. */
export function dateRowCondition(b: SqlBuilder, part: ValuePart): string {
  const sql = dateCondition(b, prefixOf(part), { lo: 'i.lo', hi: 'i.hi' }, part.value);
  if (sql === undefined) {
    throw badParam(part.param, `Invalid date value for ${part.param}`);
  }
  return sql;
}

/** The condition on an sp_number row `i` for one prefixed value. */
export function numberRowCondition(b: SqlBuilder, part: ValuePart): string {
  const sql = numberCondition(b, prefixOf(part), { lo: 'i.lo', hi: 'i.hi', value: 'i.value' }, part.value);
  if (sql === undefined) {
    throw badParam(part.param, `Invalid number value for ${part.param}`);
  }
  return sql;
}

/** The condition on an sp_quantity row `i`: `number`, `number|system|code` or `number||code` (code or unit). */
export function quantityRowCondition(b: SqlBuilder, part: ValuePart): string {
  const pieces = splitUnescaped(part.value, '|').map(unescapeValue);
  const [num = '', system = '', code = ''] = pieces;
  if (pieces.length !== 1 && pieces.length !== 3) {
    throw badParam(part.param, `Invalid quantity value for ${part.param}`);
  }
  const valueSql = numberCondition(b, prefixOf(part), { lo: 'i.lo', hi: 'i.hi', value: 'i.value' }, num);
  if (valueSql === undefined) {
    throw badParam(part.param, `Invalid quantity value for ${part.param}`);
  }
  const conditions = [valueSql];
  if (system !== '') {
    conditions.push(`i.system = ${b.bind(system)}`);
  }
  if (code !== '') {
    const c = b.bind(code);
    conditions.push(system === '' ? `(i.code = ${c} OR i.unit = ${c})` : `i.code = ${c}`);
  }
  return conditions.length === 1 ? valueSql : `(${conditions.join(' AND ')})`;
}
