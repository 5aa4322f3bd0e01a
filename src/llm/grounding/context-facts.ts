import { allFacts, type FactBase, type PatientContext } from '../../patient/index.js';
import { groundingFact, patientFact, type GroundingFact } from './facts.js';
import { buildGroundingIndex, type GroundingIndex } from './verify.js';

/** How many facts of each group a summary prompt shows. */
export const SUMMARY_LIMITS = {
  activeProblems: 20,
  pastProblems: 6,
  medications: 20,
  allergies: 10,
  vitals: 10,
  labs: 20,
  encounters: 3,
  procedures: 6,
  immunizations: 5,
  reports: 3,
  imaging: 3,
} as const;

/** The facts a summary rests on, grouped as the template prints them. */
export interface SummaryFacts {
  patient: GroundingFact;
  activeProblems: GroundingFact[];
  pastProblems: GroundingFact[];
  medications: GroundingFact[];
  allergies: GroundingFact[];
  vitals: GroundingFact[];
  labs: GroundingFact[];
  encounters: GroundingFact[];
  procedures: GroundingFact[];
  immunizations: GroundingFact[];
  reports: GroundingFact[];
}

const take = (facts: readonly FactBase[], n: number): GroundingFact[] => facts.slice(0, n).map(groundingFact);

/** Selects and converts the facts of a context a summary may state (newest first, bounded per group). */
export function summaryFacts(ctx: PatientContext): SummaryFacts {
  const L = SUMMARY_LIMITS;
  return {
    patient: patientFact(ctx),
    activeProblems: take(
      ctx.problems.filter((p) => p.flags.active === true),
      L.activeProblems,
    ),
    pastProblems: take(
      ctx.problems.filter((p) => p.flags.active !== true),
      L.pastProblems,
    ),
    medications: take(
      ctx.medications.filter((m) => m.flags.active === true),
      L.medications,
    ),
    allergies: take(ctx.allergies, L.allergies),
    vitals: take(
      ctx.vitals.series.map((s) => s.latest),
      L.vitals,
    ),
    labs: take(
      ctx.labs.series.map((s) => s.latest),
      L.labs,
    ),
    encounters: take(ctx.encounters, L.encounters),
    procedures: take(ctx.procedures, L.procedures),
    immunizations: take(ctx.immunizations, L.immunizations),
    reports: take([...ctx.reports, ...ctx.imaging], L.reports),
  };
}

/** Every grounding fact of a summary selection, patient first. */
export function flattenSummaryFacts(s: SummaryFacts): GroundingFact[] {
  const { patient, ...groups } = s;
  return [patient, ...Object.values(groups).flat()];
}

/** The grounding index of a context: the selected facts, plus any other fact of the record when cited. */
export function contextGroundingIndex(ctx: PatientContext, selected: SummaryFacts): GroundingIndex {
  let all: Map<string, FactBase> | null = null;
  const cache = new Map<string, GroundingFact>();
  const resolve = (citation: string): GroundingFact | undefined => {
    if (cache.has(citation)) return cache.get(citation);
    all ??= new Map(allFacts(ctx).flatMap((f) => [[f.id, f] as const, [f.source, f] as const]));
    const fact = all.get(citation);
    const converted = fact ? groundingFact(fact) : undefined;
    if (converted) cache.set(citation, converted);
    return converted;
  };
  const { patient, ...groups } = selected;
  return buildGroundingIndex(Object.values(groups).flat(), { implicit: [patient], resolve });
}
