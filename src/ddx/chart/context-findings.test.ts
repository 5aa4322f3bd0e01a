import type { Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { contextFromResources } from '../../patient/index.js';
import { DdxEngine } from '../engine.js';
import { TINY_SOURCES } from '../kb/test-fixtures/tiny-kb.js';

const engine = DdxEngine.fromSources(TINY_SOURCES);
const patient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  gender: 'female',
  birthDate: '1981-03-02',
  meta: { versionId: '1' },
};
const ref = { reference: 'Patient/p1' };
const resources: Resource[] = [
  {
    resourceType: 'Condition',
    id: 'c1',
    meta: { versionId: '1' },
    subject: ref,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    code: {
      coding: [
        { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.65', display: 'Type 2 diabetes with hyperglycemia' },
      ],
    },
  },
  {
    resourceType: 'Observation',
    id: 'hr1',
    meta: { versionId: '1' },
    status: 'final',
    subject: ref,
    effectiveDateTime: '2026-05-31T10:00:00Z',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    valueQuantity: { value: 124, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  },
  {
    resourceType: 'Observation',
    id: 't1',
    meta: { versionId: '1' },
    status: 'final',
    subject: ref,
    effectiveDateTime: '2026-05-31T10:00:00Z',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '8310-5', display: 'Body temperature' }] },
    valueQuantity: { value: 98.6, unit: '[degF]', system: 'http://unitsofmeasure.org', code: '[degF]' },
  },
  {
    resourceType: 'MedicationRequest',
    id: 'm1',
    meta: { versionId: '1' },
    status: 'active',
    intent: 'order',
    subject: ref,
    medicationCodeableConcept: { text: 'estradiol 1 mg oral tablet' },
  },
  {
    resourceType: 'DocumentReference',
    id: 'n1',
    meta: { versionId: '1' },
    status: 'current',
    subject: ref,
    date: '2026-05-31T10:00:00Z',
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          data: Buffer.from('Sudden pleuritic chest pain since this morning. No cough.').toString('base64'),
        },
      },
    ],
  },
];

describe('findings from the patient context', () => {
  it('reads coded problems, vitals against predicates, medications and notes, citing each fact', () => {
    const ctx = contextFromResources(patient, resources, { now: new Date('2026-06-01T00:00:00Z') });
    const result = engine.diagnoseContext(ctx);
    const byId = Object.fromEntries(result.findings.map((f) => [f.id, f]));
    expect(byId['diabetes']).toMatchObject({
      present: true,
      source: { kind: 'fact', resource: 'Condition/c1/_history/1' },
    });
    expect(byId['tachycardia']).toMatchObject({ present: true, source: { kind: 'fact', fact: 'Observation/hr1' } });
    expect(byId['temperature-high']).toMatchObject({ present: false });
    expect(byId['estrogen-use']).toMatchObject({
      present: true,
      source: { kind: 'fact', fact: 'MedicationRequest/m1' },
    });
    expect(byId['chest-pain-pleuritic']).toMatchObject({
      present: true,
      source: { kind: 'fact', fact: 'DocumentReference/n1' },
    });
    expect(byId['cough']).toMatchObject({ present: false });
    expect(result.differential[0]?.condition).toBe('pulmonary-embolism');
  });
});
