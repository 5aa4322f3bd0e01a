import type { CodeableConcept, Medication } from '@medplum/fhirtypes';
import type { DrugClass, IngredientEntry } from './knowledge/rxnorm-ingredients.js';
import { RXNORM_INGREDIENTS } from './knowledge/rxnorm-ingredients.js';
import { RXNORM_CLINICAL_DRUGS } from './knowledge/rxnorm-clinical-drugs.js';
import type { Ingredient, IngredientSource } from './fact-schema.js';
import { SYSTEMS } from './fhir-helpers.js';

interface NameCandidate {
  tokens: string[];
  entry: IngredientEntry;
}

const byRxcui = new Map<string, IngredientEntry>(RXNORM_INGREDIENTS.map((e) => [e.rxcui, e]));
const drugsByRxcui = new Map(RXNORM_CLINICAL_DRUGS.map((d) => [d.rxcui, d]));
const nameIndex = buildNameIndex();

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

// First token -> candidate names (longest first), so a display is scanned in one linear pass.
function buildNameIndex(): Map<string, NameCandidate[]> {
  const index = new Map<string, NameCandidate[]>();
  for (const entry of RXNORM_INGREDIENTS) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const tokens = tokenize(name);
      const first = tokens[0];
      if (first === undefined) {
        continue;
      }
      const list = index.get(first) ?? [];
      list.push({ tokens, entry });
      index.set(first, list);
    }
  }
  for (const list of index.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length);
  }
  return index;
}

function toIngredient(entry: IngredientEntry, resolvedBy: IngredientSource): Ingredient {
  return { rxcui: entry.rxcui, name: entry.name, classes: [...entry.classes], resolvedBy };
}

/** Looks up an RxNorm ingredient by RxCUI in our ingredient table. */
export function ingredientByRxcui(rxcui: string): IngredientEntry | undefined {
  return byRxcui.get(rxcui);
}

/** Finds the ingredients named in a drug display ("Warfarin Sodium 5 MG Oral Tablet" -> warfarin). */
export function ingredientsFromText(text: string): IngredientEntry[] {
  const tokens = tokenize(text);
  const found: IngredientEntry[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = nameIndex.get(tokens[i] ?? '');
    const match = candidates?.find((c) => c.tokens.every((t, k) => tokens[i + k] === t));
    if (match) {
      if (!found.includes(match.entry)) {
        found.push(match.entry);
      }
      i += match.tokens.length;
    } else {
      i += 1;
    }
  }
  return found;
}

function rxnormCodes(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).filter((c) => c.system === SYSTEMS.rxnorm && c.code).map((c) => c.code ?? '');
}

function fromCodes(concept: CodeableConcept | undefined, resolvedBy?: IngredientSource): Ingredient[] {
  const out: Ingredient[] = [];
  for (const code of rxnormCodes(concept)) {
    const ingredient = byRxcui.get(code);
    if (ingredient) {
      out.push(toIngredient(ingredient, resolvedBy ?? 'ingredient-code'));
      continue;
    }
    for (const rxcui of drugsByRxcui.get(code)?.ingredients ?? []) {
      const entry = byRxcui.get(rxcui);
      if (entry) {
        out.push(toIngredient(entry, resolvedBy ?? 'clinical-drug-table'));
      }
    }
  }
  return out;
}

function fromText(concept: CodeableConcept | undefined, resolvedBy: IngredientSource): Ingredient[] {
  const texts = [concept?.text, ...(concept?.coding ?? []).map((c) => c.display)];
  for (const text of texts) {
    const found = text ? ingredientsFromText(text) : [];
    if (found.length > 0) {
      return found.map((e) => toIngredient(e, resolvedBy));
    }
  }
  return [];
}

function fromMedication(medication: Medication): Ingredient[] {
  const out: Ingredient[] = [];
  for (const item of medication.ingredient ?? []) {
    const concept = item.itemCodeableConcept;
    if (!concept) {
      continue;
    }
    const resolved = fromCodes(concept, 'medication-resource');
    const named = resolved.length > 0 ? resolved : fromText(concept, 'medication-resource');
    if (named.length > 0) {
      out.push(...named);
    } else {
      const rxcui = rxnormCodes(concept)[0] ?? null;
      const name = concept.text ?? concept.coding?.find((c) => c.display)?.display ?? rxcui;
      if (name) {
        out.push({ rxcui, name: name.toLowerCase(), classes: [], resolvedBy: 'medication-resource' });
      }
    }
  }
  return out;
}

function dedupe(ingredients: Ingredient[]): Ingredient[] {
  const seen = new Set<string>();
  return ingredients.filter((i) => {
    const key = i.rxcui ?? i.name;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * Resolves a drug to RxNorm ingredients: (1) the Medication resource's ingredients, (2) an ingredient RxCUI or a
 * known clinical drug RxCUI, (3) ingredient names in the display text. The first step that finds any wins.
 */
export function resolveIngredients(concept: CodeableConcept | undefined, medication?: Medication): Ingredient[] {
  const steps: (() => Ingredient[])[] = [
    () => (medication ? fromMedication(medication) : []),
    () => fromCodes(concept),
    () => fromText(concept, 'display-text'),
  ];
  for (const step of steps) {
    const found = step();
    if (found.length > 0) {
      return dedupe(found);
    }
  }
  return [];
}

/** The sorted union of the ingredients' classes. */
export function classesOf(ingredients: readonly Ingredient[]): DrugClass[] {
  const set = new Set<DrugClass>();
  for (const ingredient of ingredients) {
    for (const c of ingredient.classes) {
      set.add(c);
    }
  }
  return [...set].sort();
}
