// Medication groups the scores read, by our drug classes (src/patient/knowledge/rxnorm-ingredients.ts) and by
// RxNorm ingredient name. References name the score item each group serves.
import type { MedicationSet } from './schema.js';

/** Every medication set, keyed by id. */
export const MEDICATION_SETS = {
  anticoagulant: {
    id: 'anticoagulant',
    label: 'Oral or parenteral anticoagulant',
    classes: ['anticoagulant', 'doac', 'vitamin-k-antagonist', 'low-molecular-weight-heparin'],
    ingredients: [
      'warfarin',
      'apixaban',
      'rivaroxaban',
      'dabigatran',
      'edoxaban',
      'heparin',
      'enoxaparin',
      'fondaparinux',
    ],
    systemicOnly: true,
    reference:
      'Hindricks G et al. 2020 ESC Guidelines for atrial fibrillation. Eur Heart J 2021;42:373-498 (oral anticoagulation)',
  },
  vitaminKAntagonist: {
    id: 'vitamin-k-antagonist',
    label: 'Vitamin K antagonist',
    classes: ['vitamin-k-antagonist'],
    ingredients: ['warfarin', 'acenocoumarol', 'phenprocoumon'],
    systemicOnly: true,
    reference: 'Pisters R et al. Chest 2010;138(5):1093-1100 (HAS-BLED "L": labile INR on a vitamin K antagonist)',
  },
  bleedingDrugs: {
    id: 'bleeding-drugs',
    label: 'Drugs predisposing to bleeding (antiplatelets, NSAIDs)',
    classes: ['antiplatelet', 'p2y12-inhibitor', 'nsaid', 'cox2-inhibitor'],
    ingredients: ['aspirin', 'clopidogrel', 'prasugrel', 'ticagrelor', 'ibuprofen', 'naproxen', 'diclofenac'],
    systemicOnly: true,
    reference: 'Pisters R et al. Chest 2010;138(5):1093-1100 (HAS-BLED "D": antiplatelet agents, NSAIDs)',
  },
  vasopressor: {
    id: 'vasopressor',
    label: 'Vasopressor or inotrope (dopamine, dobutamine, adrenaline, noradrenaline)',
    classes: ['vasopressor'],
    ingredients: ['dopamine', 'dobutamine', 'epinephrine', 'norepinephrine', 'vasopressin', 'phenylephrine'],
    systemicOnly: true,
    reference: 'Vincent JL et al. Intensive Care Med 1996;22:707-710 (SOFA cardiovascular)',
  },
  oxygen: {
    id: 'oxygen',
    label: 'Supplemental oxygen',
    classes: [],
    ingredients: ['oxygen'],
    systemicOnly: false,
    reference: 'Royal College of Physicians. National Early Warning Score (NEWS) 2. London: RCP, 2017 (air or oxygen)',
  },
} as const satisfies Record<string, MedicationSet>;
