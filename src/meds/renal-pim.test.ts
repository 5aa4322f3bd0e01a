import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { MedAlert } from './alert-schema.js';
import { checkMedications, ordersFromCodes } from './check.js';
import { RENAL_RULES } from './knowledge/renal.js';
import { renalBand } from './renal-pim-checks.js';
import { chart, lab, med, NOW_ISO, patient, problem, weight } from './test-support/chart.js';

const ruleById = (id: string): (typeof RENAL_RULES)[number] => {
  const r = RENAL_RULES.find((x) => x.id === id);
  if (!r) {
    throw new Error(id);
  }
  return r;
};

function check(age: number, resources: Resource[], orders: string[] = []): MedAlert[] {
  const { orders: entries } = ordersFromCodes(orders, NOW_ISO);
  return checkMedications({ context: chart(patient(age, 'female'), resources), orders: entries, now: NOW_ISO }).alerts;
}

describe('renal dosing bands (every cut-point)', () => {
  it('metformin: stop below eGFR 30, reduce 30-44, nothing from 45', () => {
    const r = ruleById('renal-metformin');
    expect(renalBand(r, 29.9)?.action).toBe('stop');
    expect(renalBand(r, 30)?.action).toBe('adjust-dose');
    expect(renalBand(r, 44.9)?.action).toBe('adjust-dose');
    expect(renalBand(r, 45)).toBeUndefined();
  });
  it.each([
    ['renal-gabapentin', 14.9, 'CrCl < 15'],
    ['renal-gabapentin', 15, 'CrCl 15-29'],
    ['renal-gabapentin', 29.9, 'CrCl 15-29'],
    ['renal-gabapentin', 30, 'CrCl 30-59'],
    ['renal-gabapentin', 59.9, 'CrCl 30-59'],
    ['renal-rivaroxaban', 49.9, 'CrCl 15-50'],
    ['renal-enoxaparin', 29.9, 'CrCl < 30'],
    ['renal-nitrofurantoin', 29.9, 'CrCl < 30'],
    ['renal-dabigatran', 14.9, 'CrCl < 15'],
    ['renal-edoxaban', 50.9, 'CrCl 15-50'],
  ])('%s at %d: %s', (id, value, advice) => {
    expect(renalBand(ruleById(id), value)?.advice).toContain(advice);
  });
  it.each([
    ['renal-gabapentin', 60],
    ['renal-rivaroxaban', 50],
    ['renal-enoxaparin', 30],
    ['renal-nitrofurantoin', 30],
    ['renal-edoxaban', 51],
  ])('%s at %d: no adjustment', (id, value) => {
    expect(renalBand(ruleById(id), value)).toBeUndefined();
  });
  it('metformin ordered at eGFR < 30 interrupts with stop and a renally safe alternative, citing the creatinine', () => {
    const a = check(70, [lab('2160-0', 2.2, 'mg/dL')], ['rxnorm:6809']).find((x) => x.ruleId === 'renal-metformin');
    expect(a?.tier).toBe('interruptive');
    expect(a?.suggestions.map((s) => s.action.kind)).toEqual(['cancel-order', 'replace']);
    expect(a?.evidence[0]?.source).toMatch(/^Observation\//);
  });
  it('CrCl rules use Cockcroft-Gault with a weight and fall back to eGFR without one', () => {
    const withWeight = check(80, [lab('2160-0', 1.5, 'mg/dL'), weight(50)], ['rxnorm:25480']).find(
      (x) => x.ruleId === 'renal-gabapentin',
    );
    expect(withWeight?.reasons[0]).toMatch(/^CrCl/);
    const noWeight = check(80, [lab('2160-0', 1.5, 'mg/dL')], ['rxnorm:25480']).find(
      (x) => x.ruleId === 'renal-gabapentin',
    );
    expect(noWeight?.reasons.join(' ')).toMatch(/eGFR used instead/);
  });
  it('no creatinine: no renal alert (never assumed normal or abnormal)', () => {
    expect(check(70, [], ['rxnorm:6809']).filter((a) => a.category === 'renal')).toEqual([]);
  });
});

describe('potentially inappropriate medications from 65', () => {
  it('flags a benzodiazepine at 65 but not at 64', () => {
    expect(check(65, [], ['rxnorm:3322']).some((a) => a.ruleId === 'pim-benzodiazepine')).toBe(true);
    expect(check(64, [], ['rxnorm:3322']).some((a) => a.category === 'elderly')).toBe(false);
  });
  it('a documented fall makes sedatives interruptive', () => {
    const a = check(80, [problem('217082002', 'Accidental fall')], ['rxnorm:39993']).find(
      (x) => x.ruleId === 'pim-z-drug',
    );
    expect(a?.tier).toBe('interruptive');
    expect(a?.evidence[0]?.what).toBe('fall');
  });
  it('PPI: 55 days is fine, 56 days is long-term use', () => {
    expect(check(70, [med('40790', { startedDaysAgo: 55 })]).some((a) => a.ruleId === 'pim-ppi-long-term')).toBe(false);
    expect(check(70, [med('40790', { startedDaysAgo: 56 })]).some((a) => a.ruleId === 'pim-ppi-long-term')).toBe(true);
  });
  it('digoxin: 0.125 mg/day is fine, 0.25 mg/day is flagged', () => {
    expect(
      check(70, [med('3407', { dosage: '0.125 mg once daily' })]).some((a) => a.ruleId === 'pim-digoxin-high-dose'),
    ).toBe(false);
    expect(
      check(70, [med('3407', { dosage: '0.25 mg once daily' })]).some((a) => a.ruleId === 'pim-digoxin-high-dose'),
    ).toBe(true);
  });
  it('topical use is not flagged', () => {
    expect(check(80, [], ['rxnorm:855633']).some((a) => a.category === 'elderly')).toBe(false);
  });
});
