import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { qsofa } from './qsofa.js';
import { sofa } from './sofa.js';
import {
  sofaBilirubinPoints,
  sofaCardiovascularPoints,
  sofaGcsPoints,
  sofaPlateletPoints,
  sofaRenalPoints,
  sofaRespirationPoints,
} from './sofa-points.js';
import { chart, lab, medication, patientAged, vital, vitalSet } from './test-support/chart.js';

const adult = patientAged(60, 'female');

describe('qSOFA', () => {
  const q = (v: Parameters<typeof vitalSet>[0]): ReturnType<typeof qsofa> => qsofa(chart(adult, vitalSet(v)));
  it.each([
    [21, 0],
    [22, 1],
  ])('respiratory rate %d scores %d', (rr, pts) => {
    expect(q({ rr, sbp: 120, gcs: 15 }).value).toBe(pts);
  });
  it.each([
    [100, 1],
    [101, 0],
  ])('systolic %d scores %d', (sbp, pts) => {
    expect(q({ rr: 16, sbp, gcs: 15 }).value).toBe(pts);
  });
  it.each([
    [14, 1],
    [15, 0],
  ])('GCS %d scores %d', (gcs, pts) => {
    expect(q({ rr: 16, sbp: 120, gcs }).value).toBe(pts);
  });
  it('worked examples: RR 24, SBP 98, GCS 15 -> 2 positive; RR 20, SBP 110, GCS 14 -> 1 negative', () => {
    const a = q({ rr: 24, sbp: 98, gcs: 15 });
    expect(a.value).toBe(2);
    expect(a.band?.id).toBe('positive');
    const b = q({ rr: 20, sbp: 110, gcs: 14 });
    expect(b.value).toBe(1);
    expect(b.band?.id).toBe('negative');
  });
  it('is positive when two known items already score, even with mentation missing', () => {
    const r = q({ rr: 24, sbp: 98 });
    expect(r.status).toBe('incomplete');
    expect(r.band?.id).toBe('positive');
    expect(r.missing[0]?.extraKey).toBe('qsofa.alteredMentation');
  });
  it('reads a unitless GCS (valueInteger)', () => {
    const gcs: Observation = {
      resourceType: 'Observation',
      id: 'gcs-int',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '9269-2' }] },
      effectiveDateTime: '2024-06-15T11:00:00Z',
      valueInteger: 13,
    };
    const r = qsofa(chart(adult, [...vitalSet({ rr: 16, sbp: 120 }), gcs]));
    expect(r.components.find((c) => c.id === 'altered-mentation')).toMatchObject({
      input: true,
      points: 1,
      facts: ['Observation/gcs-int'],
    });
    expect(sofa(chart(adult, [gcs])).components.find((c) => c.id === 'cns')).toMatchObject({ input: 13, points: 1 });
  });
  it('leaves the band undecided when a missing item could make it positive', () => {
    const r = q({ rr: 24, sbp: 120 });
    expect(r.band).toBeNull();
    expect(
      qsofa(chart(adult, vitalSet({ rr: 24, sbp: 120 })), { extra: { qsofa: { alteredMentation: true } } }).band?.id,
    ).toBe('positive');
  });
});

describe('SOFA organ cut-points', () => {
  it.each([
    [400, false, 0],
    [399, false, 1],
    [300, false, 1],
    [299, false, 2],
    [199, false, 2],
    [199, true, 3],
    [200, true, 2],
    [100, true, 3],
    [99, true, 4],
    [99, false, 2],
  ])('P/F %d (support %s) scores %d', (pf, support, pts) => {
    expect(sofaRespirationPoints(pf, support)).toBe(pts);
  });
  it.each([
    [150, 0],
    [149, 1],
    [100, 1],
    [99, 2],
    [50, 2],
    [49, 3],
    [20, 3],
    [19, 4],
  ])('platelets %d scores %d', (p, pts) => {
    expect(sofaPlateletPoints(p)).toBe(pts);
  });
  it.each([
    [1.1, 0],
    [1.2, 1],
    [1.9, 1],
    [2.0, 2],
    [5.9, 2],
    [6.0, 3],
    [11.9, 3],
    [12.0, 4],
  ])('bilirubin %d mg/dL scores %d', (b, pts) => {
    expect(sofaBilirubinPoints(b)).toBe(pts);
  });
  it.each([
    [70, {}, 0],
    [69, {}, 1],
    [80, { dobutamine: 2 }, 2],
    [80, { dopamine: 5 }, 2],
    [80, { dopamine: 5.1 }, 3],
    [80, { norepinephrine: 0.1 }, 3],
    [80, { norepinephrine: 0.11 }, 4],
    [80, { epinephrine: 0.1 }, 3],
    [80, { epinephrine: 0.2 }, 4],
    [80, { dopamine: 15 }, 3],
    [80, { dopamine: 15.1 }, 4],
  ])('MAP %d with %o scores %d', (map, doses, pts) => {
    expect(sofaCardiovascularPoints(map, doses)).toBe(pts);
  });
  it.each([
    [15, 0],
    [14, 1],
    [13, 1],
    [12, 2],
    [10, 2],
    [9, 3],
    [6, 3],
    [5, 4],
  ])('GCS %d scores %d', (g, pts) => {
    expect(sofaGcsPoints(g)).toBe(pts);
  });
  it.each([
    [1.1, null, 0],
    [1.2, null, 1],
    [1.9, null, 1],
    [2.0, null, 2],
    [3.4, null, 2],
    [3.5, null, 3],
    [4.9, null, 3],
    [5.0, null, 4],
    [1.0, 499, 3],
    [1.0, 500, 0],
    [1.0, 199, 4],
    [1.0, 200, 3],
  ])('creatinine %d, urine %s scores %d', (c, u, pts) => {
    expect(sofaRenalPoints(c, u)).toBe(pts);
  });
});

