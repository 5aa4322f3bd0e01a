import type { Demographics, RecognizedFinding } from '../contract.js';
import type { FindingDef } from '../kb/schema.js';
import type { FactBase, MedicationFact, ObservationFact, PatientContext } from '../../patient/index.js';
import { findingsFromMeasurement, predicateIndex, type Measurement } from './measurements.js';

/** Turns free text into findings (the recognizer's synchronous core), used on notes and uncoded entries. */
export type TextReader = (text: string) => RecognizedFinding[];

/** Code lookups of the KB's findings: SNOMED CT and ICD-10-CM (by code and by category). */
export class CodeIndex {
  private readonly snomed = new Map<string, FindingDef[]>();
  private readonly icd10 = new Map<string, FindingDef[]>();
  readonly byLoinc: Map<string, FindingDef[]>;

  constructor(findings: readonly FindingDef[]) {
    for (const f of findings) {
      for (const code of f.snomed) {
        this.snomed.set(code, [...(this.snomed.get(code) ?? []), f]);
      }
      for (const code of f.icd10) {
        this.icd10.set(code, [...(this.icd10.get(code) ?? []), f]);
      }
    }
    this.byLoinc = predicateIndex(findings);
  }

  /** Findings whose SNOMED CT code equals, or whose ICD-10-CM code equals or is a parent of, one of the codes. */
  lookup(codes: { snomed: readonly string[]; icd10: readonly string[] }): FindingDef[] {
    const out = new Set<FindingDef>();
    for (const c of codes.snomed) {
      for (const f of this.snomed.get(c) ?? []) {
        out.add(f);
      }
    }
    for (const c of codes.icd10) {
      for (let len = c.length; len >= 3; len--) {
        const prefix = c.slice(0, len).replace(/\.$/, '');
        for (const f of this.icd10.get(prefix) ?? []) {
          out.add(f);
        }
      }
    }
    return [...out];
  }
}

/**
 * Start of the current episode: `days` before the most recent vital sign, lab or note. Older values and notes describe
 * earlier episodes and are left out (null when the chart has no dated values).
 */
function episodeStart(ctx: PatientContext, days: number): number | null {
  let latest = -Infinity;
  for (const f of [...ctx.vitals.facts, ...ctx.labs.facts, ...ctx.notes]) {
    const t = f.effectiveTime ? Date.parse(f.effectiveTime) : NaN;
    if (Number.isFinite(t) && t > latest) {
      latest = t;
    }
  }
  return Number.isFinite(latest) ? latest - days * 86_400_000 : null;
}

function factSource(fact: FactBase): RecognizedFinding['source'] {
  return { kind: 'fact', fact: fact.id, resource: fact.source };
}

function measurementOf(fact: ObservationFact): Measurement | null {
  if (fact.value?.type !== 'quantity' || !fact.loinc) {
    return null;
  }
  const range = fact.referenceRange;
  const sameUnit = range && (range.unit === null || range.unit === fact.value.unit);
  return {
    loinc: fact.loinc,
    value: fact.value.value,
    unit: fact.value.unit,
    low: sameUnit ? range.low : null,
    high: sameUnit ? range.high : null,
  };
}

function codesOf(fact: FactBase): { snomed: string[]; icd10: string[] } {
  const snomed: string[] = [];
  const icd10: string[] = [];
  for (const c of fact.codes) {
    if (c.system?.includes('snomed')) {
      snomed.push(c.code);
    } else if (c.system?.includes('icd-10') || c.system?.includes('icd10')) {
      icd10.push(c.code);
    }
  }
  return { snomed, icd10 };
}

function medicationText(m: MedicationFact): string {
  return [m.text, ...m.ingredients.map((i) => i.name), ...m.classes.map((c) => c.replace(/-/g, ' '))].join('. ');
}

/**
 * Reads the patient context into findings: coded problems (current or past), the latest vitals and labs of the current
 * episode against the KB's value predicates and reference ranges, other coded observations, active medications as
 * risk factors, and the episode's most recent notes through the text reader. Every finding cites the fact it came from.
 */
export function findingsFromContext(
  ctx: PatientContext,
  deps: { codes: CodeIndex; readText: TextReader; notes?: number; episodeDays?: number },
): { findings: RecognizedFinding[]; demographics: Demographics } {
  const out: RecognizedFinding[] = [];
  const add = (
    f: FindingDef,
    fact: FactBase,
    extra: { present: boolean; temporality: RecognizedFinding['temporality'] },
  ): void => {
    out.push({
      id: f.id,
      label: f.label,
      present: extra.present,
      source: factSource(fact),
      temporality: extra.temporality,
    });
  };
  for (const p of ctx.problems) {
    const temporality = p.flags.active === false ? 'past' : 'current';
    if (p.verificationStatus === 'refuted' || p.verificationStatus === 'entered-in-error') {
      continue;
    }
    const coded = deps.codes.lookup({ snomed: p.snomed, icd10: p.icd10 });
    for (const f of coded) {
      add(f, p, { present: true, temporality });
    }
    if (coded.length === 0) {
      for (const r of deps.readText(p.text).filter((x) => x.present)) {
        out.push({ ...r, source: factSource(p), temporality });
      }
    }
  }
  const since = episodeStart(ctx, deps.episodeDays ?? 14);
  const recent = (time: string | null): boolean => time === null || since === null || Date.parse(time) >= since;
  for (const series of [...ctx.vitals.series, ...ctx.labs.series]) {
    if (!recent(series.latest.effectiveTime)) {
      continue;
    }
    const m = measurementOf(series.latest);
    if (m) {
      for (const { finding, present } of findingsFromMeasurement(deps.codes.byLoinc, m)) {
        add(finding, series.latest, { present, temporality: 'current' });
      }
    }
  }
  for (const o of ctx.observations) {
    for (const f of deps.codes.lookup(codesOf(o))) {
      add(f, o, { present: o.value?.type !== 'boolean' || o.value.value, temporality: 'current' });
    }
  }
  for (const m of ctx.medications.filter((x) => x.flags.active !== false)) {
    for (const r of deps.readText(medicationText(m)).filter((x) => x.present)) {
      out.push({ ...r, source: factSource(m), temporality: 'current' });
    }
  }
  for (const note of ctx.notes.filter((n) => n.content && recent(n.effectiveTime)).slice(0, deps.notes ?? 2)) {
    for (const r of deps.readText(note.content ?? '')) {
      out.push({ ...r, source: factSource(note) });
    }
  }
  const age = ctx.patient.age;
  const sex = ctx.patient.sex === 'female' || ctx.patient.sex === 'male' ? ctx.patient.sex : null;
  return { findings: out, demographics: { age: age ? (age.years < 2 ? age.months / 12 : age.years) : null, sex } };
}
