import type {
  CodeableConcept,
  Dosage,
  Medication,
  MedicationAdministration,
  MedicationRequest,
  MedicationStatement,
  Reference,
} from '@medplum/fhirtypes';
import type { MedicationFact } from './fact-schema.js';
import { baseFact, referenceId, SYSTEMS, toCoding } from './fhir-helpers.js';
import { classesOf, resolveIngredients } from './ingredients.js';

/** Medication resources by id (stored and contained), to resolve `medicationReference`. */
export type MedicationIndex = ReadonlyMap<string, Medication>;

type MedicationResource = MedicationRequest | MedicationStatement | MedicationAdministration;

const ACTIVE_STATUS: Record<MedicationResource['resourceType'], ReadonlySet<string>> = {
  MedicationRequest: new Set(['active', 'on-hold']),
  MedicationStatement: new Set(['active', 'intended', 'on-hold']),
  MedicationAdministration: new Set(['in-progress', 'on-hold']),
};

function dosageText(dosage: Dosage | undefined): string | null {
  if (!dosage) {
    return null;
  }
  if (dosage.text) {
    return dosage.text;
  }
  const parts: string[] = [];
  const dose = dosage.doseAndRate?.[0]?.doseQuantity;
  if (dose?.value !== undefined) {
    parts.push(`${dose.value}${dose.unit ? ` ${dose.unit}` : ''}`);
  }
  const repeat = dosage.timing?.repeat;
  if (repeat?.frequency !== undefined && repeat.period !== undefined) {
    parts.push(`${repeat.frequency} times per ${repeat.period} ${repeat.periodUnit ?? ''}`.trim());
  }
  if (dosage.asNeededBoolean) {
    parts.push('as needed');
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

function findMedication(
  reference: Reference | undefined,
  contained: MedicationResource['contained'],
  index: MedicationIndex,
): Medication | undefined {
  const id = referenceId(reference);
  if (!id) {
    return undefined;
  }
  if (reference?.reference?.startsWith('#')) {
    const found = contained?.find((r) => r.resourceType === 'Medication' && r.id === id);
    return found?.resourceType === 'Medication' ? found : undefined;
  }
  return index.get(id);
}

interface MedicationParts {
  time: string | undefined;
  end: string | undefined;
  dosageText: string | null;
  route: CodeableConcept | undefined;
  intent: string | null;
  authoredOn: string | null;
  encounter: Reference | undefined;
}

function partsOf(resource: MedicationResource): MedicationParts {
  switch (resource.resourceType) {
    case 'MedicationRequest':
      return {
        time: resource.authoredOn ?? resource.dispenseRequest?.validityPeriod?.start,
        end: resource.dispenseRequest?.validityPeriod?.end,
        dosageText: dosageText(resource.dosageInstruction?.[0]),
        route: resource.dosageInstruction?.[0]?.route,
        intent: resource.intent,
        authoredOn: resource.authoredOn ?? null,
        encounter: resource.encounter,
      };
    case 'MedicationStatement':
      return {
        time: resource.effectiveDateTime ?? resource.effectivePeriod?.start ?? resource.dateAsserted,
        end: resource.effectivePeriod?.end,
        dosageText: dosageText(resource.dosage?.[0]),
        route: resource.dosage?.[0]?.route,
        intent: null,
        authoredOn: resource.dateAsserted ?? null,
        encounter: resource.context,
      };
    case 'MedicationAdministration':
      return {
        time: resource.effectiveDateTime ?? resource.effectivePeriod?.start,
        end: resource.effectivePeriod?.end,
        dosageText: resource.dosage?.text ?? null,
        route: resource.dosage?.route,
        intent: null,
        authoredOn: null,
        encounter: resource.context,
      };
  }
}

/** Turns a MedicationRequest/Statement/Administration into a medication fact with RxNorm ingredients. */
export function medicationFact(resource: MedicationResource, medications: MedicationIndex): MedicationFact {
  const medication = findMedication(resource.medicationReference, resource.contained, medications);
  const concept: CodeableConcept | undefined = resource.medicationCodeableConcept ?? medication?.code;
  const labelConcept: CodeableConcept | undefined =
    concept ?? (resource.medicationReference?.display ? { text: resource.medicationReference.display } : undefined);
  const parts = partsOf(resource);
  const base = baseFact({
    resource,
    kind: 'medication',
    concept: labelConcept,
    preferred: [SYSTEMS.rxnorm],
    effectiveTime: parts.time,
    effectiveEnd: parts.end,
    status: resource.status,
    encounter: parts.encounter,
  });
  const ingredients = resolveIngredients(labelConcept, medication);
  const rxnorm = base.codes.find((c) => c.system === SYSTEMS.rxnorm)?.code ?? null;
  return {
    ...base,
    kind: 'medication',
    flags: { active: ACTIVE_STATUS[resource.resourceType].has(resource.status), abnormal: null },
    resourceType: resource.resourceType,
    intent: parts.intent,
    authoredOn: parts.authoredOn,
    rxnorm,
    dosageText: parts.dosageText,
    route: toCoding(parts.route?.coding?.[0]),
    ingredients,
    classes: classesOf(ingredients),
  };
}
