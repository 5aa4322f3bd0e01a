import { describe, expect, it } from 'vitest';
import { badParam, splitOr, splitUnescaped, unescapeValue } from './query-values.js';

describe('search value splitting', () => {
  it('splits on unescaped commas and pipes, keeping escapes until the leaf', () => {
    expect(splitOr('a,b\\,c')).toEqual(['a', 'b\\,c']);
    expect(splitUnescaped('sys|a\\|b', '|')).toEqual(['sys', 'a\\|b']);
    expect(unescapeValue('a\\|b\\,c\\\\d')).toBe('a|b,c\\d');
    expect(splitOr('')).toEqual(['']);
  });

  it('builds a bad-request error naming the parameter', () => {
    const err = badParam('date', 'Invalid date value for date');
    expect(err.code).toBe('VITALIS_BAD_REQUEST');
    expect(err.issues).toEqual([
      { severity: 'error', code: 'invalid', diagnostics: 'Invalid date value for date', expression: ['date'] },
    ]);
  });
});

describe('parseSearchQuery paging values', () => {
  it('rejects _count and _offset that are not plain whole numbers, naming the parameter', async () => {
    const { loadFhirDefinitions } = await import('../definitions.js');
    const { parseSearchQuery } = await import('./parse-query.js');
    loadFhirDefinitions();
    expect(parseSearchQuery('Patient', '_count=5&_offset=10')).toMatchObject({ count: 5, offset: 10 });
    for (const bad of ['_offset=1e3', '_count=-1', '_count=2.5', '_offset=abc']) {
      expect(() => parseSearchQuery('Patient', bad)).toThrow(/must be a non-negative whole number/);
    }
  });
});
