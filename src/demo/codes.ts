import type { Coding } from '@medplum/fhirtypes';

/** Code systems used by the demo generator. */
export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  ucum: 'http://unitsofmeasure.org',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  routeOfAdministration: 'http://snomed.info/sct',
  docCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  mrn: 'https://vitalis.health/fhir/sid/demo-mrn',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  orgId: 'https://vitalis.health/fhir/sid/demo-org',
  medRequestCategory: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
} as const;

/** A coding with code and display. */
export function coding(system: string, code: string, display: string): Coding {
  return { system, code, display };
}

/** Shorthand for a LOINC coding. */
export const loinc = (code: string, display: string): Coding => coding(SYSTEMS.loinc, code, display);

/** Shorthand for a SNOMED CT coding. */
export const snomed = (code: string, display: string): Coding => coding(SYSTEMS.snomed, code, display);
