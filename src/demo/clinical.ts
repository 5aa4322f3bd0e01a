import type { Encounter, MedicationRequest, Patient } from '@medplum/fhirtypes';
import {
  ALLERGIES,
  ENCOUNTER_CLASSES,
  ENCOUNTER_TYPES,
  PROCEDURES,
  type AllergyDef,
  type EncounterClass,
  type ProcedureKey,
  type VaccineDef,
} from './catalog.js';
import { coding, snomed, SYSTEMS } from './codes.js';
import { CONDITIONS, type ConditionKey } from './conditions.js';
import { fhirDate, fhirDateTime } from './dates.js';
import { DRUGS, ROUTES, type DrugKey } from './drugs.js';
import type { Clinician, RecordBuilder, Ref } from './record-builder.js';
import { organizationResource, practitionerResource } from './staff.js';

/** Adds the Patient (and its managing Organization) to the record. */
export function addPatient(b: RecordBuilder): Ref {
  const d = b.demo;
  const org = b.addShared(organizationResource(b.facility));
  const patient: Patient & { id: string } = {
    resourceType: 'Patient',
    id: b.patientId,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR', display: 'Medical record number' }] },
        system: SYSTEMS.mrn,
        value: d.mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: d.family, given: [d.given] }],
    telecom: [
      { system: 'phone', value: d.phone, use: 'home' },
      ...(d.email !== undefined ? [{ system: 'email' as const, value: d.email }] : []),
    ],
    gender: d.sex,
    birthDate: fhirDate(d.birthMs),
    address: [{ use: 'home', line: [d.line], city: d.city, state: d.state, postalCode: d.zip, country: 'US' }],
    ...(d.relative !== undefined
      ? {
          contact: [
            {
              relationship: [{ text: d.relative.relation }],
              name: { given: [d.relative.name], family: d.family },
              telecom: [{ system: 'phone' as const, value: d.relative.phone }],
            },
          ],
        }
      : {}),
    managingOrganization: org,
  };
  return b.add(patient);
}

/** Options for an encounter. */
export interface EncounterSpec {
  cls: EncounterClass;
  start: number;
  end: number;
  reason: string;
  reasonCode?: ConditionKey;
  clinician: Clinician;
}

/** Adds an Encounter with its attending practitioner. */
export function addEncounter(b: RecordBuilder, spec: EncounterSpec): Ref {
  const prac = b.addShared(practitionerResource(spec.clinician));
  const type = ENCOUNTER_TYPES[spec.cls];
  const reasonProfile = spec.reasonCode !== undefined ? CONDITIONS[spec.reasonCode] : undefined;
  const encounter: Encounter & { id: string } = {
    resourceType: 'Encounter',
    id: b.nextId('enc'),
    status: spec.end <= b.anchor ? 'finished' : 'in-progress',
    class: { system: SYSTEMS.actCode, code: spec.cls, display: ENCOUNTER_CLASSES[spec.cls] },
    type: [{ coding: [snomed(type[0], type[1])] }],
    subject: b.patient,
    participant: [{ individual: prac }],
    period: { start: fhirDateTime(spec.start), ...(spec.end <= b.anchor ? { end: fhirDateTime(spec.end) } : {}) },
    reasonCode: [
      reasonProfile !== undefined
        ? { coding: [snomed(reasonProfile.snomed[0], reasonProfile.snomed[1])], text: spec.reason }
        : { text: spec.reason },
    ],
    serviceProvider: { reference: `Organization/${b.facility.id}` },
  };
  return b.add(encounter);
}

/** Options for a condition. */
export interface ConditionSpec {
  onset: number;
  abatement?: number;
  encounter?: Ref;
  provisional?: boolean;
}

