import { defineFindings } from '../schema.js';

/** Part A findings: risk factors, past history, medications and exposures. (part 1 of 4) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  // GI and liver risk
  {
    id: 'nsaid-use',
    label: 'NSAID or aspirin use',
    kind: 'history',
    synonyms: [
      'nsaids',
      'nsaid use',
      'ibuprofen',
      'naproxen',
      'diclofenac',
      'aspirin',
      'anti-inflammatories',
      'anti-inflammatory tablets',
      'nsaid or aspirin use',
    ],
    icd10: ['Z79.1'],
  },
]);
