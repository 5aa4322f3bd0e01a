import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import { buildPatientContext, contextFromResources, type PatientContext } from '../patient/index.js';
import type { FhirRepository } from '../fhir/repository.js';
import { precondition } from './prefetch-resolve.js';

function isBundle(resource: Resource): resource is Bundle {
  return resource.resourceType === 'Bundle';
}

/** Flattens prefetch values (resources and search Bundles, nested or not) into one list of resources. */
export function prefetchResources(values: Iterable<Resource | null>): Resource[] {
  const out: Resource[] = [];
  const visit = (resource: Resource): void => {
    if (isBundle(resource)) {
      for (const entry of resource.entry ?? []) {
        if (entry.resource) {
          visit(entry.resource);
        }
      }
    } else if (resource.resourceType !== 'OperationOutcome') {
      out.push(resource);
    }
  };
  for (const value of values) {
    if (value) {
      visit(value);
    }
  }
  return out;
}

/**
 * Builds the patient context from prefetch data. Only resources of this patient are used; a missing Patient (null
 * prefetch: "no data") leaves the demographics unknown rather than failing.
 */
export function contextFromPrefetch(
  patientId: string,
  values: Iterable<Resource | null>,
  options: { now?: Date } = {},
): PatientContext {
  const resources = prefetchResources(values);
  const patient: Patient = resources.find((r): r is Patient => r.resourceType === 'Patient' && r.id === patientId) ?? {
    resourceType: 'Patient',
    id: patientId,
  };
  const others = resources.filter((r) => r.resourceType !== 'Patient' && belongsTo(r, patientId));
  return contextFromResources(patient, others, options);
}

// A resource from a search Bundle belongs to the patient unless it names another patient as subject or patient.
function belongsTo(resource: Resource, patientId: string): boolean {
  const record = resource as unknown as Record<string, { reference?: unknown } | undefined>;
  for (const field of ['subject', 'patient']) {
    const ref = record[field]?.reference;
    if (typeof ref === 'string' && ref.startsWith('Patient/')) {
      return ref === `Patient/${patientId}`;
    }
  }
  return true;
}

/** Reads the whole record with `$everything` from the EHR, for services that declare no prefetch; 412 when it fails. */
export async function contextFromEverything(repo: FhirRepository, patientId: string): Promise<PatientContext> {
  try {
    return await buildPatientContext(repo, patientId);
  } catch (err) {
    throw precondition('The patient record could not be read from fhirServer', err);
  }
}
