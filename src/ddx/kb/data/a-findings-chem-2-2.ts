import { defineFindings } from '../schema.js';

/** Part A findings: chemistry, endocrine, urine and microbiology tests. (part 2 of 3) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'sars-cov-2-positive',
    label: 'SARS-CoV-2 test positive',
    kind: 'lab',
    synonyms: [
      'covid positive',
      'covid test positive',
      'tested positive for covid',
      'sars-cov-2 positive',
      'positive covid test',
      'positive lateral flow',
      'covid pcr positive',
    ],
    loinc: ['94500-6'],
    predicate: { op: 'above-range' },
  },
  {
    id: 'monospot-positive',
    label: 'Heterophile antibody (Monospot) or EBV VCA IgM positive',
    kind: 'lab',
    synonyms: [
      'monospot positive',
      'positive monospot',
      'positive heterophile antibody',
      'ebv igm positive',
      'paul bunnell positive',
      'heterophile antibody',
      'monospot',
    ],
  },
  {
    id: 'hiv-test-positive',
    label: 'HIV test positive',
    kind: 'lab',
    synonyms: [
      'hiv positive',
      'positive hiv test',
      'hiv antibody positive',
      'hiv reactive',
      'positive hiv',
      'hiv test positive',
    ],
    loinc: ['56888-1'],
    predicate: { op: 'above-range' },
  },
]);
