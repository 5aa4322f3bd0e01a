import { defineFindings } from '../schema.js';

/** Part A findings: cardiorespiratory and general symptoms. (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'snoring',
    label: 'Loud snoring',
    kind: 'symptom',
    synonyms: [
      'snoring',
      'snores',
      'snores loudly',
      'witnessed apnoeas',
      'witnessed apneas',
      'stops breathing at night',
      'loud snoring',
    ],
    snomed: ['72863001'],
    icd10: ['R06.83'],
  },
]);
