import { defineFindings } from '../schema.js';

/** Part A findings: examination signs (cardiorespiratory, abdominal, skin, general). (part 1 of 3) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  // Abdominal examination
  {
    id: 'abdominal-tenderness',
    label: 'Abdominal tenderness',
    kind: 'sign',
    synonyms: ['abdominal tenderness', 'tender abdomen', 'tenderness on palpation', 'abdomen tender'],
    snomed: ['43478001'],
    icd10: ['R10.819'],
  },
]);
