import { defineFindings } from '../schema.js';

/** Part A findings: vital-sign predicates and core blood tests (haematology, inflammation, cardiac, coagulation). (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'platelets-low',
    label: 'Thrombocytopenia (platelets < 150 ×10⁹/L)',
    kind: 'lab',
    synonyms: ['thrombocytopenia', 'thrombocytopaenia', 'low platelets', 'low platelet count', 'platelets low'],
    snomed: ['302215000'],
    icd10: ['D69.6'],
    loinc: ['777-3', '26515-7'],
    predicate: { op: '<', value: 150, unit: '10*3/uL' },
  },
]);
