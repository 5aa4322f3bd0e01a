import { defineFindings } from '../schema.js';

/** Part A findings: further past-history items (known thyroid disease). */
export const findings = defineFindings([
  {
    id: 'hyperthyroidism-history',
    label: "Known hyperthyroidism or Graves' disease",
    kind: 'history',
    synonyms: [
      'known graves disease',
      "graves' disease",
      'graves disease',
      'known hyperthyroidism',
      'history of hyperthyroidism',
      'overactive thyroid',
      'on carbimazole',
      'carbimazole',
      'methimazole',
      'propylthiouracil',
      'toxic goitre',
      "known hyperthyroidism or graves' disease",
    ],
    icd10: ['E05.90'],
  },
  {
    id: 'hypothyroidism-history',
    label: 'Known hypothyroidism (on levothyroxine)',
    kind: 'history',
    synonyms: [
      'known hypothyroidism',
      'history of hypothyroidism',
      'underactive thyroid',
      'on levothyroxine',
      'levothyroxine',
      'thyroxine replacement',
      "hashimoto's",
      'hashimoto thyroiditis',
    ],
    icd10: ['E03.9'],
  },
]);
