import { defineFindings } from '../schema.js';

/** Part A findings: gastrointestinal, hepatobiliary, urinary and genital symptoms. (part 1 of 3) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'abdominal-pain-severe-sudden',
    label: 'Sudden severe abdominal pain',
    kind: 'symptom',
    synonyms: [
      'sudden severe abdominal pain',
      'sudden onset abdominal pain',
      'worst abdominal pain',
      'excruciating abdominal pain',
      'acute severe abdominal pain',
    ],
    implies: ['abdominal-pain'],
  },
]);
