import { defineFindings } from '../schema.js';

/** Part A findings: abdominal pain patterns, upper GI, hepatobiliary, urinary and scrotal symptoms. (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'scrotal-pain-sudden',
    label: 'Sudden severe testicular pain',
    kind: 'symptom',
    synonyms: [
      'sudden testicular pain',
      'sudden onset testicular pain',
      'acute scrotal pain',
      'sudden severe scrotal pain',
      'woke with testicular pain',
      'sudden severe testicular pain',
    ],
    implies: ['scrotal-pain'],
  },
]);
