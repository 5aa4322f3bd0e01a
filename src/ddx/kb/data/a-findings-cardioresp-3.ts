import { defineFindings } from '../schema.js';

/** Part A findings: cardiorespiratory and general symptoms. (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'dyspnea',
    label: 'Shortness of breath (dyspnoea)',
    kind: 'symptom',
    synonyms: [
      'shortness of breath',
      'short of breath',
      'sob',
      'dyspnea',
      'dyspnoea',
      'breathlessness',
      'breathless',
      'difficulty breathing',
      'trouble breathing',
      'cannot catch breath',
      'out of breath',
      'air hunger',
      'winded',
      "can't breathe",
      'cannot breathe',
      'struggling to breathe',
      'gasping for breath',
      'puffed',
      'hard to breathe',
      'breathing difficulty',
    ],
    snomed: ['267036007'],
    icd10: ['R06.00'],
  },
]);
