import type { Medication, Patient, Resource } from '@medplum/fhirtypes';
import { isAppError } from '../core/errors.js';
import type { FhirRepository } from '../fhir/repository.js';
import { encounterFact, imagingFact, immunizationFact, procedureFact } from './care-facts.js';
import { PATIENT_CONTEXT_VERSION, type PatientContext } from './context-schema.js';
import { patientDisplay, patientSummary } from './demographics.js';
import type {
  AllergyFact,
  EncounterFact,
  ImagingFact,
  ImmunizationFact,
  MedicationFact,
  NoteFact,
  ObservationFact,
  ProblemFact,
  ProcedureFact,
  ReportFact,
} from './fact-schema.js';
import { firstCode, referenceId, sortNewestFirst } from './fhir-helpers.js';
import { medicationFact } from './medications.js';
import { documentNoteFact, reportFact, reportNoteFact } from './notes.js';
import { observationFacts } from './observations.js';
import { allergyFact, problemFact } from './problems.js';
import { observationGroup } from './series.js';

/** Options of the context builders. */
export interface PatientContextOptions {
  /** The reference time for ages and for the context's `asOf` (default: the current time). */
  now?: Date;
}

interface Buckets {
  problems: ProblemFact[];
  medications: MedicationFact[];
  allergies: AllergyFact[];
  vitals: ObservationFact[];
  labs: ObservationFact[];
  observations: ObservationFact[];
  encounters: EncounterFact[];
  procedures: ProcedureFact[];
  immunizations: ImmunizationFact[];
  notes: NoteFact[];
  reports: ReportFact[];
  imaging: ImagingFact[];
}

function emptyBuckets(): Buckets {
  return {
    problems: [],
    medications: [],
    allergies: [],
    vitals: [],
    labs: [],
    observations: [],
    encounters: [],
    procedures: [],
    immunizations: [],
    notes: [],
    reports: [],
    imaging: [],
  };
}

// Resources recorded in error are not facts.
function enteredInError(resource: Resource): boolean {
  if ('status' in resource && resource.status === 'entered-in-error') {
    return true;
  }
  if (resource.resourceType === 'Condition' || resource.resourceType === 'AllergyIntolerance') {
    return firstCode(resource.verificationStatus) === 'entered-in-error';
  }
  return false;
}

// Returns false for resource types that carry no facts of the context.
function addResource(
  resource: Resource,
  buckets: Buckets,
  ctx: { medications: Map<string, Medication>; adult: boolean },
): boolean {
  const type = resource.resourceType;
  if (type === 'Condition') {
    buckets.problems.push(problemFact(resource));
  } else if (type === 'MedicationRequest' || type === 'MedicationStatement' || type === 'MedicationAdministration') {
    buckets.medications.push(medicationFact(resource, ctx.medications));
  } else if (type === 'AllergyIntolerance') {
    buckets.allergies.push(allergyFact(resource));
  } else if (type === 'Observation') {
    for (const fact of observationFacts(resource, { adultDefaults: ctx.adult })) {
      (fact.kind === 'vital' ? buckets.vitals : fact.kind === 'lab' ? buckets.labs : buckets.observations).push(fact);
    }
  } else if (type === 'Encounter') {
    buckets.encounters.push(encounterFact(resource));
  } else if (type === 'Procedure') {
    buckets.procedures.push(procedureFact(resource));
  } else if (type === 'Immunization') {
    buckets.immunizations.push(immunizationFact(resource));
  } else if (type === 'DocumentReference') {
    buckets.notes.push(documentNoteFact(resource));
  } else if (type === 'DiagnosticReport') {
    buckets.reports.push(reportFact(resource));
    const note = reportNoteFact(resource);
    if (note) {
      buckets.notes.push(note);
    }
  } else if (type === 'ImagingStudy') {
    buckets.imaging.push(imagingFact(resource));
  } else {
    return false;
  }
  return true;
}

/**
 * Builds the patient context from a patient and the resources of its record (pure: no I/O). Resources of other
 * types (Claim, Organization...) are counted in `stats.ignored`; duplicates (same type and id) are read once.
 */
