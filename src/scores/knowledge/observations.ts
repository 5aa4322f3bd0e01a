// Laboratory inputs of the scores: LOINC codes (https://loinc.org) and the unit each score works in. The patient
// context already converts these to the canonical unit of src/patient/knowledge/loinc-units.ts.
import type { ObservationSet } from './schema.js';

const LOINC = 'LOINC (Regenstrief Institute), https://loinc.org';

/** Every observation set, keyed by id. */
export const OBSERVATION_SETS = {
  creatinine: {
    id: 'creatinine',
    label: 'Serum creatinine',
    loinc: ['2160-0', '38483-4', '14682-9'],
    unit: 'mg/dL',
    reference: LOINC,
  },
  bilirubin: {
    id: 'bilirubin',
    label: 'Total bilirubin',
    loinc: ['1975-2', '42719-5'],
    unit: 'mg/dL',
    reference: LOINC,
  },
  inr: { id: 'inr', label: 'INR', loinc: ['6301-6', '34714-6', '46418-0'], unit: '{INR}', reference: LOINC },
  sodium: { id: 'sodium', label: 'Serum sodium', loinc: ['2951-2', '2947-0'], unit: 'mmol/L', reference: LOINC },
  albumin: { id: 'albumin', label: 'Serum albumin', loinc: ['1751-7'], unit: 'g/dL', reference: LOINC },
  platelets: { id: 'platelets', label: 'Platelets', loinc: ['777-3', '26515-7'], unit: '10*3/uL', reference: LOINC },
  bun: { id: 'bun', label: 'Urea nitrogen (BUN)', loinc: ['3094-0', '6299-2'], unit: 'mg/dL', reference: LOINC },
  urea: { id: 'urea', label: 'Urea (molar)', loinc: ['22664-7', '59570-2'], unit: 'mmol/L', reference: LOINC },
  pao2: { id: 'pao2', label: 'Arterial PaO2', loinc: ['2703-7'], unit: 'mm[Hg]', reference: LOINC },
  hemoglobin: { id: 'hemoglobin', label: 'Haemoglobin', loinc: ['718-7'], unit: 'g/dL', reference: LOINC },
  ast: { id: 'ast', label: 'AST', loinc: ['1920-8'], unit: 'U/L', reference: LOINC },
  alt: { id: 'alt', label: 'ALT', loinc: ['1742-6'], unit: 'U/L', reference: LOINC },
  urineAcr: {
    id: 'urine-acr',
    label: 'Urine albumin/creatinine ratio',
    loinc: ['14959-1', '9318-7'],
    unit: 'mg/g',
    reference: LOINC,
  },
  alp: { id: 'alp', label: 'Alkaline phosphatase', loinc: ['6768-6'], unit: 'U/L', reference: LOINC },
} as const satisfies Record<string, ObservationSet>;