describe('SOFA from the chart', () => {
  it('worked example: P/F 160 ventilated, platelets 90, bilirubin 1.5, MAP 65, GCS 13, creatinine 2.5 -> 10', () => {
    const ctx = chart(adult, [
      lab('2703-7', 80, 'mm[Hg]'),
      vital('3150-0', 50, '%', 125),
      lab('777-3', 90, '10*3/uL'),
      lab('1975-2', 1.5, 'mg/dL'),
      vital('8478-0', 65, 'mm[Hg]'),
      vital('9269-2', 13, '{score}'),
      lab('2160-0', 2.5, 'mg/dL'),
    ]);
    const r = sofa(ctx, { extra: { sofa: { respiratorySupport: true } } });
    expect(r.value).toBe(10);
    expect(r.status).toBe('complete');
    expect(r.components.map((c) => c.points)).toEqual([3, 2, 1, 1, 1, 2]);
    expect(r.provenance.facts).toHaveLength(7);
    expect(r.assumptions).toContain(
      'Baseline SOFA assumed 0 (Sepsis-3 rule when the pre-existing baseline is unknown)',
    );
  });
  it.each([
    [1.9, 1, 'below-threshold'],
    [2.0, 2, 'organ-dysfunction'],
  ])('SOFA total across the Sepsis-3 threshold: creatinine %d -> %d (%s) with every organ known', (cr, total, id) => {
    const ctx = chart(adult, [
      lab('2703-7', 95, 'mm[Hg]'),
      vital('3150-0', 21, '%', 120),
      lab('777-3', 200, '10*3/uL'),
      lab('1975-2', 0.8, 'mg/dL'),
      vital('8478-0', 80, 'mm[Hg]'),
      vital('9269-2', 15, '{score}'),
      lab('2160-0', cr, 'mg/dL'),
    ]);
    const r = sofa(ctx);
    expect(r.status).toBe('complete');
    expect(r.value).toBe(total);
    expect(r.band?.id).toBe(id);
  });
  it('uses the worst value of the last 24 h and converts bilirubin from µmol/L', () => {
    const ctx = chart(adult, [
      lab('777-3', 200, '10*3/uL', 1),
      lab('777-3', 40, '10*3/uL', 20),
      lab('777-3', 10, '10*3/uL', 30),
      lab('1975-2', 205, 'umol/L'),
    ]);
    const r = sofa(ctx);
    expect(r.components.find((c) => c.id === 'coagulation')?.points).toBe(3);
    const liver = r.components.find((c) => c.id === 'liver');
    expect(liver?.points).toBe(3);
    expect(liver?.input).toBeCloseTo(11.99, 1);
  });
  it('derives MAP from systolic and diastolic pressures taken together', () => {
    const r = sofa(chart(adult, vitalSet({ sbp: 90, dbp: 55 })));
    expect(r.components.find((c) => c.id === 'cardiovascular')).toMatchObject({ input: 67, points: 1 });
  });
  it('lists the cardiovascular dose as missing when a vasopressor is active without a dose', () => {
    const r = sofa(
      chart(adult, [...vitalSet({ sbp: 90, dbp: 55 }), medication('Norepinephrine 4 MG in 250 ML infusion')]),
    );
    const cv = r.components.find((c) => c.id === 'cardiovascular');
    expect(cv?.points).toBeNull();
    expect(r.missing.find((m) => m.id === 'cardiovascular')?.extraKey).toBe('sofa.norepinephrine');
    expect(r.range?.min).toBe(2);
  });
  it('caps P/F < 200 at 2 points until respiratory support is known', () => {
    const ctx = chart(adult, [lab('2703-7', 60, 'mm[Hg]'), vital('3150-0', 40, '%', 120)]);
    const r = sofa(ctx);
    expect(r.components.find((c) => c.id === 'respiration')).toMatchObject({ input: 150, points: null });
    expect(sofa(ctx, { extra: { sofa: { respiratorySupport: false } } }).components[0]?.points).toBe(2);
  });
});
