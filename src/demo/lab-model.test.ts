import { describe, expect, it } from 'vitest';
import { ckdEpi2021, creatinineForEgfr, LabModel } from './lab-model.js';
import { Rng } from './prng.js';

describe('lab model', () => {
  it('computes CKD-EPI 2021 eGFR and inverts it', () => {
    expect(ckdEpi2021(1.0, 50, 'male')).toBe(92);
    expect(ckdEpi2021(3.0, 66, 'male')).toBe(22);
    for (const [egfr, age, sex] of [
      [45, 70, 'female'],
      [30, 55, 'male'],
      [58, 88, 'male'],
    ] as const) {
      expect(ckdEpi2021(creatinineForEgfr(egfr, age, sex), age, sex)).toBe(egfr);
    }
  });

  it('keeps condition-shaped labs plausible over years: CKD 3 eGFR stays 25-60, diabetic HbA1c stays >= 6.3', () => {
    for (let seed = 0; seed < 40; seed++) {
      const model = new LabModel(new Rng(seed), {
        age: 60 + (seed % 30),
        sex: seed % 2 ? 'male' : 'female',
        conditions: ['ckd3', 'diabetes2'],
      });
      for (const years of [0, 1, 2, 4]) {
        const values = new Map(model.panel(['creatinine', 'egfr', 'hba1c'], years).map((l) => [l.key, l.value]));
        expect(values.get('egfr')).toBeGreaterThanOrEqual(25);
        expect(values.get('egfr')).toBeLessThanOrEqual(60);
        expect(values.get('hba1c')).toBeGreaterThanOrEqual(6.3 - 0.2);
      }
    }
  });

  it('uses the same creatinine for creatinine and eGFR in one panel', () => {
    const model = new LabModel(new Rng(9), { age: 72, sex: 'female', conditions: [] });
    const [scr, egfr] = model.panel(['creatinine', 'egfr'], 1);
    expect(egfr!.value).toBe(ckdEpi2021(scr!.value, 72, 'female'));
  });
});
