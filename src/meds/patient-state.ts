import type { AllergyFact, ObservationFact, PatientContext, ProblemFact } from '../patient/index.js';
import { latestLab } from '../patient/index.js';
import { crclCockcroftGault, egfrCkdEpi2021 } from '../scores/index.js';

/** A lab value the checks used, with the fact it came from. */
export interface LabReading {
  value: number;
  unit: string | null;
  factId: string;
  source: string;
  time: string | null;
}

/** What the medication checks read from the chart, besides the medication list. */
export interface PatientState {
  patientId: string;
  now: string;
  ageYears: number | null;
  egfr: LabReading | null;
  crcl: LabReading | null;
  inr: LabReading | null;
  potassium: LabReading | null;
  qtc: LabReading | null;
  /** GI bleeding or peptic ulcer in the problem list (active or past). */
  giBleed: ProblemFact | null;
  /** A documented fall in the last year (problem list, or an encounter for a fall). */
  fall: { id: string; source: string; text: string } | null;
  allergies: AllergyFact[];
}

const LAB_MAX_AGE_DAYS = { inr: 14, potassium: 30, qtc: 90 } as const;
const GI_BLEED_ICD = /^(K92\.[0-2]|K2[5-8]|K62\.5|I85\.01|I85\.11|K22\.6|K31\.82)/;
const GI_BLEED_SNOMED = new Set(['74474003', '37372002', '12847006', '51868009', '13200003', '2091005', '15902003']);
const GI_BLEED_TEXT =
  /gastrointestinal (hemorrhage|haemorrhage|bleed)|\bgi bleed|melena|melaena|hematemesis|peptic ulcer|duodenal ulcer|gastric ulcer/i;
const FALL_TEXT = /\bfall\b|\bfalls\b|fell\b/i;
const FALL_NOTE = /\b(?:fell|fall at home|fall with|after the fall|recent fall|high fall risk)\b/i;

function reading(fact: ObservationFact | undefined, now: number, maxDays: number): LabReading | null {
  if (fact?.value?.type !== 'quantity') {
    return null;
  }
  const t = fact.effectiveTime ? Date.parse(fact.effectiveTime) : NaN;
  if (Number.isFinite(t) && (now - t > maxDays * 86_400_000 || t > now)) {
    return null;
  }
  return {
    value: fact.value.value,
    unit: fact.value.unit,
    factId: fact.id,
    source: fact.source,
    time: fact.effectiveTime,
  };
}

function scoreReading(result: ReturnType<typeof egfrCkdEpi2021>): LabReading | null {
  if (result.value === null) {
    return null;
  }
  const scr = result.provenance.facts.find((f) => f.kind === 'lab');
  return {
    value: result.value,
    unit: result.unit,
    factId: scr?.id ?? result.id,
    source: scr?.source ?? result.id,
    time: scr?.effectiveTime ?? null,
  };
}

function findFall(ctx: PatientContext, problems: ProblemFact[], now: number): PatientState['fall'] {
  const recent = (time: string | null): boolean => time === null || now - Date.parse(time) <= 365 * 86_400_000;
  const problem = problems.find(
    (p) =>
      (FALL_TEXT.test(p.text) || p.icd10.some((c) => /^W(0[0-9]|1[0-9])/.test(c))) &&
      (p.flags.active === true || recent(p.effectiveTime)),
  );
  if (problem) {
    return { id: problem.id, source: problem.source, text: problem.text };
  }
  const visit = ctx.encounters.find(
    (e) => recent(e.effectiveTime) && [e.text, ...e.reasons.map((r) => r.display ?? '')].some((x) => FALL_TEXT.test(x)),
  );
  if (visit) {
    return { id: visit.id, source: visit.source, text: visit.reasons[0]?.display ?? visit.text };
  }
  const note = ctx.notes.find((n) => recent(n.effectiveTime) && n.content !== null && FALL_NOTE.test(n.content));
  return note ? { id: note.id, source: note.source, text: 'fall described in a clinical note' } : null;
}

function isGiBleed(p: ProblemFact): boolean {
  return (
    p.icd10.some((c) => GI_BLEED_ICD.test(c)) ||
    p.snomed.some((c) => GI_BLEED_SNOMED.has(c)) ||
    GI_BLEED_TEXT.test(p.text)
  );
}

/** Reads age, renal function (via the scores module), INR, potassium, QTc, GI bleed and falls from the context. */
export function patientState(ctx: PatientContext, now: string): PatientState {
  const t = Date.parse(now);
  const options = { now: new Date(now) };
  const problems = ctx.problems.filter(
    (p) => p.verificationStatus !== 'refuted' && p.verificationStatus !== 'entered-in-error',
  );
  return {
    patientId: ctx.patient.id,
    now,
    ageYears: ctx.patient.age?.years ?? null,
    egfr: scoreReading(egfrCkdEpi2021(ctx, options)),
    crcl: scoreReading(crclCockcroftGault(ctx, options)),
    inr: reading(latestLab(ctx, '6301-6', '34714-6', '46418-0'), t, LAB_MAX_AGE_DAYS.inr),
    potassium: reading(latestLab(ctx, '2823-3', '6298-4'), t, LAB_MAX_AGE_DAYS.potassium),
    qtc: reading(
      [...ctx.labs.facts, ...ctx.observations].find(
        (f) => (f.loinc === '8636-3' || f.loinc === '8634-8') && f.value?.type === 'quantity',
      ),
      t,
      LAB_MAX_AGE_DAYS.qtc,
    ),
    giBleed: problems.find(isGiBleed) ?? null,
    fall: findFall(ctx, problems, t),
    allergies: ctx.allergies.filter(
      (a) => a.clinicalStatus !== 'inactive' && a.clinicalStatus !== 'resolved' && a.verificationStatus !== 'refuted',
    ),
  };
}
