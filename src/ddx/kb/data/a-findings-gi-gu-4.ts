import { defineFindings } from '../schema.js';

/** Part A findings: gastrointestinal, hepatobiliary, urinary and genital symptoms. (part 1 of 3) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'abdominal-pain-lower',
    label: 'Lower abdominal or suprapubic pain',
    kind: 'symptom',
    synonyms: [
      'lower abdominal pain',
      'suprapubic pain',
      'pelvic pain',
      'pain above the pubic bone',
      'lower tummy pain',
      'lower abdominal or suprapubic pain',
    ],
    implies: ['abdominal-pain'],
    icd10: ['R10.30'],
  },
  {
    id: 'abdominal-pain-periumbilical',
    label: 'Periumbilical pain',
    kind: 'symptom',
    synonyms: [
      'periumbilical pain',
      'pain around the belly button',
      'pain around the navel',
      'central abdominal pain',
      'umbilical pain',
    ],
    implies: ['abdominal-pain'],
    icd10: ['R10.33'],
  },
  {
    id: 'abdominal-pain-diffuse',
    label: 'Diffuse abdominal pain',
    kind: 'symptom',
    synonyms: [
      'generalised abdominal pain',
      'generalized abdominal pain',
      'diffuse abdominal pain',
      'pain all over the abdomen',
      'whole abdomen hurts',
    ],
    implies: ['abdominal-pain'],
    icd10: ['R10.84'],
  },
]);
