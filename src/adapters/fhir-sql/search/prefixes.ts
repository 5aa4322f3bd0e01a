import { dateRange, numberRange, type Range } from '../index-ranges.js';
import type { SqlBuilder } from './sql-builder.js';

/** The comparison prefixes of ordered search types (number, date, quantity). */
export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';

const PREFIXES: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap']);

/** True when the operator is one of the ordered-type prefixes. */
export function isPrefix(operator: string): operator is Prefix {
  return PREFIXES.has(operator);
}

/** Splits a leading prefix off a raw value (used for chained parameters, which arrive unparsed). */
export function splitPrefix(value: string): { prefix: Prefix; value: string } {
  const head = value.slice(0, 2);
  if (isPrefix(head) && /^[\d-]/.test(value.slice(2))) {
    return { prefix: head, value: value.slice(2) };
  }
  return { prefix: 'eq', value };
}

/** SQL expressions of an indexed range; `value` is the written number (absent for dates). */
export interface TargetColumns {
  lo: string;
  hi: string;
  value?: string;
}

/** The search range widened by `ap`: 10% of the distance between now and the value, at least its own precision. */
export function approxDateRange(range: Range, nowMs: number): Range {
  const lo = Date.parse(range.lo);
  const hi = Date.parse(range.hi);
  const gap = Math.max(Math.abs(nowMs - lo), Math.abs(nowMs - hi));
  const delta = Math.floor(gap * 0.1);
  return { lo: new Date(lo - delta).toISOString(), hi: new Date(hi + delta).toISOString() };
}

/** The `ap` range of a number: ±10% of its value, and never narrower than its implicit precision range. */
export function approxNumberRange(value: string): Range | undefined {
  const precise = numberRange(value);
  if (!precise) {
    return undefined;
  }
  const n = Number(value);
  const delta = Math.abs(n) * 0.1;
  return {
    lo: String(Math.min(Number(precise.lo), n - delta)),
    hi: String(Math.max(Number(precise.hi), n + delta)),
  };
}

/**
 * Date prefixes with R4 range semantics: the target is [lo, hi], the search value the range implied by its precision.
 * eq: search range contains target; gt/lt: target reaches above/below the search range; sa/eb: target starts
 * after / ends before it; ap: target overlaps the widened search range. Undefined when the date is unparseable.
 */
export function dateCondition(b: SqlBuilder, prefix: Prefix, target: TargetColumns, raw: string): string | undefined {
  const range = dateRange(raw);
  if (!range) {
    return undefined;
  }
  if (prefix === 'ap') {
    const wide = approxDateRange(range, Date.now());
    return `(${target.lo} <= ${b.bind(wide.hi)} AND ${target.hi} >= ${b.bind(wide.lo)})`;
  }
  return rangeCondition(b, prefix, target, range);
}

function rangeCondition(b: SqlBuilder, prefix: Exclude<Prefix, 'ap'>, t: TargetColumns, s: Range): string {
  const contained = (): string => `(${t.lo} >= ${b.bind(s.lo)} AND ${t.hi} <= ${b.bind(s.hi)})`;
  switch (prefix) {
    case 'eq':
      return contained();
    case 'ne':
      return `NOT ${contained()}`;
    case 'gt':
      return `${t.hi} > ${b.bind(s.hi)}`;
    case 'lt':
      return `${t.lo} < ${b.bind(s.lo)}`;
    case 'ge':
      return `(${t.hi} > ${b.bind(s.hi)} OR ${contained()})`;
    case 'le':
      return `(${t.lo} < ${b.bind(s.lo)} OR ${contained()})`;
    case 'sa':
      return `${t.lo} > ${b.bind(s.hi)}`;
    case 'eb':
      return `${t.hi} < ${b.bind(s.lo)}`;
  }
}

/**
 * Number/quantity prefixes. eq/ne use the search value's implicit precision (`100` matches 99.5 <= v < 100.5);
 * gt/lt/ge/le compare the written target value against the exact search value (R4: precision is ignored there);
 * sa/eb require the whole target range above/below it; ap matches within ±10%. Undefined when not a number.
 */
export function numberCondition(b: SqlBuilder, prefix: Prefix, target: TargetColumns, raw: string): string | undefined {
  const range = numberRange(raw);
  const value = target.value ?? target.lo;
  if (!range || !/^[+-]?\d+(\.\d+)?$/.test(raw.trim())) {
    return undefined;
  }
  const v = raw.trim();
  switch (prefix) {
    case 'eq':
      return `(${value} >= ${b.bind(range.lo)} AND ${value} < ${b.bind(range.hi)})`;
    case 'ne':
      return `NOT (${value} >= ${b.bind(range.lo)} AND ${value} < ${b.bind(range.hi)})`;
    case 'gt':
      return `${value} > ${b.bind(v)}`;
    case 'lt':
      return `${value} < ${b.bind(v)}`;
    case 'ge':
      return `${value} >= ${b.bind(v)}`;
    case 'le':
      return `${value} <= ${b.bind(v)}`;
    case 'sa':
      return `${target.lo} > ${b.bind(v)}`;
    case 'eb':
      return `${target.hi} < ${b.bind(v)}`;
    case 'ap': {
      const wide = approxNumberRange(v);
      return wide ? `(${value} >= ${b.bind(wide.lo)} AND ${value} <= ${b.bind(wide.hi)})` : undefined;
    }
  }
}
