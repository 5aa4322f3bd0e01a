// Medication-safety classes used by our rules in addition to the patient context's therapeutic classes
// (src/patient/knowledge/rxnorm-ingredients.ts). Membership is in ./drugs.ts. Our own grouping.

/** Classes of our medication-safety knowledge (pharmacological or interaction-relevant groups). */
export const MEDS_CLASSES = [
  'maoi',
  'sympathomimetic-stimulant',
  'serotonergic-antidepressant',
  'serotonergic-opioid',
  'strong-cyp3a4-inhibitor',
  'moderate-cyp3a4-inhibitor',
  'strong-cyp3a4-inducer',
  'cyp1a2-inhibitor',
  'protease-inhibitor',
  'ergot-alkaloid',
  'thiopurine',
  'qt-known-risk',
  'salicylate',
  'niacin',
  'calcium-salt',
  'antacid',
  'zinc-salt',
  'imidazole-antifungal',
  'dihydropyridine',
  'calcineurin-mtor-inhibitor',
  'vitamin-e',
  'anticholinesterase',
  'oral-anticoagulant',
  'aldosterone-antagonist',
  'quinolone',
  'oral-corticosteroid',
  'muscle-relaxant',
  'first-generation-antihistamine',
  'long-acting-sulfonylurea',
  'vitamin-b12',
  'folate',
  'potassium-raising',
] as const;

/** A medication-safety class. */
export type MedsClass = (typeof MEDS_CLASSES)[number];