export function contextFromResources(
  patient: Patient,
  resources: readonly Resource[],
  options: PatientContextOptions = {},
): PatientContext {
  const now = options.now ?? new Date();
  const summary = patientSummary(patient, now);
  const medications = new Map<string, Medication>();
  for (const r of resources) {
    if (r.resourceType === 'Medication' && r.id) {
      medications.set(r.id, r);
    }
  }
  const ctx = { medications, adult: summary.age !== null && summary.age.years >= 18 };
  const buckets = emptyBuckets();
  const ignored: Record<string, number> = {};
  const seen = new Set<string>();
  let count = 0;
  for (const resource of resources) {
    const key = `${resource.resourceType}/${resource.id ?? ''}`;
    if (resource.resourceType === 'Patient' || resource.resourceType === 'Medication' || seen.has(key)) {
      continue;
    }
    seen.add(key);
    count += 1;
    if (enteredInError(resource) || !addResource(resource, buckets, ctx)) {
      ignored[resource.resourceType] = (ignored[resource.resourceType] ?? 0) + 1;
    }
  }
  const sorted = {
    problems: sortNewestFirst(buckets.problems),
    medications: sortNewestFirst(buckets.medications),
    allergies: sortNewestFirst(buckets.allergies),
    vitals: sortNewestFirst(buckets.vitals),
    labs: sortNewestFirst(buckets.labs),
    observations: sortNewestFirst(buckets.observations),
    encounters: sortNewestFirst(buckets.encounters),
    procedures: sortNewestFirst(buckets.procedures),
    immunizations: sortNewestFirst(buckets.immunizations),
    notes: sortNewestFirst(buckets.notes),
    reports: sortNewestFirst(buckets.reports),
    imaging: sortNewestFirst(buckets.imaging),
  };
  const facts = Object.values(sorted).reduce((n, list) => n + list.length, 0);
  const quantities = [...sorted.vitals, ...sorted.labs].filter((f) => f.value?.type === 'quantity');
  return {
    schemaVersion: PATIENT_CONTEXT_VERSION,
    asOf: now.toISOString(),
    patient: summary,
    display: patientDisplay(patient),
    ...sorted,
    vitals: observationGroup(sorted.vitals),
    labs: observationGroup(sorted.labs),
    stats: {
      resources: count,
      facts,
      ignored,
      medicationsWithoutIngredients: sorted.medications.filter((m) => m.ingredients.length === 0).length,
      observationsWithoutCanonicalUnit: quantities.filter((f) => f.value?.type === 'quantity' && !f.value.canonical)
        .length,
    },
  };
}

function missingMedicationIds(resources: readonly Resource[]): string[] {
  const have = new Set(resources.filter((r) => r.resourceType === 'Medication').map((r) => r.id));
  const missing = new Set<string>();
  for (const r of resources) {
    if (
      r.resourceType === 'MedicationRequest' ||
      r.resourceType === 'MedicationStatement' ||
      r.resourceType === 'MedicationAdministration'
    ) {
      const ref = r.medicationReference?.reference;
      const id = referenceId(r.medicationReference);
      if (id && ref && !ref.startsWith('#') && !have.has(id)) {
        missing.add(id);
      }
    }
  }
  return [...missing];
}

async function readIfPresent(repo: FhirRepository, id: string): Promise<Medication | null> {
  try {
    return await repo.read<Medication>('Medication', id);
  } catch (err) {
    if (isAppError(err, 'VITALIS_NOT_FOUND') || isAppError(err, 'VITALIS_GONE')) {
      return null;
    }
    throw err;
  }
}

/**
 * Reads a patient's record with one `$everything` call (plus parallel reads of referenced Medications outside the
 * compartment) and builds its context. Throws VITALIS_NOT_FOUND when the patient does not exist.
 */
export async function buildPatientContext(
  repo: FhirRepository,
  patientId: string,
  options: PatientContextOptions = {},
): Promise<PatientContext> {
  const bundle = await repo.everything(patientId);
  const resources: Resource[] = [];
  let patient: Patient | undefined;
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (!resource) {
      continue;
    }
    if (resource.resourceType === 'Patient' && resource.id === patientId) {
      patient = resource;
    } else {
      resources.push(resource);
    }
  }
  const [found, medications] = await Promise.all([
    patient ? Promise.resolve(patient) : repo.read<Patient>('Patient', patientId),
    Promise.all(missingMedicationIds(resources).map((id) => readIfPresent(repo, id))),
  ]);
  for (const medication of medications) {
    if (medication) {
      resources.push(medication);
    }
  }
  return contextFromResources(found, resources, options);
}
