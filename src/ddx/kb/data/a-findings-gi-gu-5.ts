import { defineFindings } from '../schema.js';

/** Part A findings: gastrointestinal, hepatobiliary, urinary and genital symptoms. (part 1 of 3) (part 1 of 2) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'abdominal-pain-epigastric',
    label: 'Epigastric pain',
    kind: 'symptom',
    synonyms: [
      'epigastric pain',
      'upper abdominal pain',
      'pain in the upper abdomen',
      'pit of the stomach pain',
      'upper stomach pain',
      'epigastric discomfort',
      'epigastric burning',
      'pain in the epigastrium',
      'epigastric region pain',
      'upper middle abdominal pain',
      'midepigastric pain',
    ],
    implies: ['abdominal-pain'],
    snomed: ['79922009'],
    icd10: ['R10.13'],
  },
]);
