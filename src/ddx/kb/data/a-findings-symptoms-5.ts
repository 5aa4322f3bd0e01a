import { defineFindings } from '../schema.js';

/** Part A findings: general, cardiovascular and respiratory symptoms (what the patient reports). (part 1 of 3) (part 1 of 2) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'perioral-tingling',
    label: 'Perioral tingling',
    kind: 'symptom',
    synonyms: [
      'tingling around the mouth',
      'circumoral numbness',
      'perioral numbness',
      'perioral paresthesia',
      'perioral tingling',
    ],
    implies: ['paresthesia'],
  },
]);
