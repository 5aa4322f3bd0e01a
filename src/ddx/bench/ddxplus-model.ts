import type { EvidenceItem } from '../engine/inference.js';
import { indexNetwork, type NetCondition, type NetFinding, type Network } from '../engine/network.js';
import type { DdxplusData, DdxplusPatient } from './ddxplus-import.js';

/** A question of the interactive mode: one DDXPlus evidence and the finding indices of its answers. */
export interface Question {
  evidence: string;
  findings: number[];
}

/** The DDXPlus KB compiled to the engine's network, with the question list and the per-patient evidence mapping. */
export interface DdxplusModel {
  net: Network;
  questions: Question[];
  /** Finding indices of age band and sex (always known). */
  demographicFindings: number[];
}

const AGE_BANDS: [number, number][] = [
  [0, 1],
  [1, 5],
  [5, 16],
  [16, 30],
  [30, 45],
  [45, 60],
  [60, 75],
  [75, 200],
];
/** P(finding | condition) for a finding outside the condition's DDXPlus evidence list. */
const LEAK = 1e-3;
/** Additive (Laplace/Jeffreys) smoothing of the estimated frequencies. */
const ALPHA = 0.5;

function ageFinding(age: number): string {
  const band = AGE_BANDS.find(([lo, hi]) => age >= lo && age < hi) ?? [75, 200];
  return `AGE_${band[0]}-${band[1]}`;
}

/** The finding ids a patient has (present), including age band and sex; default values mean "not present". */
export function patientFindingIds(data: DdxplusData, p: DdxplusPatient): Set<string> {
  const out = new Set<string>([ageFinding(p.age), `SEX_${p.sex}`]);
  for (const token of p.evidences) {
    const [name, value] = token.split('_@_');
    const ev = data.evidences.get(name ?? '');
    if (!ev) {
      continue;
    }
    if (ev.type === 'B') {
      out.add(ev.name);
    } else if (value !== undefined && value !== ev.defaultValue) {
      out.add(token);
    }
  }
  return out;
}

function findingNodes(data: DdxplusData): { findings: NetFinding[]; questions: { evidence: string; ids: string[] }[] } {
  const findings: NetFinding[] = [];
  const questions: { evidence: string; ids: string[] }[] = [];
  const node = (id: string, label: string, group: string): NetFinding => ({
    id,
    label,
    kind: 'symptom',
    leak: LEAK,
    implies: [],
    impliedBy: [],
    group,
  });
  for (const ev of data.evidences.values()) {
    const ids =
      ev.type === 'B' ? [ev.name] : ev.values.filter((v) => v !== ev.defaultValue).map((v) => `${ev.name}_@_${v}`);
    for (const id of ids) {
      const value = id.split('_@_')[1];
      findings.push(
        node(id, value === undefined ? ev.question : `${ev.question} ${ev.meanings[value] ?? value}`, ev.name),
      );
    }
    questions.push({ evidence: ev.name, ids });
  }
  for (const [lo, hi] of AGE_BANDS) {
    findings.push({ ...node(`AGE_${lo}-${hi}`, `age ${lo}-${hi}`, 'AGE'), kind: 'demographic' });
  }
  findings.push(
    { ...node('SEX_F', 'female', 'SEX'), kind: 'demographic' },
    { ...node('SEX_M', 'male', 'SEX'), kind: 'demographic' },
  );
  return { findings, questions };
}

/**
 * Compiles the DDXPlus KB into a network whose frequencies are estimated from training patients only: the KB gives the
 * structure (which evidences belong to which pathology), the data the smoothed P(evidence | pathology) and priors.
 */
export function fitDdxplusModel(data: DdxplusData, training: readonly DdxplusPatient[]): DdxplusModel {
  const { findings, questions } = findingNodes(data);
  const index = new Map(findings.map((f, i) => [f.id, i]));
  const conditions: NetCondition[] = data.conditions.map((c) => {
    const cases = training.filter((p) => p.pathology === c.name);
    const counts = new Map<string, number>();
    for (const p of cases) {
      for (const id of patientFindingIds(data, p)) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    const allowed = new Set([...c.evidences, 'AGE', 'SEX']);
    const links = findings.flatMap((f, fi) => {
      if (!allowed.has(f.group ?? '')) {
        return [];
      }
      const p = ((counts.get(f.id) ?? 0) + ALPHA) / (cases.length + 2 * ALPHA);
      return [{ finding: fi, p, pAbsent: 1 - p, evoking: 2 }];
    });
    const prior = (cases.length + 1) / (training.length + data.conditions.length);
    return {
      id: c.name,
      name: c.name,
      icd10: [c.icd10.toUpperCase()],
      snomed: '',
      prior: { primaryCare: prior, ed: prior },
      sex: null,
      age: [],
      cantMiss: c.severity <= 2,
      urgency: c.severity <= 2 ? 'emergent' : 'routine',
      tests: [],
      links,
    };
  });
  const net = indexNetwork({
    version: 'ddxplus',
    findings,
    conditions,
    evokingBoost: [1, 1, 1, 1, 1, 1],
    rareBelow: 0,
  });
  return {
    net,
    questions: questions.map((q) => ({
      evidence: q.evidence,
      findings: q.ids.map((id) => index.get(id) ?? -1).filter((i) => i >= 0),
    })),
    demographicFindings: findings.flatMap((f, i) => (f.kind === 'demographic' ? [i] : [])),
  };
}

/** Full evidence for a patient: every finding of the network, present or absent. */
export function fullEvidence(model: DdxplusModel, present: ReadonlySet<string>): EvidenceItem[] {
  return model.net.findings.map((f, i) => ({ finding: i, present: present.has(f.id) }));
}
