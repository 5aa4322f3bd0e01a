import { defineFindings } from '../schema.js';

/** Part A findings: gastrointestinal, hepatobiliary, urinary and genital symptoms. (part 2 of 3) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'testicular-lump',
    label: 'Painless testicular lump',
    kind: 'sign',
    synonyms: [
      'testicular lump',
      'lump in testicle',
      'testicular mass',
      'painless testicular mass',
      'painless testicular lump',
    ],
    icd10: ['N50.89'],
  },
  {
    id: 'high-riding-testis',
    label: 'High-riding testis with absent cremasteric reflex',
    kind: 'sign',
    synonyms: [
      'high riding testis',
      'high-riding testicle',
      'absent cremasteric reflex',
      'horizontal lie of testis',
      'bell clapper',
      'high-riding testis with absent cremasteric reflex',
    ],
  },
  {
    id: 'urethral-discharge',
    label: 'Urethral discharge',
    kind: 'symptom',
    synonyms: ['urethral discharge', 'discharge from the penis', 'penile discharge', 'pus from urethra'],
    icd10: ['R36.9'],
  },
]);
