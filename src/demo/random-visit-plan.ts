import type { ProcedureKey } from './catalog.js';
import { CONDITIONS, type ConditionKey } from './conditions.js';
import { BMP, CBC, LFT, type LabKey } from './labs.js';
import type { VitalSet } from './observations.js';
import type { Rng } from './prng.js';

/** What a random patient's visits are planned from. */
export interface PatientTraits {
  age: number;
  sex: 'male' | 'female';
  chronic: readonly ConditionKey[];
}

/** One visit of a random patient, as far as labs and procedures are concerned. */
export interface VisitTraits {
  index: number;
  cls: 'AMB' | 'EMER' | 'IMP';
  acute: ConditionKey | undefined;
}

/** Baseline body size and vital signs of a random patient. */
export function baselineBody(rng: Rng, p: PatientTraits): { vitals: VitalSet; heightCm: number; weightKg: number } {
  const child = p.age < 18;
  const has = (c: ConditionKey): boolean => p.chronic.includes(c);
  const heightCm = child
    ? Math.min(75 + p.age * 6.2, 180) + rng.normal(0, 4)
    : rng.normal(p.sex === 'male' ? 176 : 163, 6);
  const bmi = child ? rng.normal(17 + p.age * 0.2, 1.5) : rng.normal(has('diabetes2') ? 31 : 26.5, 4);
  const htn = has('hypertension');
  const childHr = Math.max(75, 120 - p.age * 3);
  return {
    heightCm,
    weightKg: Math.max(3.5, bmi * (heightCm / 100) ** 2),
    vitals: {
      hr: has('atrialFibrillation') ? rng.normal(92, 8) : child ? childHr : rng.normal(72, 7),
      rr: child ? Math.max(16, 26 - p.age * 0.6) : rng.normal(15, 1.5),
      temp: rng.normal(36.7, 0.15),
      sys: child ? 100 + p.age : rng.normal(htn ? 146 : 118 + (p.age > 65 ? 8 : 0), 7),
      dia: child ? 60 + p.age * 0.8 : rng.normal(htn ? 88 : 75, 5),
      spo2: has('copd') ? rng.normal(93, 1) : Math.min(100, rng.normal(97.5, 0.8)),
    },
  };
}

/** The labs drawn at a visit, given the patient's conditions and the visit's acute problem. */
export function labPanel(rng: Rng, p: PatientTraits, v: VisitTraits): LabKey[] {
  const child = p.age < 18;
  const has = (c: ConditionKey): boolean => p.chronic.includes(c);
  const acuteLabs = v.acute !== undefined ? CONDITIONS[v.acute].labs : {};
  const panel: LabKey[] = [];
  if (!child && (has('ckd3') || has('diabetes2') || has('heartFailure') || v.cls !== 'AMB' || rng.chance(0.5))) {
    panel.push(...BMP);
  }
  if (v.cls !== 'AMB' || acuteLabs.wbc !== undefined || (!child && rng.chance(0.4))) {
    panel.push(...CBC);
  }
  if (acuteLabs.crp !== undefined) {
    panel.push('crp');
  }
  const optional: [boolean, readonly LabKey[]][] = [
    [has('diabetes2') && rng.chance(0.8), ['hba1c']],
    [(has('hyperlipidemia') || has('cad')) && rng.chance(0.5), ['cholesterol', 'ldl']],
    [has('hypothyroidism') && rng.chance(0.7), ['tsh']],
    [has('heartFailure') && rng.chance(0.7), ['ntprobnp']],
    [!child && rng.chance(0.15), LFT],
  ];
  for (const [yes, keys] of optional) {
    if (yes) {
      panel.push(...keys);
    }
  }
  return panel;
}

/** Procedures done at a visit; `ensureOne` adds a screening when the patient would otherwise have none. */
export function visitProcedures(p: PatientTraits, v: VisitTraits, ensureOne: boolean): ProcedureKey[] {
  const has = (c: ConditionKey): boolean => p.chronic.includes(c);
  const procs: ProcedureKey[] = [];
  if (v.index === 0 && (has('cad') || has('atrialFibrillation') || has('heartFailure'))) {
    procs.push('ecg');
  }
  if (v.acute === 'pneumonia') {
    procs.push('chestXray');
  }
  if (v.acute === 'uti') {
    procs.push('urineCulture');
  }
  if (v.index === 0 && has('depression')) {
    procs.push('depressionScreen');
  }
  if (ensureOne && procs.length === 0) {
    procs.push(p.age >= 12 ? 'depressionScreen' : 'wellChild');
  }
  return procs;
}
