import type {
  AllergyIntolerance,
  Condition,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import { contextFromResources, type PatientContext } from '../../patient/index.js';

/** Evaluation time of the medication tests. */
export const NOW = new Date('2025-03-01T12:00:00Z');
export const NOW_ISO = NOW.toISOString();

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
let counter = 0;
const nextId = (p: string): string => {
  counter += 1;
  return `${p}-${String(counter)}`;
};
const daysAgo = (d: number): string => new Date(NOW.getTime() - d * 86_400_000).toISOString();

/** A patient of the given age in completed years at NOW. */
export function patient(age: number, sex: 'male' | 'female' = 'male'): Patient {
  return {
    resourceType: 'Patient',
    id: 'm1',
    gender: sex,
    birthDate: `${String(NOW.getUTCFullYear() - age - 1)}-06-01`,
  };
}

/** A MedicationRequest for an RxNorm code (ingredient or product), started `startedDaysAgo`. */
export function med(
  rxcui: string,
  options: { startedDaysAgo?: number; stoppedDaysAgo?: number; dosage?: string; route?: string; text?: string } = {},
): MedicationRequest {
  const stopped = options.stoppedDaysAgo !== undefined;
  return {
    resourceType: 'MedicationRequest',
    id: nextId('mr'),
    meta: { versionId: '1' },
    status: stopped ? 'stopped' : 'active',
    intent: 'order',
    subject: { reference: 'Patient/m1' },
    authoredOn: daysAgo(options.startedDaysAgo ?? 10),
    medicationCodeableConcept: {
      coding: [{ system: RXNORM, code: rxcui }],
      ...(options.text ? { text: options.text } : {}),
    },
    ...(stopped
      ? {
          dispenseRequest: {
            validityPeriod: { start: daysAgo(options.startedDaysAgo ?? 10), end: daysAgo(options.stoppedDaysAgo ?? 0) },
          },
        }
      : {}),
    ...(options.dosage || options.route
      ? {
          dosageInstruction: [
            {
              ...(options.dosage ? { text: options.dosage } : {}),
              ...(options.route ? { route: { coding: [{ display: options.route }], text: options.route } } : {}),
            },
          ],
        }
      : {}),
  };
}

/** A lab Observation `hoursAgo` before NOW. */
export function lab(loinc: string, value: number, unit: string, hoursAgo = 6): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('obs'),
    meta: { versionId: '1' },
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: daysAgo(hoursAgo / 24),
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

/** A creatinine giving the wanted CKD-EPI 2021 eGFR is awkward to compute: use a weight + creatinine pair instead. */
export function weight(kg: number): Observation {
  return { ...lab('29463-7', kg, 'kg', 24), category: [{ coding: [{ code: 'vital-signs' }] }] };
}

/** A problem (SNOMED or ICD-10-CM code, with text). */
export function problem(code: string, text: string, active = true): Condition {
  return {
    resourceType: 'Condition',
    id: nextId('cond'),
    meta: { versionId: '1' },
    subject: { reference: 'Patient/m1' },
    clinicalStatus: { coding: [{ code: active ? 'active' : 'resolved' }] },
    code: {
      coding: [
        {
          system: /^[A-Z]/.test(code) ? 'http://hl7.org/fhir/sid/icd-10-cm' : 'http://snomed.info/sct',
          code,
          display: text,
        },
      ],
      text,
    },
    onsetDateTime: daysAgo(400),
  };
}

/** A drug allergy to an RxNorm ingredient, optionally with anaphylaxis. */
export function allergy(rxcui: string, name: string, anaphylaxis = false): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: nextId('al'),
    meta: { versionId: '1' },
    patient: { reference: 'Patient/m1' },
    clinicalStatus: { coding: [{ code: 'active' }] },
    category: ['medication'],
    code: { coding: [{ system: RXNORM, code: rxcui, display: name }], text: name },
    ...(anaphylaxis ? { reaction: [{ manifestation: [{ text: 'Anaphylaxis' }], severity: 'severe' as const }] } : {}),
  };
}

/** Builds a context at NOW. */
export function chart(p: Patient, resources: readonly Resource[]): PatientContext {
  return contextFromResources(p, [p, ...resources], { now: NOW });
}
