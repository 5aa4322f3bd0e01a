import { describe, expect, it } from 'vitest';
import { parseRange } from './bench-ops-command.js';

describe('parseRange', () => {
  it('expands ranges and lists, capped at the maximum', () => {
    expect(parseRange('1-3,7', 24)).toEqual([1, 2, 3, 7]);
    expect(parseRange('20-30', 24)).toEqual([20, 21, 22, 23, 24]);
    expect(parseRange('none', 24)).toEqual([]);
  });
  it('refuses anything else with the fix', () => {
    expect(() => parseRange('1..3', 24)).toThrow(/use e.g. 1-8,12/);
  });
});
