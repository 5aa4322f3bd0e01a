import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { cha2ds2AgePoints, cha2ds2Va, cha2ds2Vasc } from './cha2ds2.js';
import { hasBled } from './has-bled.js';
import { chart, condition, lab, medication, patientAged, vitalSet } from './test-support/chart.js';

const AF = condition('49436004');

describe('CHA2DS2-VASc and CHA2DS2-VA', () => {
  it.each([
    [64, 0],
    [65, 1],
    [74, 1],
    [75, 2],
    [80, 2],
  ])('age %d scores %d', (age, pts) => {
    expect(cha2ds2AgePoints(age)).toBe(pts);
    expect(cha2ds2Vasc(chart(patientAged(age, 'male'), [AF])).value).toBe(pts);
  });
  it('worked example: woman 72, hypertension, diabetes -> 4 (CHA2DS2-VA 3)', () => {
    const ctx = chart(patientAged(72, 'female'), [AF, condition('I10'), condition('44054006')]);
    const r = cha2ds2Vasc(ctx);
    expect(r.value).toBe(4);
    expect(r.band?.id).toBe('oac-recommended');
    expect(cha2ds2Va(ctx).value).toBe(3);
    const htn = r.components.find((c) => c.id === 'hypertension');
    expect(htn?.basis).toBe('chart');
    expect(htn?.facts[0]).toMatch(/^Condition\//);
  });
  it('worked example: man 80, prior stroke, heart failure -> 5', () => {
    const ctx = chart(patientAged(80, 'male'), [AF, condition('I63.9', { active: false }), condition('84114007')]);
    expect(cha2ds2Vasc(ctx).value).toBe(5);
  });
  it('worked example: woman 60, no other factor -> 1, low (CHA2DS2-VA 0)', () => {
    const ctx = chart(patientAged(60, 'female'), [AF]);
    const r = cha2ds2Vasc(ctx);
    expect(r.value).toBe(1);
    expect(r.band?.id).toBe('low');
    expect(r.assumptions.some((a) => a.startsWith('C: congestive heart failure'))).toBe(true);
    expect(cha2ds2Va(ctx).band?.id).toBe('low');
  });
  it.each([
    ['male', 0, 'low'],
    ['male', 1, 'oac-consider'],
    ['male', 2, 'oac-recommended'],
    ['female', 1, 'low'],
    ['female', 2, 'oac-consider'],
    ['female', 3, 'oac-recommended'],
  ] as const)('%s with score %d: %s (ESC 2020)', (sex, score, level) => {
    // Build the score from age 60 plus risk factors (each 1 point), female adds 1.
    const extras = sex === 'female' ? score - 1 : score;
    const codes = ['I10', '44054006', '84114007'].slice(0, extras).map((c) => condition(c));
    const r = cha2ds2Vasc(chart(patientAged(60, sex), [AF, ...codes]));
    expect(r.value).toBe(score);
    expect(r.band?.id).toBe(level);
  });
  it.each([
    [0, 'low'],
    [1, 'oac-consider'],
    [2, 'oac-recommended'],
  ])('CHA2DS2-VA %d: %s (ESC 2024)', (score, level) => {
    const codes = ['I10', '44054006'].slice(0, score).map((c) => condition(c));
    const r = cha2ds2Va(chart(patientAged(50, 'female'), [AF, ...codes]));
    expect(r.value).toBe(score);
    expect(r.band?.id).toBe(level);
  });
  it('ignores resolved hypertension but counts a resolved (history) stroke and refuted codes not at all', () => {
    const ctx = chart(patientAged(50, 'male'), [
      AF,
      condition('I10', { active: false }),
      condition('I63.9', { active: false }),
    ]);
    expect(cha2ds2Vasc(ctx).value).toBe(2);
  });
  it('counts a condition without a clinical status as current', () => {
    const bare: Condition = {
      resourceType: 'Condition',
      id: 'bare',
      subject: { reference: 'Patient/p1' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
    };
    const r = cha2ds2Vasc(chart(patientAged(50, 'male'), [AF, bare]));
    expect(r.components.find((c) => c.id === 'hypertension')).toMatchObject({ points: 1, facts: ['Condition/bare'] });
  });
  it('takes clinician overrides and reports anticoagulation status', () => {
    const ctx = chart(patientAged(50, 'male'), [AF, medication('Apixaban 5 MG Oral Tablet')]);
    const r = cha2ds2Vasc(ctx, { extra: { cha2ds2vasc: { vascularDisease: true } } });
    expect(r.value).toBe(1);
    expect(r.components.find((c) => c.id === 'vascular-disease')?.basis).toBe('extra');
    expect(r.reasons[0]).toMatch(/^active anticoagulant: Apixaban/);
    expect(r.flags).toEqual(['on-anticoagulant']);
  });
  it('is not applicable without documented atrial fibrillation', () => {
    const r = cha2ds2Vasc(chart(patientAged(80, 'female'), [condition('I10')]));
    expect(r.value).toBe(4);
    expect(r.status).toBe('not-applicable');
    expect(r.band).toBeNull();
  });
  it('lists a missing birth date as missing, never as young', () => {
    const ctx = chart({ resourceType: 'Patient', id: 'p1', gender: 'male' }, [AF]);
    const r = cha2ds2Vasc(ctx);
    expect(r.missing.map((m) => m.id)).toEqual(['age']);
    expect(r.range).toEqual({ min: 0, max: 2 });
    expect(r.band).toBeNull();
  });
});

describe('HAS-BLED', () => {
  const known = { extra: { hasBled: { alcohol: false, abnormalLiver: false } } };
  it('worked example: age 70, aspirin, SBP 170, TTR 50% -> 4, high', () => {
    const ctx = chart(patientAged(70, 'male'), [
      ...vitalSet({ sbp: 170 }),
      medication('Aspirin 81 MG Oral Tablet'),
      medication('Warfarin Sodium 5 MG Oral Tablet'),
      lab('2160-0', 1.0, 'mg/dL'),
      lab('718-7', 14, 'g/dL'),
    ]);
    const r = hasBled(ctx, { extra: { hasBled: { alcohol: false, abnormalLiver: false, labileInr: true } } });
    expect(r.value).toBe(4);
    expect(r.band?.id).toBe('high');
    expect(r.status).toBe('complete');
    expect(r.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^modifiable: H/), expect.stringMatching(/^modifiable: D: drugs/)]),
    );
  });
  it('worked example: age 60, dialysis, 10 drinks/week -> 2', () => {
    const ctx = chart(patientAged(60, 'female'), [
      ...vitalSet({ sbp: 130 }),
      condition('Z99.2'),
      lab('718-7', 13, 'g/dL'),
    ]);
    const r = hasBled(ctx, { extra: { hasBled: { alcohol: true, abnormalLiver: false } } });
    expect(r.value).toBe(2);
    expect(r.band?.id).toBe('not-high');
  });
  it.each([
    [65, 'not-high', 2],
    [66, 'high', 3],
  ])('age %d with aspirin and a prior stroke: %s (%d)', (age, id, total) => {
    const ctx = chart(patientAged(age, 'male'), [
      ...vitalSet({ sbp: 130 }),
      lab('2160-0', 1, 'mg/dL'),
      lab('718-7', 14, 'g/dL'),
      medication('Aspirin 81 MG Oral Tablet'),
      condition('I63.9', { active: false }),
    ]);
    const r = hasBled(ctx, known);
    expect(r.value).toBe(total);
    expect(r.status).toBe('complete');
    expect(r.band?.id).toBe(id);
  });
  it('age 65 scores 0 here but 1 on CHA2DS2-VASc; 66 scores 1', () => {
    const at = (age: number): number | undefined =>
      hasBled(chart(patientAged(age, 'male'), []), known).components.find((c) => c.id === 'elderly')?.points ??
      undefined;
    expect(at(65)).toBe(0);
    expect(at(66)).toBe(1);
    expect(cha2ds2Vasc(chart(patientAged(65, 'male'), [AF])).value).toBe(1);
  });
  it.each([
    [160, 0],
    [161, 1],
  ])('systolic %d scores %d', (sbp, pts) => {
    const r = hasBled(chart(patientAged(50, 'male'), vitalSet({ sbp })), known);
    expect(r.components.find((c) => c.id === 'hypertension')?.points).toBe(pts);
  });
  it.each([
    [199, 0],
    [200, 1],
  ])('creatinine %d µmol/L scores %d (unit converted)', (umol, pts) => {
    const r = hasBled(chart(patientAged(50, 'male'), [lab('2160-0', umol, 'umol/L')]), known);
    expect(r.components.find((c) => c.id === 'renal')).toMatchObject({ points: pts, input: umol });
  });
  it.each([
    ['female', 11.9, 1],
    ['female', 12, 0],
    ['male', 12.9, 1],
    ['male', 13, 0],
  ] as const)('%s haemoglobin %d g/dL scores bleeding %d (anaemia)', (sex, hb, pts) => {
    const r = hasBled(chart(patientAged(50, sex), [lab('718-7', hb, 'g/dL')]), known);
    expect(r.components.find((c) => c.id === 'bleeding')?.points).toBe(pts);
  });
  it('counts a prior GI bleed and systemic NSAIDs but not a topical NSAID', () => {
    const ctx = chart(patientAged(50, 'male'), [
      condition('K92.2', { active: false }),
      medication('Diclofenac sodium 1% topical gel', { route: 'Topical route' }),
    ]);
    const r = hasBled(ctx, known);
    expect(r.components.find((c) => c.id === 'bleeding')?.points).toBe(1);
    expect(r.components.find((c) => c.id === 'drugs')?.points).toBe(0);
    const oral = hasBled(chart(patientAged(50, 'male'), [medication('Ibuprofen 400 MG Oral Tablet')]), known);
    expect(oral.components.find((c) => c.id === 'drugs')?.points).toBe(1);
  });
  it('scores labile INR 0 off a VKA, but lists it as missing on warfarin', () => {
    const off = hasBled(chart(patientAged(50, 'male'), []), known);
    expect(off.components.find((c) => c.id === 'labile-inr')).toMatchObject({ points: 0, basis: 'rule-default' });
    const on = hasBled(chart(patientAged(50, 'male'), [medication('Warfarin Sodium 5 MG Oral Tablet')]), known);
    expect(on.missing.map((m) => m.id)).toContain('labile-inr');
  });
  it('lists alcohol, blood pressure and renal function as missing when the chart cannot show them', () => {
    const r = hasBled(chart(patientAged(50, 'male'), []));
    expect(r.missing.map((m) => m.id).sort()).toEqual(['alcohol', 'hypertension', 'liver', 'renal']);
    expect(r.band).toBeNull();
  });
  it('reads abnormal liver biochemistry against the upper limits of normal', () => {
    const ctx = chart(patientAged(50, 'male'), [lab('1975-2', 2.5, 'mg/dL'), lab('1742-6', 170, 'U/L')]);
    expect(hasBled(ctx).components.find((c) => c.id === 'liver')?.points).toBe(1);
    const mild = chart(patientAged(50, 'male'), [lab('1975-2', 2.5, 'mg/dL'), lab('1742-6', 160, 'U/L')]);
    expect(hasBled(mild).components.find((c) => c.id === 'liver')?.points).toBe(0);
  });
});
