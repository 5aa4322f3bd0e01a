import { defineFindings } from '../schema.js';

/** Part A findings: vital-sign predicates and core blood tests (haematology, inflammation, cardiac, coagulation). (part 1 of 2) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'mcv-high',
    label: 'Macrocytosis (MCV > 100 fL)',
    kind: 'lab',
    synonyms: [
      'macrocytosis',
      'macrocytic',
      'high mcv',
      'raised mcv',
      'macrocytic anemia',
      'macrocytic anaemia',
      'megaloblastic',
    ],
    loinc: ['787-2'],
    predicate: { op: '>', value: 100, unit: 'fL' },
  },
]);
