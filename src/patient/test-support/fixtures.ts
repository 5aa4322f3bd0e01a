import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';

/** A fixed reference time for tests. */
export const NOW = new Date('2024-06-15T12:00:00Z');

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ALLERGY_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/** Marge: a 68-year-old on warfarin with atrial fibrillation, in US units, with notes and a report. */
export const marge: Patient = {
  resourceType: 'Patient',
  id: 'marge',
  meta: { versionId: '3' },
  name: [{ use: 'official', family: 'Simpson', given: ['Marjorie'] }],
  gender: 'female',
  birthDate: '1956-03-19',
};

/** Marge's record: one resource of each kind the context reads, plus a Claim it ignores. */
export function margeRecord(): Resource[] {
  const subject = { reference: 'Patient/marge' };
  return [
    {
      resourceType: 'Encounter',
      id: 'enc1',
      meta: { versionId: '1' },
      status: 'finished',
      class: { code: 'AMB' },
      type: [{ coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up' }] }],
      subject,
      period: { start: '2024-06-01T09:00:00Z', end: '2024-06-01T09:30:00Z' },
    },
    {
      resourceType: 'Condition',
      id: 'afib',
      meta: { versionId: '2' },
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
      verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
      code: {
        coding: [
          { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I48.91', display: 'Unspecified atrial fibrillation' },
          { system: SNOMED, code: '49436004', display: 'Atrial fibrillation' },
        ],
      },
      subject,
      onsetDateTime: '2019-02-01',
    },
    {
      resourceType: 'Condition',
      id: 'pharyngitis',
      meta: { versionId: '1' },
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'resolved' }] },
      code: { coding: [{ system: SNOMED, code: '195662009', display: 'Acute viral pharyngitis' }] },
      subject,
      onsetDateTime: '2023-01-05',
      abatementDateTime: '2023-01-15',
    },
    {
      resourceType: 'Condition',
      id: 'mistake',
      meta: { versionId: '1' },
      verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'entered-in-error' }] },
      code: { text: 'Wrong chart' },
      subject,
    },
    {
      resourceType: 'MedicationRequest',
      id: 'warfarin',
      meta: { versionId: '4' },
      status: 'active',
      intent: 'order',
      subject,
      encounter: { reference: 'Encounter/enc1' },
      authoredOn: '2024-06-01',
      medicationCodeableConcept: {
        coding: [{ system: RXNORM, code: '855332', display: 'Warfarin Sodium 5 MG Oral Tablet' }],
      },
      dosageInstruction: [
        { text: '5 mg once daily', route: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }] } },
      ],
    },
    {
      resourceType: 'MedicationRequest',
      id: 'ibuprofen-text',
      meta: { versionId: '1' },
      status: 'stopped',
      intent: 'order',
      subject,
      authoredOn: '2023-01-05',
      medicationCodeableConcept: { text: 'Ibuprofen 400 MG Oral Tablet' },
    },
    {
      resourceType: 'MedicationRequest',
      id: 'combo-contained',
      meta: { versionId: '1' },
      status: 'active',
      intent: 'order',
      subject,
      authoredOn: '2024-05-01',
      contained: [
        {
          resourceType: 'Medication',
          id: 'm1',
          code: { text: 'Zestoretic' },
          ingredient: [
            { itemCodeableConcept: { coding: [{ system: RXNORM, code: '29046', display: 'lisinopril' }] } },
            { itemCodeableConcept: { text: 'Hydrochlorothiazide' } },
          ],
        },
      ],
      medicationReference: { reference: '#m1' },
    },
    {
      resourceType: 'MedicationStatement',
      id: 'omeprazole',
      meta: { versionId: '1' },
      status: 'active',
      subject,
      effectiveDateTime: '2022-01-01',
      medicationReference: { reference: 'Medication/omeprazole-20' },
    },
    {
      resourceType: 'Medication',
      id: 'omeprazole-20',
      meta: { versionId: '1' },
      code: { coding: [{ system: RXNORM, code: '7646', display: 'omeprazole' }] },
    },
    {
      resourceType: 'AllergyIntolerance',
      id: 'pcn',
      meta: { versionId: '1' },
      clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active' }] },
      verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: 'confirmed' }] },
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      code: { coding: [{ system: RXNORM, code: '7980', display: 'Penicillin G' }], text: 'Penicillin' },
      patient: subject,
      recordedDate: '2010-04-02',
      reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
    },
    {
      resourceType: 'Observation',
      id: 'weight-old',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
      subject,
      effectiveDateTime: '2024-01-10T09:00:00Z',
      valueQuantity: { value: 70, unit: 'kg', system: UCUM, code: 'kg' },
    },
    {
      resourceType: 'Observation',
      id: 'weight-lb',
      meta: { versionId: '2' },
      status: 'final',
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
      subject,
      effectiveDateTime: '2024-06-01T09:05:00Z',
      valueQuantity: { value: 165, unit: 'lb', system: UCUM, code: '[lb_av]' },
    },
    {
      resourceType: 'Observation',
      id: 'temp-f',
      meta: { versionId: '1' },
      status: 'final',
      code: { coding: [{ system: LOINC, code: '8310-5', display: 'Body temperature' }] },
      subject,
      effectiveDateTime: '2024-06-01T09:06:00Z',
      valueQuantity: { value: 101.3, unit: '°F' },
    },
    {
      resourceType: 'Observation',
      id: 'bp',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
      subject,
      effectiveDateTime: '2024-06-01T09:07:00Z',
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 150, unit: 'mmHg' } },
        {
          code: { coding: [{ system: LOINC, code: '8462-4' }] },
          valueQuantity: { value: 92, code: 'mm[Hg]', system: UCUM },
        },
      ],
    },
    {
      resourceType: 'Observation',
      id: 'glucose',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: LOINC, code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }] },
      subject,
      effectiveDateTime: '2024-06-01T08:00:00Z',
      valueQuantity: { value: 7.8, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
      referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 5.5, unit: 'mmol/L' } }],
    },
    {
      resourceType: 'Observation',
      id: 'potassium',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: LOINC, code: '2823-3', display: 'Potassium' }] },
      subject,
      effectiveDateTime: '2024-06-01T08:00:00Z',
      valueQuantity: { value: 4.1, unit: 'mmol/L' },
      interpretation: [{ coding: [{ code: 'N' }] }],
    },
    {
      resourceType: 'Observation',
      id: 'creatinine',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: LOINC, code: '2160-0', display: 'Creatinine' }] },
      subject,
      effectiveDateTime: '2024-06-01T08:00:00Z',
      valueQuantity: { value: 150, unit: 'umol/L', system: UCUM, code: 'umol/L' },
    },
    {
      resourceType: 'Observation',
      id: 'inr',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: LOINC, code: '6301-6', display: 'INR' }] },
      subject,
      effectiveDateTime: '2024-06-01T08:00:00Z',
      valueQuantity: { value: 3.4, unit: '{INR}', system: UCUM, code: '{INR}' },
      interpretation: [{ coding: [{ code: 'H' }] }],
    },
    {
      resourceType: 'Observation',
      id: 'smoking',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'social-history' }] }],
      code: { coding: [{ system: LOINC, code: '72166-2', display: 'Tobacco smoking status' }] },
      subject,
      effectiveDateTime: '2024-06-01T09:00:00Z',
      valueCodeableConcept: { coding: [{ system: SNOMED, code: '8517006', display: 'Ex-smoker' }] },
    },
    {
      resourceType: 'Procedure',
      id: 'ecg',
      meta: { versionId: '1' },
      status: 'completed',
      code: { coding: [{ system: SNOMED, code: '29303009', display: 'Electrocardiographic procedure' }] },
      subject,
      performedDateTime: '2024-06-01T09:10:00Z',
    },
    {
      resourceType: 'Immunization',
      id: 'flu',
      meta: { versionId: '1' },
      status: 'completed',
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal' }] },
      patient: subject,
      occurrenceDateTime: '2023-10-01',
    },
    {
      resourceType: 'DocumentReference',
      id: 'note1',
      meta: { versionId: '1' },
      status: 'current',
      type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }] },
      subject,
      date: '2024-06-01T10:00:00Z',
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from('Irregular pulse. Plan: INR check.', 'utf8').toString('base64'),
          },
        },
      ],
    },
    {
      resourceType: 'DiagnosticReport',
      id: 'bmp',
      meta: { versionId: '1' },
      status: 'final',
      category: [{ coding: [{ code: 'LAB' }] }],
      code: { coding: [{ system: LOINC, code: '51990-0', display: 'Basic metabolic panel' }] },
      subject,
      effectiveDateTime: '2024-06-01T08:00:00Z',
      result: [{ reference: 'Observation/glucose' }, { reference: 'Observation/potassium' }],
      conclusion: 'Hyperglycaemia.',
    },
    {
      resourceType: 'ImagingStudy',
      id: 'cxr',
      meta: { versionId: '1' },
      status: 'available',
      subject,
      started: '2024-05-20T14:00:00Z',
      modality: [
        { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'DX', display: 'Digital Radiography' },
      ],
      numberOfSeries: 1,
      numberOfInstances: 2,
      series: [
        { uid: '1.2.3', modality: { code: 'DX' }, bodySite: { system: SNOMED, code: '51185008', display: 'Thorax' } },
      ],
    },
    { resourceType: 'Claim', id: 'claim1', meta: { versionId: '1' } } as Resource,
  ];
}

/** Reads the resources of a FHIR Bundle (e.g. a Synthea bundle). */
export function bundleResources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}
