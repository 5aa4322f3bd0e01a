import { describe, expect, it } from 'vitest';
import { curb65, ureaFromBun } from './curb65.js';
import { chart, codedVital, lab, patientAged, vitalSet } from './test-support/chart.js';

const alert = { extra: { curb65: { confusion: false } } };
const normal = { rr: 16, sbp: 130, dbp: 80 };

function score(
  age: number,
  v: Parameters<typeof vitalSet>[0],
  labs = [lab('22664-7', 5, 'mmol/L')],
): ReturnType<typeof curb65> {
  return curb65(chart(patientAged(age, 'male'), [...vitalSet(v), ...labs]), alert);
}

describe('CURB-65', () => {
  it('worked example: age 70, urea 9, RR 32, BP 100/55, alert -> 4, high', () => {
    const r = score(70, { rr: 32, sbp: 100, dbp: 55 }, [lab('22664-7', 9, 'mmol/L')]);
    expect(r.value).toBe(4);
    expect(r.band?.id).toBe('high');
    expect(r.status).toBe('complete');
  });
  it('worked example: age 50, new confusion, otherwise normal -> 1, low', () => {
    const ctx = chart(patientAged(50, 'male'), [
      ...vitalSet(normal),
      lab('22664-7', 5, 'mmol/L'),
      codedVital('67775-7', '130987000', 'Acute confusion'),
    ]);
    const r = curb65(ctx);
    expect(r.value).toBe(1);
    expect(r.band?.id).toBe('low');
    expect(r.components[0]).toMatchObject({ id: 'confusion', points: 1, basis: 'chart' });
  });
  it.each([
    [64, 0],
    [65, 1],
  ])('age %d scores %d', (age, pts) => {
    expect(score(age, normal).value).toBe(pts);
  });
  it.each([
    [29, 0],
    [30, 1],
  ])('respiratory rate %d scores %d', (rr, pts) => {
    expect(score(50, { ...normal, rr }).value).toBe(pts);
  });
  it.each([
    [90, 61, 0],
    [89, 61, 1],
    [120, 60, 1],
    [120, 61, 0],
  ])('BP %d/%d scores %d', (sbp, dbp, pts) => {
    expect(score(50, { rr: 16, sbp, dbp }).value).toBe(pts);
  });
  it.each([
    [7, 0],
    [7.1, 1],
  ])('urea %d mmol/L scores %d', (urea, pts) => {
    expect(score(50, normal, [lab('22664-7', urea, 'mmol/L')]).value).toBe(pts);
  });
  it.each([
    [19, 0],
    [20, 1],
    [21, 1],
  ])('BUN %d mg/dL scores %d (urea > 7 mmol/L is BUN > 19.6 mg/dL)', (bun, pts) => {
    const r = score(50, normal, [lab('3094-0', bun, 'mg/dL')]);
    expect(r.value).toBe(pts);
    expect(r.components.find((c) => c.id === 'urea')?.note).toBe(`BUN ${String(bun)} mg/dL`);
  });
  it('converts BUN to urea', () => {
    expect(ureaFromBun(19.6)).toBeCloseTo(7, 2);
  });
  it.each([
    [1, 'low'],
    [2, 'intermediate'],
    [3, 'high'],
  ])('total %d is %s', (total, id) => {
    const v = total >= 2 ? { ...normal, rr: 30 } : normal;
    const labs = [lab('22664-7', total >= 3 ? 8 : 5, 'mmol/L')];
    const r = score(70, v, labs);
    expect(r.value).toBe(total);
    expect(r.band?.id).toBe(id);
  });
  it('lists confusion and urea as missing when not recorded', () => {
    const r = curb65(chart(patientAged(50, 'male'), vitalSet(normal)));
    expect(r.missing.map((m) => m.id)).toEqual(['confusion', 'urea']);
    expect(r.range).toEqual({ min: 0, max: 2 });
    expect(r.band).toBeNull();
  });
});
