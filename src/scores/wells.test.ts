import { describe, expect, it } from 'vitest';
import { chart, condition, patientAged, vitalSet } from './test-support/chart.js';
import {
  wellsDvt,
  wellsDvtThreeLevel,
  wellsDvtTwoLevel,
  wellsPe,
  wellsPeThreeLevel,
  wellsPeTwoLevel,
} from './wells.js';

const adult = chart(patientAged(50, 'male'), []);
const noDvtItems = {
  activeCancer: false,
  paralysisOrPlaster: false,
  bedriddenOrSurgery: false,
  localisedTenderness: false,
  entireLegSwollen: false,
  calfSwelling: false,
  pittingOedema: false,
  collateralVeins: false,
  previousDvt: false,
  alternativeAsLikely: false,
};
const noPeItems = {
  dvtSigns: false,
  peMostLikely: false,
  heartRateOver100: false,
  immobilisationOrSurgery: false,
  previousDvtOrPe: false,
  haemoptysis: false,
  malignancy: false,
};

describe('Wells DVT', () => {
  it.each([
    [1, 'unlikely'],
    [2, 'likely'],
  ])('two-level: %d is %s', (score, id) => {
    expect(wellsDvtTwoLevel(score).id).toBe(id);
  });
  it.each([
    [0, 'low'],
    [1, 'moderate'],
    [2, 'moderate'],
    [3, 'high'],
  ])('three-level: %d is %s', (score, id) => {
    expect(wellsDvtThreeLevel(score).id).toBe(id);
  });
  it('worked example: cancer + calf swelling + pitting oedema - alternative = 1, unlikely', () => {
    const r = wellsDvt(adult, {
      extra: {
        wellsDvt: {
          ...noDvtItems,
          activeCancer: true,
          calfSwelling: true,
          pittingOedema: true,
          alternativeAsLikely: true,
        },
      },
    });
    expect(r.value).toBe(1);
    expect(r.band?.id).toBe('unlikely');
    expect(r.otherBands.map((b) => b.id)).toEqual(['moderate']);
    expect(r.status).toBe('complete');
  });
  it('worked example: bedridden after surgery + entire leg swollen + tenderness = 3, likely', () => {
    const r = wellsDvt(adult, {
      extra: {
        wellsDvt: { ...noDvtItems, bedriddenOrSurgery: true, entireLegSwollen: true, localisedTenderness: true },
      },
    });
    expect(r.value).toBe(3);
    expect(r.band?.id).toBe('likely');
    expect(r.otherBands[0]?.id).toBe('high');
  });
  it('reads previous DVT and active cancer from the problem list; exam items stay missing', () => {
    const ctx = chart(patientAged(50, 'male'), [condition('I82.409', { active: false }), condition('C34.90')]);
    const r = wellsDvt(ctx);
    expect(r.value).toBe(2);
    expect(r.components.find((c) => c.id === 'previous-dvt')?.basis).toBe('chart');
    expect(r.missing).toHaveLength(8);
    expect(r.range).toEqual({ min: 0, max: 9 });
    expect(r.band).toBeNull();
    expect(r.missing.find((m) => m.id === 'alternative')?.extraKey).toBe('wellsDvt.alternativeAsLikely');
  });
});

describe('Wells PE', () => {
  it.each([
    [4, 'unlikely'],
    [4.5, 'likely'],
  ])('two-level: %d is %s', (score, id) => {
    expect(wellsPeTwoLevel(score).id).toBe(id);
  });
  it.each([
    [1.5, 'low'],
    [2, 'moderate'],
    [6, 'moderate'],
    [6.5, 'high'],
  ])('three-level: %d is %s', (score, id) => {
    expect(wellsPeThreeLevel(score).id).toBe(id);
  });
  it('worked example: DVT signs + HR 110 = 4.5, likely (moderate), heart rate from the chart', () => {
    const ctx = chart(patientAged(50, 'male'), vitalSet({ hr: 110 }));
    const r = wellsPe(ctx, { extra: { wellsPe: { ...noPeItems, heartRateOver100: undefined, dvtSigns: true } } });
    expect(r.value).toBe(4.5);
    expect(r.band?.id).toBe('likely');
    expect(r.otherBands[0]?.id).toBe('moderate');
    expect(r.components.find((c) => c.id === 'heart-rate')).toMatchObject({ input: 110, points: 1.5, basis: 'chart' });
  });
  it.each([
    [100, 0],
    [101, 1.5],
  ])('heart rate %d scores %d', (hr, pts) => {
    const r = wellsPe(chart(patientAged(50, 'male'), vitalSet({ hr })));
    expect(r.components.find((c) => c.id === 'heart-rate')?.points).toBe(pts);
  });
  it('worked example: haemoptysis + malignancy = 2, unlikely (moderate)', () => {
    const r = wellsPe(adult, { extra: { wellsPe: { ...noPeItems, haemoptysis: true, malignancy: true } } });
    expect(r.value).toBe(2);
    expect(r.band?.id).toBe('unlikely');
    expect(r.otherBands[0]?.id).toBe('moderate');
  });
  it('is not applicable to children', () => {
    expect(wellsPe(chart(patientAged(12, 'male'), []), { extra: { wellsPe: noPeItems } }).status).toBe(
      'not-applicable',
    );
  });
});
