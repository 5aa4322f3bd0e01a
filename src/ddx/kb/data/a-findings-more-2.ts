import { defineFindings } from '../schema.js';

/** Part A findings: signs and tests for marrow failure, rare liver disease, occupational lung disease and andrology. (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'arbovirus-test-positive',
    label: 'Chikungunya or Zika PCR/serology positive',
    kind: 'lab',
    synonyms: ['chikungunya positive', 'chikungunya igm positive', 'zika positive', 'arbovirus serology positive'],
  },
]);
