import type { KnowledgeBase } from '../kb/load.js';
import { FREQUENCY_PROBABILITY } from '../kb/schema.js';
import { indexNetwork, type NetCondition, type NetFinding, type Network } from './network.js';

/** Posterior temperature for our KB: its links are written one by one and overlap, so raw naive Bayes is overconfident. */
const KB_TEMPERATURE = 1.5;

/**
 * Background rate floors by finding kind: how often a finding turns up for reasons outside the linked conditions
 * (risk factors and history are common in any population; specific signs and imaging findings are not).
 */
export const LEAK_FLOOR: Record<string, number> = {
  'risk-factor': 0.05,
  history: 0.04,
  demographic: 0.2,
  symptom: 0.01,
  sign: 0.005,
  vital: 0.01,
  lab: 0.01,
  imaging: 0.003,
};

/** Multiplier on P(f|c) for a present finding, by evoking strength 0–5 (evoking 2 is neutral). */
export const EVOKING_BOOST = [0.6, 0.8, 1, 1.3, 1.8, 2.5] as const;

/** P(absent | condition) for a link marked `absentRulesOut` (sensitivity of at least 98 %). */
export const RULE_OUT_ABSENT = 0.02;

/**
 * Compiles the knowledge base into the engine network. A finding's leak is half its prior-weighted mean frequency
 * over all conditions, floored by kind and capped at 0.2.
 */
export function networkFromKb(kb: KnowledgeBase): Network {
  const findings: NetFinding[] = kb.findings.map((f) => ({
    id: f.id,
    label: f.label,
    kind: f.kind,
    leak: 0,
    implies: [],
    impliedBy: [],
  }));
  const index = new Map(findings.map((f, i) => [f.id, i]));
  kb.findings.forEach((f, i) => {
    const node = findings[i];
    if (node) {
      node.implies = f.implies.map((g) => index.get(g)).filter((g): g is number => g !== undefined);
    }
  });
  const mass = new Float64Array(findings.length);
  let priorTotal = 0;
  const conditions: NetCondition[] = kb.conditions.map((c) => {
    const prior = (c.prior.primaryCare + c.prior.ed) / 2;
    priorTotal += prior;
    const links = c.findings.flatMap((l) => {
      const fi = index.get(l.finding);
      if (fi === undefined) {
        return [];
      }
      const p = FREQUENCY_PROBABILITY[l.frequency];
      mass[fi] = (mass[fi] ?? 0) + prior * p;
      return [
        { finding: fi, p, pAbsent: l.absentRulesOut ? Math.min(1 - p, RULE_OUT_ABSENT) : 1 - p, evoking: l.evoking },
      ];
    });
    return {
      id: c.id,
      name: c.name,
      icd10: c.icd10,
      snomed: c.snomed,
      prior: c.prior,
      sex: c.sex ?? null,
      age: c.age,
      cantMiss: c.cantMiss,
      urgency: c.urgency,
      tests: c.tests.map((t) => index.get(t)).filter((t): t is number => t !== undefined),
      links,
    };
  });
  findings.forEach((f, i) => {
    const background = priorTotal > 0 ? (0.5 * (mass[i] ?? 0)) / priorTotal : 0;
    f.leak = Math.min(0.2, Math.max(LEAK_FLOOR[f.kind] ?? 0.01, background));
  });
  return indexNetwork({
    version: kb.version,
    findings,
    conditions,
    evokingBoost: EVOKING_BOOST,
    rareBelow: 0.002,
    temperature: KB_TEMPERATURE,
  });
}
