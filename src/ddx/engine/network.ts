/**
 * The engine's compiled network: findings with leak probabilities, conditions with priors and sparse links, and the
 * inverted index from finding to linked conditions. Both our knowledge base and the DDXPlus benchmark KB compile to it.
 */

/** A finding node. `leak` is P(finding | a condition that is not linked to it). */
export interface NetFinding {
  id: string;
  label: string;
  kind: string;
  leak: number;
  /** Transitive closure of `implies` (indices). */
  implies: number[];
  /** Findings that imply this one (indices, transitive). */
  impliedBy: number[];
  /** Question group: findings of one group are mutually exclusive answers to one question (DDXPlus categorical). */
  group?: string;
}

/** A condition–finding link: P(present | condition), P(absent | condition) and Internist's evoking strength. */
export interface NetLink {
  finding: number;
  p: number;
  pAbsent: number;
  evoking: number;
}

export interface AgeBand {
  min: number;
  max: number;
  factor: number;
}

/** A condition node. */
export interface NetCondition {
  id: string;
  name: string;
  icd10: string[];
  snomed: string;
  prior: { primaryCare: number; ed: number };
  sex: 'female' | 'male' | null;
  age: AgeBand[];
  cantMiss: boolean;
  urgency: string;
  tests: number[];
  links: NetLink[];
}

export interface Network {
  version: string;
  findings: NetFinding[];
  conditions: NetCondition[];
  findingIndex: Map<string, number>;
  /** For each finding index, the conditions linking it and the link. */
  byFinding: { condition: number; link: NetLink }[][];
  /** For each condition index, its links by finding index. */
  linkMap: Map<number, NetLink>[];
  /** Multiplier on P(f|c) for present findings by evoking strength (0–5); all 1 for data-estimated networks. */
  evokingBoost: readonly number[];
  /** Prior fraction below which a non-can't-miss condition is grouped as rare. */
  rareBelow: number;
  /**
   * Temperature on the log posterior when it is normalized (default 1). Above 1 it tempers the overconfidence of naive
   * Bayes over hand-written links that are not independent; the ranking does not change.
   */
  temperature?: number;
}

/** Builds the inverted index and the transitive `implies` closure; call after filling findings and conditions. */
export function indexNetwork(net: Omit<Network, 'byFinding' | 'findingIndex' | 'linkMap'>): Network {
  const findingIndex = new Map(net.findings.map((f, i) => [f.id, i]));
  const byFinding: { condition: number; link: NetLink }[][] = net.findings.map(() => []);
  net.conditions.forEach((c, ci) => {
    for (const link of c.links) {
      byFinding[link.finding]?.push({ condition: ci, link });
    }
  });
  closeImplies(net.findings);
  const linkMap = net.conditions.map((c) => new Map(c.links.map((l) => [l.finding, l])));
  return { ...net, findingIndex, byFinding, linkMap };
}

function closeImplies(findings: NetFinding[]): void {
  const direct = findings.map((f) => [...f.implies]);
  findings.forEach((f, i) => {
    const seen = new Set<number>();
    const stack = [...(direct[i] ?? [])];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || seen.has(next) || next === i) {
        continue;
      }
      seen.add(next);
      stack.push(...(direct[next] ?? []));
    }
    f.implies = [...seen];
    f.impliedBy = [];
  });
  findings.forEach((f, i) => {
    for (const g of f.implies) {
      findings[g]?.impliedBy.push(i);
    }
  });
}
