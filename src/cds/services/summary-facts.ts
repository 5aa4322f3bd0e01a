import { activeProblems, type ObservationFact, type PatientContext, type ProblemFact } from '../../patient/index.js';

/** What the patient-view summary card reports. */
export interface SummaryFacts {
  problems: ProblemFact[];
  abnormalLabs: ObservationFact[];
  criticalLabs: ObservationFact[];
  missing: string[];
  inputs: string[];
}

/** How far back a lab or vital sign counts as recent (days). */
export const RECENT_DAYS = 365;
const DAY_MS = 86_400_000;
const CRITICAL_CODES = new Set(['HH', 'LL', 'AA', 'HU', 'LU']);

function within(time: string | null, now: Date, days: number): boolean {
  if (time === null) {
    return false;
  }
  const t = Date.parse(time);
  return Number.isFinite(t) && now.getTime() - t <= days * DAY_MS;
}

function isCritical(fact: ObservationFact): boolean {
  return fact.interpretation.some((c) => CRITICAL_CODES.has(c.code));
}

function missingData(ctx: PatientContext, now: Date): string[] {
  const missing: string[] = [];
  const recentVitals = ctx.vitals.facts.filter((f) => within(f.effectiveTime, now, RECENT_DAYS));
  if (recentVitals.length === 0) {
    missing.push('no vital signs in the last 12 months');
  } else {
    if (!recentVitals.some((f) => f.vitalSign === 'systolic-bp')) {
      missing.push('no blood pressure in the last 12 months');
    }
    if (!recentVitals.some((f) => f.vitalSign === 'weight')) {
      missing.push('no body weight in the last 12 months');
    }
  }
  if (!ctx.labs.facts.some((f) => within(f.effectiveTime, now, RECENT_DAYS))) {
    missing.push('no laboratory results in the last 12 months');
  }
  if (ctx.allergies.length === 0) {
    missing.push('allergy status not documented');
  }
  return missing;
}

/** Picks the active problems, the abnormal latest result of each lab in the last 12 months, and missing data. */
export function summaryFacts(ctx: PatientContext, now: Date): SummaryFacts {
  const problems = activeProblems(ctx);
  const abnormalLabs = ctx.labs.series
    .map((s) => s.latest)
    .filter((f) => f.flags.abnormal === true && within(f.effectiveTime, now, RECENT_DAYS))
    .sort(
      (a, b) =>
        Number(isCritical(b)) - Number(isCritical(a)) || (b.effectiveTime ?? '').localeCompare(a.effectiveTime ?? ''),
    );
  return {
    problems,
    abnormalLabs,
    criticalLabs: abnormalLabs.filter(isCritical),
    missing: missingData(ctx, now),
    inputs: [ctx.patient.source, ...problems.map((p) => p.source), ...abnormalLabs.map((l) => l.source)],
  };
}
