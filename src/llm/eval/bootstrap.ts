/** Accuracy with a percentile bootstrap confidence interval. */
export interface AccuracyCi {
  n: number;
  correct: number;
  accuracy: number;
  low: number;
  high: number;
  level: number;
}

/** A small seeded PRNG (mulberry32) so intervals are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Accuracy of 0/1 outcomes with a 95 % (by default) percentile bootstrap interval. */
export function bootstrapAccuracy(
  outcomes: readonly boolean[],
  options: { resamples?: number; seed?: number; level?: number } = {},
): AccuracyCi {
  const n = outcomes.length;
  const correct = outcomes.filter(Boolean).length;
  const level = options.level ?? 0.95;
  if (n === 0) return { n, correct, accuracy: 0, low: 0, high: 0, level };
  const resamples = options.resamples ?? 2000;
  const rand = mulberry32(options.seed ?? 42);
  const stats: number[] = [];
  for (let r = 0; r < resamples; r += 1) {
    let hits = 0;
    for (let i = 0; i < n; i += 1) if (outcomes[Math.floor(rand() * n)]) hits += 1;
    stats.push(hits / n);
  }
  stats.sort((a, b) => a - b);
  const at = (q: number): number => stats[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] ?? 0;
  return { n, correct, accuracy: correct / n, low: at((1 - level) / 2), high: at(1 - (1 - level) / 2), level };
}
