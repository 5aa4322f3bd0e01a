import { defineFindings } from '../schema.js';

/** Part A findings: general, cardiovascular and respiratory symptoms (what the patient reports). (part 2 of 3) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'dyspnea-sudden',
    label: 'Sudden-onset dyspnoea',
    kind: 'symptom',
    synonyms: [
      'sudden shortness of breath',
      'sudden breathlessness',
      'acute shortness of breath',
      'sudden onset dyspnea',
      'sudden onset dyspnoea',
      'acutely short of breath',
      'sudden-onset dyspnoea',
      'sudden onset shortness of breath',
      'suddenly became short of breath',
      'sudden onset of breathlessness',
    ],
    implies: ['dyspnea'],
  },
  {
    id: 'cough',
    label: 'Cough',
    kind: 'symptom',
    synonyms: ['coughing', 'coughs', 'tussis', 'cough'],
    snomed: ['49727002'],
    icd10: ['R05.9'],
  },
]);
