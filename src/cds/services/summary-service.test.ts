import type { Condition, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { contextFromResources } from '../../patient/index.js';
import { summaryCdsService } from './summary-service.js';

const day = (offset: number): string => new Date(Date.now() - offset * 86_400_000).toISOString();
const patient: Patient = { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1950-01-01' };

function lab(id: string, loinc: string, v: { value: number; unit: string; when: string; interp: string }): Observation {
  const { value, unit, when, interp } = v;
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/p' },
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: loinc }], text: id },
    effectiveDateTime: when,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    interpretation: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: interp }] },
    ],
  };
}

const problem: Condition = {
  resourceType: 'Condition',
  id: 'c1',
  subject: { reference: 'Patient/p' },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: {
    coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Type 2 diabetes mellitus' }],
    text: 'Type 2 diabetes mellitus',
  },
  onsetDateTime: '2019-03-01',
};

async function summary(resources: Resource[]): Promise<{ summary: string; detail: string; indicator: string }> {
  const ctx = contextFromResources(patient, resources);
  const result = await summaryCdsService().handle({
    hook: 'patient-view',
    hookInstance: 'h',
    context: {},
    patient: ctx,
    draftOrders: [],
    selections: [],
    baseUrl: 'http://x',
  });
  const card = result.cards[0];
  return { summary: card?.summary ?? '', detail: card?.detail ?? '', indicator: card?.indicator ?? '' };
}

describe('patient-view summary card', () => {
  it('lists active problems, abnormal recent labs (critical first) and missing data', async () => {
    const card = await summary([
      problem,
      lab('Potassium', '2823-3', { value: 6.9, unit: 'mmol/L', when: day(3), interp: 'HH' }),
      lab('HbA1c', '4548-4', { value: 8.1, unit: '%', when: day(30), interp: 'H' }),
      lab('Old sodium', '2951-2', { value: 120, unit: 'mmol/L', when: day(800), interp: 'L' }),
    ]);
    expect(card.summary).toBe('Summary: 1 active problem · 1 critical lab · no vital signs in the last 12 months');
    expect(card.indicator).toBe('warning');
    expect(card.detail).toContain('Type 2 diabetes mellitus (since 2019-03-01)');
    expect(card.detail.indexOf('Potassium')).toBeLessThan(card.detail.indexOf('HbA1c'));
    expect(card.detail).toContain('**6.9 mmol/L** [HH]');
    expect(card.detail).not.toContain('Old sodium');
    expect(card.detail).toContain('allergy status not documented');
  });

  it('says so when nothing is found', async () => {
    const card = await summary([]);
    expect(card.summary).toContain('0 active problems · 0 abnormal recent labs');
    expect(card.indicator).toBe('info');
  });
});
