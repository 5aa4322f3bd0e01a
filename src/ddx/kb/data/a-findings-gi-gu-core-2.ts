import { defineFindings } from '../schema.js';

/** Part A findings: abdominal pain patterns, upper GI, hepatobiliary, urinary and scrotal symptoms. (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'scrotal-swelling',
    label: 'Scrotal swelling',
    kind: 'sign',
    synonyms: ['scrotal swelling', 'swollen testicle', 'swollen scrotum', 'testicular swelling', 'enlarged testicle'],
    icd10: ['N50.89'],
  },
]);
