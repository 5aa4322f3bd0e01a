import type { PatientContext } from './context-schema.js';
import type { FactBase, MedicationFact, ObservationFact, ProblemFact } from './fact-schema.js';
import type { VitalSign } from './knowledge/loinc-units.js';

/** Every fact of a context, in list order (problems, medications, allergies, vitals, labs, ...). */
export function allFacts(ctx: PatientContext): FactBase[] {
  return [
    ...ctx.problems,
    ...ctx.medications,
    ...ctx.allergies,
    ...ctx.vitals.facts,
    ...ctx.labs.facts,
    ...ctx.observations,
    ...ctx.encounters,
    ...ctx.procedures,
    ...ctx.immunizations,
    ...ctx.notes,
    ...ctx.reports,
    ...ctx.imaging,
  ];
}

/** A map from fact id to fact, to resolve citations. */
export function factIndex(ctx: PatientContext): Map<string, FactBase> {
  return new Map(allFacts(ctx).map((f) => [f.id, f]));
}

/** The newest numeric vital of a kind (whatever its LOINC code, e.g. oral or body temperature). */
export function latestVital(ctx: PatientContext, sign: VitalSign): ObservationFact | undefined {
  return ctx.vitals.facts.find((f) => f.vitalSign === sign && f.value?.type === 'quantity');
}

/** The newest numeric lab result among the given LOINC codes (in canonical units when `value.canonical`). */
export function latestLab(ctx: PatientContext, ...loinc: string[]): ObservationFact | undefined {
  return ctx.labs.facts.find((f) => f.loinc !== null && loinc.includes(f.loinc) && f.value?.type === 'quantity');
}

/** Problems whose clinical status is active (or recurrence/relapse) and not refuted. */
export function activeProblems(ctx: PatientContext): ProblemFact[] {
  return ctx.problems.filter((p) => p.flags.active === true);
}

/** Medications currently active (request active/on-hold, statement active/intended). */
export function activeMedications(ctx: PatientContext): MedicationFact[] {
  return ctx.medications.filter((m) => m.flags.active === true);
}
