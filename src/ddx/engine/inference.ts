import type { NetCondition, Network } from './network.js';

/** Where the patient presents: priors differ between primary care and the emergency department. */
export type Setting = 'primary-care' | 'ed' | 'general';

/** A finding observed present or absent (index into the network). */
export interface EvidenceItem {
  finding: number;
  present: boolean;
}

/** Evidence after `implies` expansion; `from` lists the specific findings a derived item came from. */
export interface ExpandedEvidence extends EvidenceItem {
  derived: boolean;
  from: number[];
}

export interface InferenceInput {
  evidence: readonly EvidenceItem[];
  age: number | null;
  sex: 'female' | 'male' | null;
  setting: Setting;
  /** Conditions ruled out of the differential (e.g. already on the problem list): prior 0. */
  excluded?: ReadonlySet<number>;
}

export interface Posterior {
  /** Unnormalized log posterior per condition (-Infinity when excluded by sex or age). */
  logScore: Float64Array;
  /** Normalized posterior per condition. */
  prob: Float64Array;
  evidence: ExpandedEvidence[];
}

/** The condition's prior for a setting and demographics (0 when sex or an age band excludes it). */
export function conditionPrior(c: NetCondition, input: Omit<InferenceInput, 'evidence'>): number {
  let prior =
    input.setting === 'primary-care'
      ? c.prior.primaryCare
      : input.setting === 'ed'
        ? c.prior.ed
        : Math.sqrt(c.prior.primaryCare * c.prior.ed);
  if (c.sex && input.sex && c.sex !== input.sex) {
    return 0;
  }
  if (input.age !== null) {
    const age = input.age;
    for (const band of c.age) {
      if (age >= band.min && age < band.max) {
        prior *= band.factor;
      }
    }
  }
  return prior;
}

/**
 * Adds what `implies` entails: a present finding makes its general findings present, and an absent general finding
 * makes its specific findings absent. Explicit evidence always wins over derived evidence.
 */
export function expandEvidence(net: Network, evidence: readonly EvidenceItem[]): ExpandedEvidence[] {
  const explicit = new Map<number, boolean>();
  for (const e of evidence) {
    explicit.set(e.finding, e.present);
  }
  const out: ExpandedEvidence[] = [...explicit].map(([finding, present]) => ({
    finding,
    present,
    derived: false,
    from: [],
  }));
  // A present specific finding makes its general finding present even when a text said otherwise ("no chest pain"
  // in one note, "pressure-like chest pain" in another): the specific statement wins.
  for (const [finding, present] of explicit) {
    for (const g of present ? (net.findings[finding]?.implies ?? []) : []) {
      if (explicit.get(g) === false) {
        explicit.delete(g);
        const item = out.find((o) => o.finding === g);
        if (item) {
          out.splice(out.indexOf(item), 1);
        }
      }
    }
  }
  const derived = new Map<number, ExpandedEvidence>();
  for (const [finding, present] of explicit) {
    const related = present ? net.findings[finding]?.implies : net.findings[finding]?.impliedBy;
    for (const g of related ?? []) {
      if (explicit.has(g)) {
        continue;
      }
      const item = derived.get(g) ?? { finding: g, present, derived: true, from: [] };
      item.from.push(finding);
      derived.set(g, item);
    }
  }
  return [...out, ...derived.values()];
}

/** The log likelihood ratio a finding contributes to a condition it is linked to (present or absent). */
export function linkWeight(
  net: Network,
  item: EvidenceItem,
  link: { p: number; pAbsent: number; evoking: number },
): number {
  const leak = net.findings[item.finding]?.leak ?? 0.01;
  if (item.present) {
    const boost = net.evokingBoost[link.evoking] ?? 1;
    return Math.log(Math.max(link.p * boost, leak) / leak);
  }
  return Math.log(Math.max(link.pAbsent, 1e-6) / (1 - leak));
}

function derivedCounts(net: Network, item: ExpandedEvidence, condition: number): boolean {
  if (!item.derived) {
    return true;
  }
  const links = net.linkMap[condition];
  return !item.from.some((f) => links?.has(f));
}

/** Naive-Bayes posterior over mutually exclusive conditions, with leak terms for unlinked findings. */
export function infer(net: Network, input: InferenceInput): Posterior {
  const n = net.conditions.length;
  const logScore = new Float64Array(n);
  net.conditions.forEach((c, i) => {
    const prior = input.excluded?.has(i) ? 0 : conditionPrior(c, input);
    logScore[i] = prior > 0 ? Math.log(prior) : -Infinity;
  });
  const evidence = expandEvidence(net, input.evidence);
  const damped = new Map<string, number[]>();
  for (const item of evidence) {
    const kind = net.findings[item.finding]?.kind ?? '';
    for (const { condition, link } of net.byFinding[item.finding] ?? []) {
      if (!derivedCounts(net, item, condition)) {
        continue;
      }
      const w = linkWeight(net, item, link);
      if (item.present && w > 0 && DAMPED_KINDS.has(kind)) {
        const key = `${condition}|${kind}`;
        damped.set(key, [...(damped.get(key) ?? []), w]);
      } else {
        logScore[condition] = (logScore[condition] ?? 0) + w;
      }
    }
  }
  for (const [key, weights] of damped) {
    const condition = Number(key.split('|')[0]);
    logScore[condition] = (logScore[condition] ?? 0) + dampedSum(weights);
  }
  const t = net.temperature ?? 1;
  return { logScore, prob: softmax(t === 1 ? logScore : logScore.map((v) => v / t)), evidence };
}

/**
 * Kinds of findings that are strongly correlated with one another for a condition (several abnormal labs of one
 * organ, several imaging signs of one lesion): naive Bayes would count the same evidence many times over.
 */
const DAMPED_KINDS = new Set(['lab', 'imaging']);
/** Weight of the k-th strongest supporting finding of one damped kind: DAMPING^k (1, 0.6, 0.36, …). */
export const DAMPING = 0.6;

/** Sum of supporting log likelihood ratios with geometrically diminishing weight, strongest first. */
export function dampedSum(weights: readonly number[]): number {
  return [...weights].sort((a, b) => b - a).reduce((sum, w, k) => sum + w * DAMPING ** k, 0);
}

/** Normalizes log scores into probabilities (all zero when every score is -Infinity). */
export function softmax(logScore: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of logScore) {
    max = Math.max(max, v);
  }
  const prob = new Float64Array(logScore.length);
  if (max === -Infinity) {
    return prob;
  }
  let sum = 0;
  logScore.forEach((v, i) => {
    const e = Math.exp(v - max);
    prob[i] = e;
    sum += e;
  });
  return prob.map((v) => v / sum);
}

/** Condition indices sorted by posterior, highest first. */
export function ranking(posterior: Posterior): number[] {
  const order = [...posterior.prob.keys()];
  return order.sort((a, b) => (posterior.logScore[b] ?? 0) - (posterior.logScore[a] ?? 0));
}
