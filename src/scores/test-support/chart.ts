import type { Observation, Patient, Resource } from '@medplum/fhirtypes';
import { contextFromResources, type PatientContext } from '../../patient/index.js';

/** The evaluation time of the score tests. */
export const NOW = new Date('2024-06-15T12:00:00Z');

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${String(counter)}`;
}

/** A patient aged `age` completed years at NOW (born on 1 January). */
export function patientAged(age: number, sex: 'male' | 'female'): Patient {
  return { resourceType: 'Patient', id: 'p1', gender: sex, birthDate: `${String(NOW.getUTCFullYear() - age)}-01-01` };
}

function isoBefore(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

/** A vital-sign Observation `minutesAgo` before NOW, in the given UCUM unit. */
export function vital(loinc: string, value: number, unit: string, minutesAgo = 30): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('v'),
    meta: { versionId: '1' },
    status: 'final',
    category: [{ coding: [{ code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: loinc }] },
    effectiveDateTime: isoBefore(minutesAgo),
    valueQuantity: { value, unit, system: UCUM, code: unit },
  };
}

/** A coded vital-sign Observation (e.g. ACVPU) `minutesAgo` before NOW. */
export function codedVital(loinc: string, snomed: string, display: string, minutesAgo = 30): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('c'),
    meta: { versionId: '1' },
    status: 'final',
    category: [{ coding: [{ code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: loinc }] },
    effectiveDateTime: isoBefore(minutesAgo),
    valueCodeableConcept: { coding: [{ system: SNOMED, code: snomed, display }] },
  };
}

/** A laboratory Observation `hoursAgo` before NOW, in the given UCUM unit. */
export function lab(loinc: string, value: number, unit: string, hoursAgo = 2): Observation {
  return {
    resourceType: 'Observation',
    id: nextId('l'),
    meta: { versionId: '2' },
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code: loinc }] },
    effectiveDateTime: isoBefore(hoursAgo * 60),
    valueQuantity: { value, unit, system: UCUM, code: unit },
  };
}

/** The usual vital signs of one set (RR, SpO2, SBP, HR, temperature in °C), each optional. */
export interface VitalSet {
  rr?: number | undefined;
  spo2?: number | undefined;
  sbp?: number | undefined;
  dbp?: number | undefined;
  hr?: number | undefined;
  temp?: number | undefined;
  o2Flow?: number | undefined;
  gcs?: number | undefined;
}

/** Observations for a vital set taken `minutesAgo` before NOW. */
export function vitalSet(v: VitalSet, minutesAgo = 30): Observation[] {
  const out: Observation[] = [];
  const add = (value: number | undefined, loinc: string, unit: string): void => {
    if (value !== undefined) {
      out.push(vital(loinc, value, unit, minutesAgo));
    }
  };
  add(v.rr, '9279-1', '/min');
  add(v.spo2, '59408-5', '%');
  add(v.sbp, '8480-6', 'mm[Hg]');
  add(v.dbp, '8462-4', 'mm[Hg]');
  add(v.hr, '8867-4', '/min');
  add(v.temp, '8310-5', 'Cel');
  add(v.o2Flow, '3151-8', 'L/min');
  add(v.gcs, '9269-2', '{score}');
  return out;
}

/** A Condition coded in SNOMED CT or ICD-10-CM (`I10` style codes go to ICD-10-CM). */
export function condition(code: string, options: { active?: boolean; onset?: string } = {}): Resource {
  const icd = /^[A-Z]/.test(code);
  return {
    resourceType: 'Condition',
    id: nextId('cond'),
    meta: { versionId: '1' },
    subject: { reference: 'Patient/p1' },
    clinicalStatus: { coding: [{ system: CLINICAL, code: options.active === false ? 'resolved' : 'active' }] },
    code: { coding: [{ system: icd ? ICD10 : SNOMED, code }] },
    onsetDateTime: options.onset ?? '2020-01-01',
  };
}

/** An active MedicationRequest for a drug named in text (e.g. 'Aspirin 81 MG Oral Tablet'), optional route text. */
export function medication(text: string, options: { route?: string; status?: string; rxnorm?: string } = {}): Resource {
  return {
    resourceType: 'MedicationRequest',
    id: nextId('med'),
    meta: { versionId: '1' },
    status: (options.status ?? 'active') as 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn: '2024-01-01',
    medicationCodeableConcept: {
      text,
      ...(options.rxnorm ? { coding: [{ system: RXNORM, code: options.rxnorm }] } : {}),
    },
    ...(options.route
      ? {
          dosageInstruction: [
            { route: { text: options.route, coding: [{ code: options.route, display: options.route }] } },
          ],
        }
      : {}),
  };
}

/** Builds the context at NOW for a patient and resources. */
export function chart(patient: Patient, resources: readonly Resource[]): PatientContext {
  return contextFromResources(patient, resources, { now: NOW });
}
