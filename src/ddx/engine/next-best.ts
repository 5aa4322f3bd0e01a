import { ranking, type Posterior } from './inference.js';
import type { Network } from './network.js';

/** A candidate to ask about or order, with its expected information gain in bits. */
export interface NextBestCandidate {
  finding: number;
  gain: number;
}

export interface NextBestOptions {
  /** Conditions considered (the top of the differential). */
  topConditions?: number;
  /** Weight of a can't-miss condition's probability mass (so that ruling it out is worth more). */
  cantMissWeight?: number;
  limit?: number;
  /** Finding kinds never proposed (e.g. `demographic`). */
  excludeKinds?: readonly string[];
}

function entropy(weights: Float64Array): number {
  let h = 0;
  for (const w of weights) {
    if (w > 0) {
      h -= w * Math.log2(w);
    }
  }
  return h;
}

/** The weighted distribution the gain is measured on: the top conditions, can't-miss mass multiplied, renormalized. */
export function gainDistribution(
  net: Network,
  posterior: Posterior,
  options: { top: number; cantMissWeight: number },
): { conditions: number[]; weights: Float64Array } {
  const conditions = ranking(posterior)
    .slice(0, options.top)
    .filter((c) => (posterior.prob[c] ?? 0) > 0);
  const weights = new Float64Array(conditions.length);
  let sum = 0;
  conditions.forEach((c, i) => {
    const w = (posterior.prob[c] ?? 0) * (net.conditions[c]?.cantMiss ? options.cantMissWeight : 1);
    weights[i] = w;
    sum += w;
  });
  return { conditions, weights: sum > 0 ? weights.map((w) => w / sum) : weights };
}

/**
 * Expected information gain of asking about a set of mutually exclusive answers (a single finding is the set of
 * one: present or absent). `pOf(condition, answer)` is P(answer | condition); the remainder is "none of them".
 */
export function expectedGain(
  dist: { conditions: number[]; weights: Float64Array },
  answers: number,
  pOf: (condition: number, answer: number) => number,
): number {
  const k = dist.conditions.length;
  const outcomes = answers + 1;
  const joint = new Float64Array(outcomes * k);
  dist.conditions.forEach((c, i) => {
    const w = dist.weights[i] ?? 0;
    let rest = 1;
    const ps: number[] = [];
    for (let a = 0; a < answers; a++) {
      const p = Math.min(1, Math.max(0, pOf(c, a)));
      ps.push(p);
      rest *= 1 - p;
    }
    // Normalize the answers into a distribution (exact for one binary finding, an approximation for several).
    const total = answers === 1 ? 1 : ps.reduce((s, p) => s + p, 0) + rest;
    for (let a = 0; a < answers; a++) {
      joint[a * k + i] = (w * (ps[a] ?? 0)) / total;
    }
    joint[answers * k + i] = (w * (answers === 1 ? 1 - (ps[0] ?? 0) : rest)) / total;
  });
  let after = 0;
  for (let o = 0; o < outcomes; o++) {
    const slice = joint.subarray(o * k, (o + 1) * k);
    const po = slice.reduce((s, v) => s + v, 0);
    if (po > 0) {
      after += po * entropy(slice.map((v) => v / po));
    }
  }
  return Math.max(0, entropy(dist.weights) - after);
}

/** P(finding present | condition) under the model: the link's frequency, else the finding's leak. */
export function pFinding(net: Network, condition: number, finding: number): number {
  return net.linkMap[condition]?.get(finding)?.p ?? net.findings[finding]?.leak ?? 0;
}

/**
 * Findings to ask about or tests to order, ranked by expected information gain over the current differential
 * (DXplain's "findings to consider"), with can't-miss conditions weighted up.
 */
export function nextBest(net: Network, posterior: Posterior, options: NextBestOptions = {}): NextBestCandidate[] {
  if (options.limit === 0) {
    return [];
  }
  const dist = gainDistribution(net, posterior, {
    top: options.topConditions ?? 25,
    cantMissWeight: options.cantMissWeight ?? 3,
  });
  const known = new Set(posterior.evidence.map((e) => e.finding));
  const exclude = new Set(options.excludeKinds ?? ['demographic']);
  const candidates = new Set<number>();
  for (const c of dist.conditions) {
    const cond = net.conditions[c];
    for (const link of cond?.links ?? []) {
      candidates.add(link.finding);
    }
    for (const t of cond?.tests ?? []) {
      candidates.add(t);
    }
  }
  const out: NextBestCandidate[] = [];
  for (const f of candidates) {
    const kind = net.findings[f]?.kind ?? '';
    if (known.has(f) || exclude.has(kind)) {
      continue;
    }
    const gain = expectedGain(dist, 1, (c) => pFinding(net, c, f));
    if (gain >= 0.001) {
      out.push({ finding: f, gain });
    }
  }
  out.sort((a, b) => b.gain - a.gain);
  return out.slice(0, options.limit ?? 10);
}
