import { describe, expect, it } from 'vitest';
import { approxDateRange, approxNumberRange, dateCondition, numberCondition, splitPrefix } from './prefixes.js';
import { SqlBuilder } from './sql-builder.js';

describe('prefix range math', () => {
  it('splits prefixes only before a number or date', () => {
    expect(splitPrefix('ge2020')).toEqual({ prefix: 'ge', value: '2020' });
    expect(splitPrefix('ap-1.5')).toEqual({ prefix: 'ap', value: '-1.5' });
    expect(splitPrefix('2020')).toEqual({ prefix: 'eq', value: '2020' });
    expect(splitPrefix('gtx')).toEqual({ prefix: 'eq', value: 'gtx' });
  });

  it('widens an approximate date by 10% of its distance from now', () => {
    const now = Date.parse('2030-01-01T00:00:00.000Z');
    const wide = approxDateRange({ lo: '2020-01-01T00:00:00.000Z', hi: '2020-01-01T23:59:59.999Z' }, now);
    const days = (Date.parse('2020-01-01T00:00:00.000Z') - Date.parse(wide.lo)) / 86_400_000;
    expect(days).toBeCloseTo(365.3, 0);
    expect(Date.parse(wide.hi)).toBeGreaterThan(Date.parse('2020-12-31T00:00:00.000Z'));
  });

  it('widens an approximate number by 10%, never below its precision', () => {
    expect(approxNumberRange('100')).toEqual({ lo: '90', hi: '110' });
    expect(approxNumberRange('0')).toEqual({ lo: '-0.5', hi: '0.5' });
    expect(approxNumberRange('-20')).toEqual({ lo: '-22', hi: '-18' });
    expect(approxNumberRange('abc')).toBeUndefined();
  });

  it('binds the implicit range of a date for eq (containment) and uses its edges for the other prefixes', () => {
    const t = { lo: 'i.lo', hi: 'i.hi' };
    const b = new SqlBuilder();
    expect(dateCondition(b, 'eq', t, '2020-03')).toBe('(i.lo >= $1 AND i.hi <= $2)');
    expect(b.params).toEqual(['2020-03-01T00:00:00.000Z', '2020-03-31T23:59:59.999Z']);
    const g = new SqlBuilder();
    expect(dateCondition(g, 'gt', t, '2020')).toBe('i.hi > $1');
    expect(g.params).toEqual(['2020-12-31T23:59:59.999Z']);
    const s = new SqlBuilder();
    expect(dateCondition(s, 'sa', t, '2020')).toBe('i.lo > $1');
    expect(s.params).toEqual(['2020-12-31T23:59:59.999Z']);
    const e = new SqlBuilder();
    expect(dateCondition(e, 'eb', t, '2020')).toBe('i.hi < $1');
    expect(e.params).toEqual(['2020-01-01T00:00:00.000Z']);
    expect(dateCondition(new SqlBuilder(), 'eq', t, 'March')).toBeUndefined();
  });

  it('uses the precision range for number eq and the exact value for gt/lt', () => {
    const t = { lo: 'i.lo', hi: 'i.hi', value: 'i.value' };
    const b = new SqlBuilder();
    expect(numberCondition(b, 'eq', t, '100')).toBe('(i.value >= $1 AND i.value < $2)');
    expect(b.params).toEqual(['99.5', '100.5']);
    const g = new SqlBuilder();
    expect(numberCondition(g, 'ge', t, '1.50')).toBe('i.value >= $1');
    expect(g.params).toEqual(['1.50']);
    expect(numberCondition(new SqlBuilder(), 'eq', t, '1e5')).toBeUndefined();
  });
});
