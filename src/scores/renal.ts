import type { PatientContext } from '../patient/index.js';
import { ChartReader, type Reading } from './chart-reader.js';
import type { ScoreOptions } from './extra-schema.js';
import { OBSERVATION_SETS } from './knowledge/observations.js';
import type { ScoreBand, ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';

/** The creatinine used is the latest within this many days of the evaluation time. */
export const RENAL_LAB_WINDOW_DAYS = 365;
/** Body weight for Cockcroft-Gault is the latest within this many days. */
export const WEIGHT_WINDOW_DAYS = 90;

const CKD_EPI_REFERENCE =
  'Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-1749';
const CG_REFERENCE =
  'Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. Nephron 1976;16(1):31-41';
const KDIGO_REFERENCE =
  'KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney Int 2024;105(4S):S117-S314';

/** CKD-EPI 2021 race-free creatinine eGFR (mL/min/1.73 m²) from Scr in mg/dL, age in years and sex. */
export function ckdEpi2021(scrMgDl: number, age: number, sex: 'male' | 'female'): number {
  const kappa = sex === 'female' ? 0.7 : 0.9;
  const alpha = sex === 'female' ? -0.241 : -0.302;
  const r = scrMgDl / kappa;
  const value = 142 * Math.min(r, 1) ** alpha * Math.max(r, 1) ** -1.2 * 0.9938 ** age;
  return sex === 'female' ? value * 1.012 : value;
}

/** Cockcroft-Gault creatinine clearance (mL/min) from age, weight (kg), Scr (mg/dL) and sex. */
export function cockcroftGault(age: number, weightKg: number, scrMgDl: number, sex: 'male' | 'female'): number {
  const value = ((140 - age) * weightKg) / (72 * scrMgDl);
  return sex === 'female' ? value * 0.85 : value;
}

/** KDIGO GFR category for an eGFR (mL/min/1.73 m², rounded to an integer first as labs report it). */
export function kdigoGfrCategory(egfr: number): 'G1' | 'G2' | 'G3a' | 'G3b' | 'G4' | 'G5' {
  const g = roundTo(egfr, 0);
  return g >= 90 ? 'G1' : g >= 60 ? 'G2' : g >= 45 ? 'G3a' : g >= 30 ? 'G3b' : g >= 15 ? 'G4' : 'G5';
}

/** KDIGO albuminuria category from a urine albumin/creatinine ratio in mg/g. */
export function kdigoAlbuminuriaCategory(acrMgG: number): 'A1' | 'A2' | 'A3' {
  return acrMgG < 30 ? 'A1' : acrMgG <= 300 ? 'A2' : 'A3';
}

const G_LABELS: Record<ReturnType<typeof kdigoGfrCategory>, string> = {
  G1: 'G1: normal or high (>= 90)',
  G2: 'G2: mildly decreased (60-89)',
  G3a: 'G3a: mildly to moderately decreased (45-59)',
  G3b: 'G3b: moderately to severely decreased (30-44)',
  G4: 'G4: severely decreased (15-29)',
  G5: 'G5: kidney failure (< 15)',
};

interface RenalInputs {
  b: ScoreBuilder;
  scr: Reading | null;
  age: number | null;
  sex: 'male' | 'female' | null;
}

function inputs(ctx: PatientContext, options: ScoreOptions): RenalInputs {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  const hours = RENAL_LAB_WINDOW_DAYS * 24;
  b.window('creatinine', hours);
  const scr = b.reader.lab(OBSERVATION_SETS.creatinine, hours);
  const age = b.reader.age();
  const sex = b.reader.sex();
  if (scr) {
    const original = scr.fact.value?.type === 'quantity' ? scr.fact.value.original : null;
    const note =
      original && original.unit !== 'mg/dL' ? `reported as ${String(original.value)} ${original.unit ?? ''}` : null;
    b.add({
      id: 'creatinine',
      label: 'Serum creatinine',
      input: roundTo(scr.value, 3),
      unit: 'mg/dL',
      points: null,
      basis: 'chart',
      facts: [scr.fact],
      ...(note ? { note } : {}),
    });
  } else {
    b.miss('creatinine', 'Serum creatinine', `no creatinine within ${String(RENAL_LAB_WINDOW_DAYS)} days`);
  }
  if (age === null) {
    b.miss('age', 'Age', 'no birth date');
  }
  if (sex === null) {
    b.miss('sex', 'Sex', 'administrative sex not male or female (the equation needs one)');
  }
  return { b, scr, age, sex };
}

function egfrOf(i: RenalInputs): number | null {
  return i.scr && i.age !== null && i.sex !== null && i.age >= 18 ? ckdEpi2021(i.scr.value, i.age, i.sex) : null;
}

/** CKD-EPI 2021 creatinine eGFR (race-free) from the latest creatinine; adults only. */
export function egfrCkdEpi2021(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const i = inputs(ctx, options);
  const meta = {
    id: 'egfr-ckd-epi-2021' as const,
    name: 'eGFR (CKD-EPI 2021, creatinine)',
    version: 'CKD-EPI 2021 creatinine, race-free',
    reference: CKD_EPI_REFERENCE,
    unit: 'mL/min/{1.73_m2}',
  };
  if (i.age !== null && i.age < 18) {
    return i.b.finish(
      meta,
      { value: null, range: null, status: 'not-applicable' },
      { band: null, interpretation: 'CKD-EPI 2021 is for adults (18 years and over)' },
    );
  }
  const egfr = egfrOf(i);
  if (egfr === null) {
    return i.b.finish(
      meta,
      { value: null, range: null },
      { band: null, interpretation: 'eGFR not computable: see missing inputs' },
    );
  }
  const value = roundTo(egfr, 1);
  const g = kdigoGfrCategory(egfr);
  return i.b.finish(
    meta,
    { value, range: { min: value, max: value } },
    {
      band: band('KDIGO 2024 GFR category', g, G_LABELS[g]),
      interpretation: `eGFR ${String(roundTo(egfr, 0))} mL/min/1.73 m² (${g})`,
    },
  );
}

/** Cockcroft-Gault creatinine clearance with actual body weight (latest within 90 days, or extra.renal.weightKg). */
export function crclCockcroftGault(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const i = inputs(ctx, options);
  const b = i.b;
  let weight: number | null = options.extra?.renal?.weightKg ?? null;
  if (weight !== null) {
    b.add({ id: 'weight', label: 'Body weight (actual)', input: weight, unit: 'kg', points: null, basis: 'extra' });
  } else {
    const hours = WEIGHT_WINDOW_DAYS * 24;
    b.window('weight', hours);
    const w = b.reader.vital('weight', 'kg', hours);
    if (w) {
      weight = roundTo(w.value, 1);
      b.add({
        id: 'weight',
        label: 'Body weight (actual)',
        input: weight,
        unit: 'kg',
        points: null,
        basis: 'chart',
        facts: [w.fact],
      });
    } else {
      b.miss('weight', 'Body weight', `no weight within ${String(WEIGHT_WINDOW_DAYS)} days`, 'renal.weightKg');
    }
  }
  b.assumptions.push('Cockcroft-Gault uses actual body weight (not ideal or adjusted)');
  const meta = {
    id: 'crcl-cockcroft-gault' as const,
    name: 'Creatinine clearance (Cockcroft-Gault)',
    version: 'Cockcroft-Gault 1976, actual body weight',
    reference: CG_REFERENCE,
    unit: 'mL/min',
  };
  if (!i.scr || i.age === null || i.sex === null || weight === null) {
    return b.finish(
      meta,
      { value: null, range: null },
      { band: null, interpretation: 'CrCl not computable: see missing inputs' },
    );
  }
  const value = roundTo(cockcroftGault(i.age, weight, i.scr.value, i.sex), 1);
  return b.finish(
    meta,
    { value, range: { min: value, max: value } },
    { band: null, interpretation: `CrCl ${String(value)} mL/min (for drug dosing)` },
  );
}

function chronicity(i: RenalInputs, latest: number): string {
  if (!i.scr || latest >= 60 || i.age === null || i.sex === null) {
    return '';
  }
  const latestTime = Date.parse(i.scr.time);
  const earlier = i.b.reader
    .labs(OBSERVATION_SETS.creatinine, RENAL_LAB_WINDOW_DAYS * 24)
    .find(
      (r) =>
        latestTime - Date.parse(r.time) >= 90 * 86_400_000 &&
        i.sex !== null &&
        ckdEpi2021(r.value, i.age ?? 0, i.sex) < 60,
    );
  if (earlier) {
    i.b.use(earlier.fact);
    return '; eGFR < 60 for more than 3 months';
  }
  i.b.assumptions.push('Chronicity (> 3 months) not shown by the creatinine values of the last year');
  return '; chronicity (> 3 months) not shown';
}

/** KDIGO CKD stage: GFR category from the CKD-EPI 2021 eGFR, plus the albuminuria category when a urine ACR exists. */
export function ckdStageKdigo(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const i = inputs(ctx, options);
  const meta = {
    id: 'ckd-stage-kdigo' as const,
    name: 'CKD stage (KDIGO)',
    version: 'KDIGO 2024 G and A categories, eGFR by CKD-EPI 2021',
    reference: KDIGO_REFERENCE,
    unit: 'mL/min/{1.73_m2}',
  };
  const egfr = egfrOf(i);
  if (egfr === null) {
    const status = i.age !== null && i.age < 18 ? 'not-applicable' : 'incomplete';
    return i.b.finish(
      meta,
      { value: null, range: null, status },
      { band: null, interpretation: 'GFR category not computable' },
    );
  }
  const g = kdigoGfrCategory(egfr);
  i.b.add({
    id: 'egfr',
    label: 'eGFR (CKD-EPI 2021)',
    input: roundTo(egfr, 1),
    unit: 'mL/min/{1.73_m2}',
    points: null,
    basis: 'derived',
  });
  const hours = RENAL_LAB_WINDOW_DAYS * 24;
  i.b.window('urine-acr', hours);
  const acr = i.b.reader.lab(OBSERVATION_SETS.urineAcr, hours);
  const others: ScoreBand[] = [];
  if (acr) {
    const a = kdigoAlbuminuriaCategory(acr.value);
    i.b.add({
      id: 'urine-acr',
      label: 'Urine albumin/creatinine ratio',
      input: acr.value,
      unit: 'mg/g',
      points: null,
      basis: 'chart',
      facts: [acr.fact],
    });
    others.push(band('KDIGO 2024 albuminuria category', a, a));
  } else {
    i.b.assumptions.push('No urine albumin/creatinine ratio in the last year: albuminuria category unknown');
  }
  const value = roundTo(egfr, 0);
  const text = `${G_LABELS[g]}${chronicity(i, roundTo(egfr, 0))}${acr ? `, ${others[0]?.id ?? ''}` : ''}`;
  return i.b.finish(
    meta,
    { value, range: { min: value, max: value }, status: 'complete' },
    { band: band('KDIGO 2024 GFR category', g, G_LABELS[g]), otherBands: others, interpretation: text },
  );
}
