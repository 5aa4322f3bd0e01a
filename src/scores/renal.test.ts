import { describe, expect, it } from 'vitest';
import {
  ckdEpi2021,
  ckdStageKdigo,
  cockcroftGault,
  crclCockcroftGault,
  egfrCkdEpi2021,
  kdigoAlbuminuriaCategory,
  kdigoGfrCategory,
} from './renal.js';
import { chart, lab, patientAged, vital } from './test-support/chart.js';

describe('CKD-EPI 2021 and Cockcroft-Gault formulas', () => {
  it.each([
    [0.9, 55, 'female', 75.5],
    [1.0, 60, 'male', 86.2],
    [2.0, 75, 'male', 34.2],
    [0.6, 40, 'female', 116.3],
  ] as const)('Scr %d, age %d, %s -> %d', (scr, age, sex, expected) => {
    expect(ckdEpi2021(scr, age, sex)).toBeCloseTo(expected, 1);
  });
  it.each([
    { age: 60, kg: 72, scr: 1.0, sex: 'male', expected: 80.0 },
    { age: 80, kg: 60, scr: 1.5, sex: 'female', expected: 28.3 },
  ] as const)('Cockcroft-Gault age $age, $kg kg, Scr $scr, $sex -> $expected', ({ age, kg, scr, sex, expected }) => {
    expect(cockcroftGault(age, kg, scr, sex)).toBeCloseTo(expected, 1);
  });
  it.each([
    [90, 'G1'],
    [89.4, 'G2'],
    [60, 'G2'],
    [59, 'G3a'],
    [45, 'G3a'],
    [44, 'G3b'],
    [30, 'G3b'],
    [29, 'G4'],
    [15, 'G4'],
    [14, 'G5'],
    [59.5, 'G2'],
  ])('eGFR %d is %s (rounded to an integer first)', (egfr, g) => {
    expect(kdigoGfrCategory(egfr)).toBe(g);
  });
  it.each([
    [29.9, 'A1'],
    [30, 'A2'],
    [300, 'A2'],
    [301, 'A3'],
  ])('ACR %d mg/g is %s', (acr, a) => {
    expect(kdigoAlbuminuriaCategory(acr)).toBe(a);
  });
});

describe('renal scores from the chart', () => {
  it('computes eGFR from the latest creatinine and cites it', () => {
    const newer = lab('2160-0', 0.9, 'mg/dL', 1);
    const r = egfrCkdEpi2021(chart(patientAged(55, 'female'), [lab('2160-0', 3.0, 'mg/dL', 48), newer]));
    expect(r.value).toBe(75.5);
    expect(r.band?.id).toBe('G2');
    expect(r.unit).toBe('mL/min/{1.73_m2}');
    expect(r.provenance.facts).toEqual([
      {
        id: `Observation/${newer.id ?? ''}`,
        source: `Observation/${newer.id ?? ''}/_history/2`,
        kind: 'lab',
        effectiveTime: newer.effectiveDateTime,
      },
    ]);
    expect(r.provenance.windows[0]?.hours).toBe(365 * 24);
  });
  it('converts creatinine reported in µmol/L (1 mg/dL = 88.4 µmol/L)', () => {
    const r = egfrCkdEpi2021(chart(patientAged(75, 'male'), [lab('2160-0', 176.8, 'umol/L')]));
    expect(r.value).toBeCloseTo(34.2, 1);
    expect(r.components[0]?.note).toBe('reported as 176.8 umol/L');
  });
  it('lists missing creatinine and sex; is not applicable under 18', () => {
    const none = egfrCkdEpi2021(chart(patientAged(50, 'male'), []));
    expect(none.value).toBeNull();
    expect(none.status).toBe('incomplete');
    expect(none.missing.map((m) => m.id)).toEqual(['creatinine']);
    const unknownSex = egfrCkdEpi2021(
      chart({ resourceType: 'Patient', id: 'p1', birthDate: '1970-01-01' }, [lab('2160-0', 1, 'mg/dL')]),
    );
    expect(unknownSex.missing.map((m) => m.id)).toEqual(['sex']);
    expect(egfrCkdEpi2021(chart(patientAged(17, 'male'), [lab('2160-0', 1, 'mg/dL')])).status).toBe('not-applicable');
  });
  it('ignores creatinine older than a year', () => {
    const r = egfrCkdEpi2021(chart(patientAged(50, 'male'), [lab('2160-0', 1, 'mg/dL', 366 * 24)]));
    expect(r.value).toBeNull();
  });
  it('computes Cockcroft-Gault with the latest actual weight, or a clinician-entered one', () => {
    const ctx = chart(patientAged(80, 'female'), [lab('2160-0', 1.5, 'mg/dL'), vital('29463-7', 60, 'kg', 600)]);
    const r = crclCockcroftGault(ctx);
    expect(r.value).toBe(28.3);
    expect(r.assumptions).toContain('Cockcroft-Gault uses actual body weight (not ideal or adjusted)');
    expect(r.provenance.facts).toHaveLength(2);
    expect(crclCockcroftGault(ctx, { extra: { renal: { weightKg: 72 } } }).value).toBe(34);
    const noWeight = crclCockcroftGault(chart(patientAged(80, 'female'), [lab('2160-0', 1.5, 'mg/dL')]));
    expect(noWeight.missing).toEqual([
      { id: 'weight', label: 'Body weight', reason: 'no weight within 90 days', extraKey: 'renal.weightKg' },
    ]);
  });
  it('converts a weight in pounds', () => {
    const r = crclCockcroftGault(
      chart(patientAged(60, 'male'), [lab('2160-0', 1.0, 'mg/dL'), vital('29463-7', 158.733, '[lb_av]')]),
    );
    expect(r.value).toBeCloseTo(80, 0);
  });
  it('stages CKD G4 and shows chronicity and albuminuria', () => {
    const ctx = chart(patientAged(66, 'male'), [
      lab('2160-0', 2.9, 'mg/dL', 2),
      lab('2160-0', 2.5, 'mg/dL', 120 * 24),
      lab('14959-1', 450, 'mg/g', 24),
    ]);
    const r = ckdStageKdigo(ctx);
    expect(r.band?.id).toBe('G4');
    expect(r.otherBands.map((b) => b.id)).toEqual(['A3']);
    expect(r.interpretation).toContain('eGFR < 60 for more than 3 months');
    expect(r.provenance.facts).toHaveLength(3);
  });
  it('says when chronicity is not shown', () => {
    const r = ckdStageKdigo(chart(patientAged(66, 'male'), [lab('2160-0', 2.9, 'mg/dL', 2)]));
    expect(r.interpretation).toContain('chronicity (> 3 months) not shown');
  });
});
