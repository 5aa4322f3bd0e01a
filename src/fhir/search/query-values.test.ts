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
