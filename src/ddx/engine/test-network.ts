import { indexNetwork, type NetCondition, type Network } from './network.js';

/** Builds a small hand-made network for tests: `links` maps condition id to [finding id, p] pairs. */
export function handNetwork(spec: {
  findings: { id: string; leak: number; implies?: string[] }[];
  conditions: { id: string; prior: number; cantMiss?: boolean; links: [string, number, boolean?][] }[];
}): Network {
  const index = new Map(spec.findings.map((f, i) => [f.id, i]));
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) {
      throw new Error(`unknown finding ${id}`);
    }
    return i;
  };
  const conditions: NetCondition[] = spec.conditions.map((c) => ({
    id: c.id,
    name: c.id,
    icd10: ['R69'],
    snomed: '22298006',
    prior: { primaryCare: c.prior, ed: c.prior },
    sex: null,
    age: [],
    cantMiss: c.cantMiss ?? false,
    urgency: 'routine',
    tests: [],
    links: c.links.map(([f, p, rulesOut]) => ({ finding: at(f), p, pAbsent: rulesOut ? 0.02 : 1 - p, evoking: 2 })),
  }));
  return indexNetwork({
    version: 'test',
    findings: spec.findings.map((f) => ({
      id: f.id,
      label: f.id,
      kind: 'symptom',
      leak: f.leak,
      implies: (f.implies ?? []).map(at),
      impliedBy: [],
    })),
    conditions,
    evokingBoost: [1, 1, 1, 1, 1, 1],
    rareBelow: 0.002,
  });
}
