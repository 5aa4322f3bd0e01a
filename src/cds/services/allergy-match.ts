import type { Medication, MedicationRequest, Resource } from '@medplum/fhirtypes';
import { resolveIngredients, type AllergyFact, type DrugClass, type Ingredient } from '../../patient/index.js';
import {
  CLASS_ALLERGEN_CODES,
  CLASS_ALLERGEN_TERMS,
  CROSS_REACTIVE_CLASSES,
  CROSS_SENSITIVE_CLASSES,
} from '../knowledge/allergy-classes.js';

/** How a draft order meets a documented allergy, from the strongest to the weakest evidence. */
export type AllergyMatchKind = 'ingredient' | 'class' | 'cross-sensitivity';

/** One documented allergy a draft order runs into. */
export interface AllergyMatch {
  kind: AllergyMatchKind;
  allergy: AllergyFact;
  /** The shared ingredient name or drug class. */
  via: string;
  note: string | null;
}

/** A draft MedicationRequest with its resolved ingredients. */
export interface DraftMedication {
  request: MedicationRequest;
  name: string;
  ingredients: Ingredient[];
  classes: DrugClass[];
}

function containedMedication(request: MedicationRequest): Medication | undefined {
  const ref = request.medicationReference?.reference;
  if (!ref?.startsWith('#')) {
    return undefined;
  }
  return request.contained?.find((r): r is Medication => r.resourceType === 'Medication' && `#${r.id ?? ''}` === ref);
}

/** The draft MedicationRequests of an order hook, each resolved to RxNorm ingredients and drug classes. */
export function draftMedications(orders: readonly Resource[]): DraftMedication[] {
  return orders
    .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest')
    .map((request) => {
      const concept = request.medicationCodeableConcept;
      const medication = containedMedication(request);
      const ingredients = resolveIngredients(concept ?? medication?.code, medication);
      const classes = [...new Set(ingredients.flatMap((i) => i.classes))].sort();
      const name =
        concept?.text ??
        concept?.coding?.find((c) => c.display)?.display ??
        medication?.code?.text ??
        ingredients.map((i) => i.name).join(' / ');
      return { request, name: name === '' ? 'medication' : name, ingredients, classes };
    });
}

/** The drug classes a documented allergy covers: its ingredients' classes plus class-level allergen names or codes. */
export function allergyClasses(allergy: AllergyFact): DrugClass[] {
  const classes = new Set<DrugClass>(allergy.ingredients.flatMap((i) => i.classes));
  const texts = [
    allergy.text,
    ...allergy.codes.map((c) => c.display ?? ''),
    ...allergy.reactions.map((r) => r.substance?.display ?? ''),
  ];
  for (const { pattern, drugClass } of CLASS_ALLERGEN_TERMS) {
    if (texts.some((t) => pattern.test(t))) {
      classes.add(drugClass);
    }
  }
  for (const code of allergy.codes) {
    const drugClass = code.code ? CLASS_ALLERGEN_CODES.get(code.code) : undefined;
    if (drugClass) {
      classes.add(drugClass);
    }
  }
  return [...classes];
}

/** True for an allergy that still counts: not resolved, inactive, refuted or entered in error. */
export function isCurrentAllergy(allergy: AllergyFact): boolean {
  if (allergy.verificationStatus === 'refuted' || allergy.verificationStatus === 'entered-in-error') {
    return false;
  }
  return allergy.clinicalStatus === null || allergy.clinicalStatus === 'active';
}

const key = (i: Ingredient): string => i.rxcui ?? i.name;

/** The strongest match of one draft medication against one allergy, or null when they do not meet. */
export function matchAllergy(drug: DraftMedication, allergy: AllergyFact): AllergyMatch | null {
  const allergens = new Set(allergy.ingredients.map(key));
  const shared = drug.ingredients.find((i) => allergens.has(key(i)));
  if (shared) {
    return { kind: 'ingredient', allergy, via: shared.name, note: null };
  }
  const classes = allergyClasses(allergy);
  const sameClass = drug.classes.find((c) => classes.includes(c) && CROSS_REACTIVE_CLASSES.includes(c));
  if (sameClass) {
    return { kind: 'class', allergy, via: sameClass, note: null };
  }
  const cross = CROSS_SENSITIVE_CLASSES.find((x) => classes.includes(x.allergy) && drug.classes.includes(x.ordered));
  return cross
    ? { kind: 'cross-sensitivity', allergy, via: `${cross.allergy} → ${cross.ordered}`, note: cross.note }
    : null;
}
