import { describe, expect, it } from 'vitest';
import { meld3, meld3Score, meldInitial, meldNa, meldNaScore } from './meld.js';
import { chart, condition, lab, patientAged } from './test-support/chart.js';

/** Lab observations for [creatinine, bilirubin, INR, sodium, albumin?]. */
const labs = (values: readonly number[]): ReturnType<typeof lab>[] => {
  const [cr = 1, bili = 1, inr = 1, na = 137, alb] = values;
  return [
    lab('2160-0', cr, 'mg/dL'),
    lab('1975-2', bili, 'mg/dL'),
    lab('6301-6', inr, '{INR}'),
    lab('2951-2', na, 'mmol/L'),
    ...(alb === undefined ? [] : [lab('1751-7', alb, 'g/dL')]),
  ];
};

describe('MELD-Na', () => {
  it.each([
    { creatinine: 1.0, bilirubin: 1.5, inr: 1.5, sodium: 135, meld: 13, na: 15 },
    { creatinine: 2.7, bilirubin: 1.5, inr: 1.1, sodium: 135, meld: 19, na: 20 },
    { creatinine: 1.9, bilirubin: 4.0, inr: 1.8, sodium: 128, meld: 24, na: 29 },
  ])('Cr $creatinine, bili $bilirubin, INR $inr, Na $sodium -> MELD $meld, MELD-Na $na', ({ meld, na, ...l }) => {
    const r = meldNa({ ...l, dialysis: false });
    expect(r.meld).toBe(meld);
    expect(r.meldNa).toBe(na);
  });
  it('bounds inputs: values below 1 read as 1, creatinine above 4 as 4, dialysis as 4', () => {
    expect(meldInitial({ creatinine: 0.5, bilirubin: 0.5, inr: 0.9, sodium: 140, dialysis: false })).toBe(6);
    const cr4 = meldInitial({ creatinine: 4, bilirubin: 1, inr: 1, sodium: 137, dialysis: false });
    expect(meldInitial({ creatinine: 6, bilirubin: 1, inr: 1, sodium: 137, dialysis: false })).toBe(cr4);
    expect(meldInitial({ creatinine: 1, bilirubin: 1, inr: 1, sodium: 137, dialysis: true })).toBe(cr4);
  });
  it('bounds the result to the allocation range 6-40', () => {
    expect(meldNa({ creatinine: 4, bilirubin: 40, inr: 8, sodium: 120, dialysis: true }).meldNa).toBe(40);
    expect(meld3({ creatinine: 4, bilirubin: 40, inr: 8, sodium: 120, albumin: 1, dialysis: true }, true).value).toBe(
      40,
    );
  });
  it('applies the sodium term only when MELD(i) > 11, with Na bounded to 125-137', () => {
    // MELD(i) 11 (Cr 1.0, bili 1.0, INR 1.5): no sodium term even at Na 125.
    expect(meldNa({ creatinine: 1, bilirubin: 1, inr: 1.5, sodium: 125, dialysis: false })).toMatchObject({
      meld: 11,
      meldNa: 11,
    });
    // MELD(i) 12 (bili 1.2, INR 1.5): 12 + 1.32 x 12 - 0.033 x 12 x 12 = 23.09.
    expect(meldNa({ creatinine: 1, bilirubin: 1.2, inr: 1.5, sodium: 125, dialysis: false })).toMatchObject({
      meld: 12,
      meldNa: 23,
    });
    const low = meldNa({ creatinine: 1.9, bilirubin: 4, inr: 1.8, sodium: 110, dialysis: false }).meldNa;
    expect(low).toBe(meldNa({ creatinine: 1.9, bilirubin: 4, inr: 1.8, sodium: 125, dialysis: false }).meldNa);
    const high = meldNa({ creatinine: 1.9, bilirubin: 4, inr: 1.8, sodium: 145, dialysis: false }).meldNa;
    expect(high).toBe(24);
  });
  it('computes from the chart with provenance, converting creatinine and bilirubin from µmol/L', () => {
    const ctx = chart(patientAged(50, 'male'), [
      lab('2160-0', 238.68, 'umol/L'),
      lab('1975-2', 25.65, 'umol/L'),
      lab('6301-6', 1.1, '{INR}'),
      lab('2951-2', 135, 'mmol/L'),
    ]);
    const r = meldNaScore(ctx);
    expect(r.value).toBe(20);
    expect(r.components.find((c) => c.id === 'meld')?.input).toBe(19);
    expect(r.provenance.facts).toHaveLength(4);
    expect(r.status).toBe('complete');
  });
  it('lists missing labs and uses documented dialysis dependence', () => {
    const missing = meldNaScore(chart(patientAged(50, 'male'), [lab('2160-0', 1, 'mg/dL')]));
    expect(missing.value).toBeNull();
    expect(missing.missing.map((m) => m.id)).toEqual(['bilirubin', 'inr', 'sodium']);
    const dialysis = meldNaScore(chart(patientAged(50, 'male'), [...labs([1, 1, 1, 137]), condition('Z99.2')]));
    expect(dialysis.components.find((c) => c.id === 'meld')?.input).toBe(
      meldInitial({ creatinine: 4, bilirubin: 1, inr: 1, sodium: 137, dialysis: false }),
    );
  });
  it('ignores labs older than 30 days', () => {
    const r = meldNaScore(
      chart(patientAged(50, 'male'), [lab('2160-0', 1, 'mg/dL', 31 * 24), ...labs([1, 1, 1, 137]).slice(1)]),
    );
    expect(r.missing.map((m) => m.id)).toEqual(['creatinine']);
  });
});

describe('MELD 3.0', () => {
  it('worked examples: woman 31, man 13', () => {
    expect(
      meld3({ creatinine: 1.9, bilirubin: 4, inr: 1.8, sodium: 128, albumin: 2.8, dialysis: false }, true).value,
    ).toBe(31);
    expect(
      meld3({ creatinine: 1.0, bilirubin: 1.5, inr: 1.5, sodium: 135, albumin: 3.5, dialysis: false }, false).value,
    ).toBe(13);
  });
  it('bounds creatinine at 3.0 and albumin at 1.5-3.5', () => {
    const base = { bilirubin: 2, inr: 1.5, sodium: 135, dialysis: false };
    expect(meld3({ ...base, creatinine: 5, albumin: 3 }, false).value).toBe(
      meld3({ ...base, creatinine: 3, albumin: 3 }, false).value,
    );
    expect(meld3({ ...base, creatinine: 1, albumin: 1 }, false).value).toBe(
      meld3({ ...base, creatinine: 1, albumin: 1.5 }, false).value,
    );
    expect(meld3({ ...base, creatinine: 1, albumin: 4.5 }, false).value).toBe(
      meld3({ ...base, creatinine: 1, albumin: 3.5 }, false).value,
    );
  });
  it('from the chart: needs albumin and sex', () => {
    expect(meld3Score(chart(patientAged(50, 'female'), labs([1.9, 4, 1.8, 128, 2.8]))).value).toBe(31);
    const noAlb = meld3Score(chart(patientAged(50, 'female'), labs([1.9, 4, 1.8, 128])));
    expect(noAlb.missing.map((m) => m.id)).toEqual(['albumin']);
    expect(meld3Score(chart(patientAged(10, 'female'), labs([1.9, 4, 1.8, 128, 2.8]))).status).toBe('not-applicable');
  });
});
