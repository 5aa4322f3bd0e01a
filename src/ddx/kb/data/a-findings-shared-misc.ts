import { defineFindings } from '../schema.js';

/** Part A copies of shared findings used by part A conditions (identical to part B's definitions). */
export const findings = defineFindings([
  {
    id: 'prolactin-elevated',
    label: 'Raised prolactin',
    kind: 'lab',
    synonyms: ['raised prolactin', 'high prolactin', 'hyperprolactinaemia', 'hyperprolactinemia'],
    loinc: ['2842-3'],
    predicate: { op: 'above-range' },
  },
  {
    id: 'trismus',
    label: 'Trismus (difficulty opening the mouth)',
    kind: 'sign',
    synonyms: [
      'trismus',
      'cannot open mouth',
      'difficulty opening mouth',
      'lockjaw',
      'unable to open mouth',
      'unable to open his mouth',
      'unable to open her mouth',
      'cannot open his mouth',
      'limited mouth opening',
      'difficulty opening the mouth',
    ],
  },
]);
