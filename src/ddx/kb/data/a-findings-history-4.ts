import { defineFindings } from '../schema.js';

/** Part A findings: risk factors, past history, medications and exposures. (part 4 of 4) */
export const findings = defineFindings([
  {
    id: 'cold-exposure',
    label: 'Cold exposure or immersion',
    kind: 'history',
    synonyms: [
      'found outside in the cold',
      'cold exposure',
      'immersion in cold water',
      'found on floor overnight',
      'exposure to cold',
      'homeless in winter',
      'fell into cold water',
      'cold exposure or immersion',
    ],
  },
  {
    id: 'allergen-exposure',
    label: 'Exposure to a known allergen (food, sting, drug)',
    kind: 'history',
    synonyms: [
      'bee sting',
      'wasp sting',
      'ate peanuts',
      'peanut',
      'shellfish',
      'new antibiotic',
      'penicillin',
      'after eating nuts',
      'contrast dye',
      'known allergy',
      'insect sting',
      'new medication',
      'exposure to a known allergen',
    ],
  },
  {
    id: 'ace-inhibitor-use',
    label: 'ACE inhibitor use',
    kind: 'history',
    synonyms: ['ace inhibitor', 'lisinopril', 'ramipril', 'enalapril', 'perindopril', 'ace inhibitor use'],
  },
  {
    id: 'crush-or-immobile-long-lie',
    label: 'Long lie, crush injury or extreme exertion',
    kind: 'history',
    synonyms: [
      'long lie',
      'found on the floor',
      'crush injury',
      'prolonged immobilisation on floor',
      'extreme exercise',
      'marathon runner',
      'crossfit',
      'spin class',
      'statin and muscle pain',
      'long lie, crush injury or extreme exertion',
    ],
  },
  {
    id: 'statin-use',
    label: 'Statin use',
    kind: 'history',
    synonyms: ['statin', 'atorvastatin', 'simvastatin', 'rosuvastatin', 'on a statin', 'statin use'],
  },
]);
