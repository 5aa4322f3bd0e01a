import { describe, expect, it } from 'vitest';
import { itemAt, Rng, round } from './prng.js';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and stream, and differs otherwise', () => {
    const seq = (seed: number, stream = 0): number[] => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 8 }, () => r.next());
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
    expect(seq(42, 1)).not.toEqual(seq(42, 2));
  });

  it('draws within bounds and roughly uniformly', () => {
    const r = new Rng(7);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i++) {
      const v = r.int(0, 5);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(850);
    expect(Math.max(...counts)).toBeLessThan(1150);
    for (let i = 0; i < 1000; i++) {
      const f = r.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
    const sample = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(round(1.23456, 2)).toBe(1.23);
    expect(() => itemAt([], 0)).toThrow(RangeError);
  });
});
