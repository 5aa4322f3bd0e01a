import type { DrugClass } from '../../patient/index.js';

// Drug-allergy class knowledge, in our own words. References:
// - Khan DA, Banerji A, Blumenthal KG, et al. Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol
//   2022;150(6):1333-1393 (https://doi.org/10.1016/j.jaci.2022.08.028): penicillin class cross-reactivity, low
//   penicillin-cephalosporin cross-reactivity driven by side chains, sulfonamide antibiotics, NSAID cross-reactivity,
//   opioid reactions. ACE-inhibitor angioedema is treated as a class effect (product labelling of the class).
// These are screening rules for a warning, not a diagnosis: the clinician decides, and overrides are recorded.

/** Classes within which a documented allergy to one member makes the others risky (same class, same card). */
export const CROSS_REACTIVE_CLASSES: readonly DrugClass[] = [
  'penicillin',
  'cephalosporin',
  'sulfonamide',
  'nsaid',
  'ace-inhibitor',
  'fluoroquinolone',
  'macrolide',
  'tetracycline',
  'opioid',
];

/** Class pairs with a small but real cross-sensitivity (allergy class -> ordered class), with the reason shown. */
export const CROSS_SENSITIVE_CLASSES: readonly { allergy: DrugClass; ordered: DrugClass; note: string }[] = [
  {
    allergy: 'penicillin',
    ordered: 'cephalosporin',
    note: 'Cross-reactivity between penicillins and cephalosporins is low (about 1–2%) and depends on side-chain similarity.',
  },
  {
    allergy: 'cephalosporin',
    ordered: 'penicillin',
    note: 'Cross-reactivity between cephalosporins and penicillins is low and depends on side-chain similarity.',
  },
];

/** Allergen names that denote a whole class ("Allergy to penicillin", "Sulfa drugs", "NSAIDs"). */
export const CLASS_ALLERGEN_TERMS: readonly { pattern: RegExp; drugClass: DrugClass }[] = [
  { pattern: /\bpenicillins?\b/i, drugClass: 'penicillin' },
  { pattern: /\bcephalosporins?\b/i, drugClass: 'cephalosporin' },
  { pattern: /\b(sulfonamides?|sulpha|sulfa)\b/i, drugClass: 'sulfonamide' },
  { pattern: /\b(nsaids?|non-?steroidal anti-?inflammatory)/i, drugClass: 'nsaid' },
  { pattern: /\b(ace inhibitors?|angiotensin[- ]converting enzyme inhibitors?)\b/i, drugClass: 'ace-inhibitor' },
  { pattern: /\b(fluoro)?quinolones?\b/i, drugClass: 'fluoroquinolone' },
  { pattern: /\bmacrolides?\b/i, drugClass: 'macrolide' },
  { pattern: /\btetracyclines\b/i, drugClass: 'tetracycline' },
  { pattern: /\b(opioids?|opiates?)\b/i, drugClass: 'opioid' },
];

/** SNOMED CT allergy findings that name a class: 91936005 |Allergy to penicillin (finding)|. */
export const CLASS_ALLERGEN_CODES: ReadonlyMap<string, DrugClass> = new Map([['91936005', 'penicillin']]);