/** Adds a Condition coded in SNOMED CT and ICD-10-CM. */
export function addCondition(b: RecordBuilder, key: ConditionKey, spec: ConditionSpec): Ref {
  const p = CONDITIONS[key];
  const resolved = spec.abatement !== undefined;
  const clinical = resolved ? 'resolved' : 'active';
  const verification = spec.provisional === true ? 'provisional' : 'confirmed';
  b.chart.problems.push({ text: p.phrase, ...(spec.abatement !== undefined ? { until: spec.abatement } : {}) });
  return b.add({
    resourceType: 'Condition',
    id: b.nextId('cond'),
    clinicalStatus: { coding: [coding(SYSTEMS.conditionClinical, clinical, resolved ? 'Resolved' : 'Active')] },
    verificationStatus: {
      coding: [
        coding(SYSTEMS.conditionVerification, verification, spec.provisional === true ? 'Provisional' : 'Confirmed'),
      ],
    },
    category: [
      {
        coding: [
          p.chronic
            ? coding(SYSTEMS.conditionCategory, 'problem-list-item', 'Problem List Item')
            : coding(SYSTEMS.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis'),
        ],
      },
    ],
    code: {
      coding: [snomed(p.snomed[0], p.snomed[1]), coding(SYSTEMS.icd10cm, p.icd10[0], p.icd10[1])],
      text: p.snomed[1].replace(/ \((disorder|finding)\)$/, ''),
    },
    subject: b.patient,
    ...(spec.encounter ? { encounter: spec.encounter } : {}),
    onsetDateTime: fhirDateTime(spec.onset),
    ...(resolved ? { abatementDateTime: fhirDateTime(spec.abatement ?? spec.onset) } : {}),
    recordedDate: fhirDateTime(spec.onset),
  });
}

/** Options for a medication order. */
export interface MedicationSpec {
  authoredOn: number;
  stoppedAt?: number;
  encounter?: Ref;
  reason?: Ref;
  clinician: Clinician;
}

/** Adds a MedicationRequest for an RxNorm clinical drug with a structured dosage. */
export function addMedication(b: RecordBuilder, key: DrugKey, spec: MedicationSpec): Ref {
  const d = DRUGS[key];
  const stopped = spec.stoppedAt !== undefined;
  const route = ROUTES[d.route];
  b.chart.meds.push({ text: d.name, ...(spec.stoppedAt !== undefined ? { until: spec.stoppedAt } : {}) });
  const dosage: NonNullable<MedicationRequest['dosageInstruction']>[number] = {
    sequence: 1,
    text: `${d.dose} ${d.doseUnit} ${d.route === 'iv' ? 'IV' : d.route} ${d.asNeeded === true ? `up to ${d.perDay} times daily as needed` : d.perDay === 1 ? 'once daily' : `${d.perDay} times daily`}`,
    timing: {
      repeat: {
        boundsPeriod: {
          start: fhirDateTime(spec.authoredOn),
          ...(spec.stoppedAt !== undefined ? { end: fhirDateTime(spec.stoppedAt) } : {}),
        },
        frequency: d.perDay,
        period: 1,
        periodUnit: 'd',
      },
    },
    ...(d.asNeeded === true ? { asNeededBoolean: true } : {}),
    route: { coding: [snomed(route.code, route.display)] },
    doseAndRate: [{ doseQuantity: { value: d.dose, unit: d.doseUnit } }],
  };
  return b.add({
    resourceType: 'MedicationRequest',
    id: b.nextId('med'),
    status: stopped ? 'stopped' : 'active',
    intent: 'order',
    category: [
      {
        coding: [
          d.route === 'iv'
            ? coding(SYSTEMS.medRequestCategory, 'inpatient', 'Inpatient')
            : coding(SYSTEMS.medRequestCategory, 'community', 'Community'),
        ],
      },
    ],
    medicationCodeableConcept: { coding: [coding(SYSTEMS.rxnorm, d.rxnorm, d.display)], text: d.display },
    subject: b.patient,
    ...(spec.encounter ? { encounter: spec.encounter } : {}),
    authoredOn: fhirDateTime(spec.authoredOn),
    requester: b.addShared(practitionerResource(spec.clinician)),
    ...(spec.reason ? { reasonReference: [spec.reason] } : {}),
    dosageInstruction: [dosage],
  });
}

/** Adds an AllergyIntolerance with one reaction. */
export function addAllergy(b: RecordBuilder, allergy: AllergyDef, recorded: number): Ref {
  b.chart.allergies.push(
    `${allergy.display.replace(/ \(substance\)$/, '')} (${allergy.reaction[1].replace(/ \((disorder|finding)\)$/, '').toLowerCase()})`,
  );
  return b.add({
    resourceType: 'AllergyIntolerance',
    id: b.nextId('alg'),
    clinicalStatus: { coding: [coding(SYSTEMS.allergyClinical, 'active', 'Active')] },
    verificationStatus: { coding: [coding(SYSTEMS.allergyVerification, 'confirmed', 'Confirmed')] },
    type: 'allergy',
    category: [allergy.category],
    criticality: allergy.severity === 'severe' ? 'high' : 'low',
    code: {
      coding: [coding(allergy.system === 'rxnorm' ? SYSTEMS.rxnorm : SYSTEMS.snomed, allergy.code, allergy.display)],
    },
    patient: b.patient,
    recordedDate: fhirDateTime(recorded),
    reaction: [
      { manifestation: [{ coding: [snomed(allergy.reaction[0], allergy.reaction[1])] }], severity: allergy.severity },
    ],
  });
}

/** Records that the patient has no known allergies (SNOMED CT 716186003), as US Core does. */
export function addNoKnownAllergies(b: RecordBuilder, recorded: number): Ref {
  return b.add({
    resourceType: 'AllergyIntolerance',
    id: b.nextId('alg'),
    clinicalStatus: { coding: [coding(SYSTEMS.allergyClinical, 'active', 'Active')] },
    verificationStatus: { coding: [coding(SYSTEMS.allergyVerification, 'confirmed', 'Confirmed')] },
    code: { coding: [snomed('716186003', 'No known allergy (situation)')], text: 'No known allergies' },
    patient: b.patient,
    recordedDate: fhirDateTime(recorded),
  });
}

/** The allergy catalog entry with the given display (for showcase patients). */
export function allergyNamed(display: string): AllergyDef {
  const found = ALLERGIES.find((a) => a.display === display);
  if (!found) {
    throw new RangeError('unknown allergy');
  }
  return found;
}

/** Adds a completed Procedure. */
export function addProcedure(b: RecordBuilder, key: ProcedureKey, at: number, encounter?: Ref): Ref {
  const p = PROCEDURES[key];
  return b.add({
    resourceType: 'Procedure',
    id: b.nextId('proc'),
    status: 'completed',
    code: { coding: [snomed(p.code, p.display)], text: p.short },
    subject: b.patient,
    ...(encounter ? { encounter } : {}),
    performedDateTime: fhirDateTime(at),
  });
}

/** Adds a completed Immunization coded in CVX. */
export function addImmunization(b: RecordBuilder, vaccine: VaccineDef, at: number, encounter?: Ref): Ref {
  return b.add({
    resourceType: 'Immunization',
    id: b.nextId('imm'),
    status: 'completed',
    vaccineCode: { coding: [coding(SYSTEMS.cvx, vaccine.cvx, vaccine.display)], text: vaccine.display },
    patient: b.patient,
    ...(encounter ? { encounter } : {}),
    occurrenceDateTime: fhirDateTime(at),
    primarySource: true,
  });
}
