import { defineFindings } from '../schema.js';

/** Part A findings: examination signs (cardiorespiratory, abdominal, skin, general). (part 1 of 3) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'rlq-tenderness',
    label: 'Right iliac fossa tenderness (McBurney point)',
    kind: 'sign',
    synonyms: [
      "mcburney's point tenderness",
      'mcburney point tenderness',
      'right iliac fossa tenderness',
      'rlq tenderness',
      'tender right lower quadrant',
      'rovsing sign',
      "rovsing's sign",
      'psoas sign',
      'obturator sign',
      'mcburney point',
    ],
    implies: ['abdominal-tenderness'],
    icd10: ['R10.813'],
  },
  {
    id: 'llq-tenderness',
    label: 'Left iliac fossa tenderness',
    kind: 'sign',
    synonyms: ['left iliac fossa tenderness', 'llq tenderness', 'tender left lower quadrant'],
    implies: ['abdominal-tenderness'],
    icd10: ['R10.814'],
  },
]);
