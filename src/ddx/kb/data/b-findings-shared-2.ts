import { defineFindings } from '../schema.js';

/**
 * Part B copies of general findings that part B conditions link to and that other files also define (the loader merges
 * them by id), so that part B stays self-contained: labels, kinds, codes and value predicates only.
 */
export const findings = defineFindings([
  {
    id: 'troponin-elevated',
    label: 'Troponin above the 99th percentile',
    kind: 'lab',
    loinc: ['6598-7', '10839-9', '89579-7', '67151-1'],
    predicate: { op: 'above-range' },
  },
  { id: 'urethral-discharge', label: 'Urethral discharge', kind: 'symptom', icd10: ['R36.9'] },
  { id: 'urinary-frequency', label: 'Urinary frequency', kind: 'symptom', snomed: ['162116003'], icd10: ['R35.0'] },
  {
    id: 'urinary-retention',
    label: 'Inability to pass urine (retention)',
    kind: 'sign',
    snomed: ['267064002'],
    icd10: ['R33.9'],
  },
  { id: 'urinary-urgency', label: 'Urinary urgency', kind: 'symptom', snomed: ['75088002'], icd10: ['R39.15'] },
  { id: 'vaginal-discharge', label: 'Vaginal discharge', kind: 'symptom', snomed: ['271939006'], icd10: ['N89.8'] },
  { id: 'vomiting', label: 'Vomiting', kind: 'symptom', snomed: ['422400008'], icd10: ['R11.10'] },
  {
    id: 'vomiting-bilious',
    label: 'Bilious or feculent vomiting',
    kind: 'symptom',
    icd10: ['R11.14'],
    implies: ['vomiting'],
  },
  { id: 'weight-gain', label: 'Weight gain', kind: 'symptom', icd10: ['R63.5'] },
  { id: 'weight-loss', label: 'Unintentional weight loss', kind: 'symptom', snomed: ['89362005'], icd10: ['R63.4'] },
  { id: 'wheeze', label: 'Wheeze', kind: 'sign', snomed: ['56018004'], icd10: ['R06.2'] },
  { id: 'skin-necrosis-crepitus', label: 'Skin necrosis, bullae or crepitus', kind: 'sign', synonyms: ['subcutaneous crepitus', 'crepitus under the skin', 'gas in the tissues', 'skin necrosis', 'dusky necrotic skin', 'haemorrhagic bullae'] },
]);
