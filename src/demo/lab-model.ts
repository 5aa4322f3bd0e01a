import { CONDITIONS, type ConditionKey } from './conditions.js';
import { LABS, type LabKey } from './labs.js';
import type { Rng } from './prng.js';

/** eGFR by the race-free CKD-EPI 2021 creatinine equation (mL/min/1.73m2). */
export function ckdEpi2021(creatinine: number, age: number, sex: 'male' | 'female'): number {
  const kappa = sex === 'female' ? 0.7 : 0.9;
  const alpha = sex === 'female' ? -0.241 : -0.302;
  const r = creatinine / kappa;
  const egfr =
    142 *
    Math.min(r, 1) ** alpha *
    Math.max(r, 1) ** -1.2 *
    0.9938 ** Math.max(age, 18) *
    (sex === 'female' ? 1.012 : 1);
  return Math.round(egfr);
}

/** The creatinine (mg/dL) that gives this eGFR by CKD-EPI 2021 (for eGFR below ~90, where creatinine > kappa). */
export function creatinineForEgfr(egfr: number, age: number, sex: 'male' | 'female'): number {
  const kappa = sex === 'female' ? 0.7 : 0.9;
  const scale = 142 * 0.9938 ** Math.max(age, 18) * (sex === 'female' ? 1.012 : 1);
  return kappa * (egfr / scale) ** (-1 / 1.2);
}

/** Per-patient lab baselines and yearly drifts, shaped by the patient's conditions. */
export class LabModel {
  private readonly baseline = new Map<LabKey, number>();
  private readonly drift = new Map<LabKey, number>();
  /** Lowest plausible value while a chronic condition persists (e.g. HbA1c in a diabetic on treatment). */
  private readonly floor = new Map<LabKey, number>();

  constructor(
    private readonly rng: Rng,
    private readonly patient: {
      readonly age: number;
      readonly sex: 'male' | 'female';
      readonly conditions: readonly ConditionKey[];
    },
  ) {
    for (const key of Object.keys(LABS) as LabKey[]) {
      const def = LABS[key];
      this.baseline.set(key, rng.normal(def.mean, def.sd * 0.7));
    }
    if (patient.sex === 'female') {
      this.baseline.set('hemoglobin', rng.normal(13.2, 0.8));
      this.baseline.set('creatinine', rng.normal(0.78, 0.12));
    }
    for (const c of patient.conditions) {
      for (const [key, range] of Object.entries(CONDITIONS[c].labs) as [LabKey, readonly [number, number]][]) {
        if (CONDITIONS[c].chronic) {
          this.baseline.set(key, rng.float(range[0], range[1]));
        }
      }
    }
    const has = (c: ConditionKey): boolean => patient.conditions.includes(c);
    if (has('ckd3')) {
      this.baseline.set('creatinine', creatinineForEgfr(rng.float(38, 55), patient.age, patient.sex));
      this.drift.set('creatinine', rng.float(0.02, 0.04));
    }
    if (has('diabetes2')) {
      this.drift.set('hba1c', -rng.float(0.02, 0.04));
      this.drift.set('glucose', -rng.float(0.03, 0.06));
      this.floor.set('hba1c', 6.3);
      this.floor.set('glucose', 115);
    }
    if (has('hyperlipidemia')) {
      this.drift.set('ldl', -rng.float(0.08, 0.18));
      this.drift.set('cholesterol', -rng.float(0.05, 0.1));
    }
    if (has('hypothyroidism')) {
      this.drift.set('tsh', -rng.float(0.15, 0.3));
    }
  }

  /** Values for a set of labs drawn together (eGFR is derived from the same creatinine). */
  panel(keys: readonly LabKey[], years: number, acute?: ConditionKey): { key: LabKey; value: number }[] {
    const creatinine = Math.round(this.value('creatinine', years, acute) * 100) / 100;
    return keys.map((key) => {
      if (key === 'creatinine') {
        return { key, value: creatinine };
      }
      if (key === 'egfr') {
        return { key, value: ckdEpi2021(creatinine, this.patient.age, this.patient.sex) };
      }
      return { key, value: this.value(key, years, acute) };
    });
  }

  /** A value for a lab `years` after the first visit. */
  value(key: LabKey, years: number, acute?: ConditionKey): number {
    const acuteRange = acute !== undefined ? CONDITIONS[acute].labs[key] : undefined;
    if (acuteRange !== undefined) {
      return this.rng.float(acuteRange[0], acuteRange[1]);
    }
    const def = LABS[key];
    const base = this.baseline.get(key) ?? def.mean;
    const drifted = Math.max(base * Math.max(0.3, 1 + (this.drift.get(key) ?? 0) * years), this.floor.get(key) ?? 0);
    return Math.max(drifted + this.rng.normal(0, def.sd * 0.25), def.mean * 0.2);
  }
}
