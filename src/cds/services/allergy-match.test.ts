import type { AllergyIntolerance, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { contextFromResources } from '../../patient/index.js';
import { draftMedications, matchAllergy } from './allergy-match.js';
import { allergyCdsService } from './allergy-service.js';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const patient: Patient = { resourceType: 'Patient', id: 'p' };

function allergy(
  id: string,
  code: { system: string; code: string; display: string },
  extra: Partial<AllergyIntolerance> = {},
): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: { reference: 'Patient/p' },
    code: { coding: [code], text: code.display },
    ...extra,
  };
}

function med(id: string, display: string, code?: string): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { coding: [{ system: RX, display, ...(code ? { code } : {}) }], text: display },
  };
}

const ctx = contextFromResources(patient, [
  allergy('a1', { system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' }),
  allergy('a2', { system: 'urn:local', code: 'x', display: 'Sulfa drugs' }, { criticality: 'high' }),
  allergy(
    'a3',
    { system: RX, code: '29046', display: 'lisinopril' },
    { verificationStatus: { coding: [{ code: 'refuted' }] } },
  ),
  allergy(
    'a4',
    { system: RX, code: '5640', display: 'ibuprofen' },
    { clinicalStatus: { coding: [{ code: 'resolved' }] } },
  ),
]);

describe('allergy matching', () => {
  it('matches by class-level allergen names and codes, and by cross-sensitivity', () => {
    const [amox, cefaz, smx] = draftMedications([
      med('1', 'Amoxicillin 500 MG Oral Tablet', '308192'),
      med('2', 'cephalexin 500 MG Oral Capsule'),
      med('3', 'sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet'),
    ]);
    const [pcn, sulfa] = ctx.allergies;
    expect(amox && pcn && matchAllergy(amox, pcn)).toMatchObject({ kind: 'class', via: 'penicillin' });
    expect(cefaz && pcn && matchAllergy(cefaz, pcn)).toMatchObject({ kind: 'cross-sensitivity' });
    expect(smx && sulfa && matchAllergy(smx, sulfa)).toMatchObject({ kind: 'class', via: 'sulfonamide' });
    expect(amox && sulfa && matchAllergy(amox, sulfa)).toBeNull();
  });

  it('ignores refuted and resolved allergies, and flags drugs it cannot resolve', async () => {
    const result = await allergyCdsService().handle({
      hook: 'order-sign',
      hookInstance: 'h',
      context: {},
      patient: ctx,
      draftOrders: [
        med('1', 'lisinopril 10 MG Oral Tablet'),
        med('2', 'ibuprofen 400 MG Oral Tablet'),
        med('3', 'Zorblax 5 mg'),
      ],
      selections: [],
      baseUrl: 'http://127.0.0.1:8080',
    });
    expect(result.cards.map((c) => c.kind)).toEqual(['allergy-unchecked']);
    expect(result.cards[0]?.summary).toContain('Zorblax');
  });
});
