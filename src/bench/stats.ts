/** Percentile (nearest-rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Rounds to the given number of decimals. */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Times `fn` once per item and returns p50/p95 in milliseconds. */
export async function timeEach<T>(
  items: readonly T[],
  fn: (item: T) => Promise<unknown>,
): Promise<{ p50: number; p95: number; n: number }> {
  const times: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    times.push(performance.now() - t);
  }
  return { p50: round(percentile(times, 50), 3), p95: round(percentile(times, 95), 3), n: times.length };
}

/** A small deterministic PRNG (mulberry32) so benchmark samples are repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
