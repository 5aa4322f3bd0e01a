import { defineFindings } from '../schema.js';

/** Part A copies of shared findings (demographics, neurology, psychiatry) that part A conditions reference; kept identical to part B's definitions so the loader merges them. (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'sudden-onset',
    label: 'Sudden onset of symptoms',
    kind: 'history',
    synonyms: [
      'sudden onset',
      'came on suddenly',
      'abrupt onset',
      'started suddenly',
      'acute onset',
      'sudden onset of symptoms',
    ],
  },
  {
    id: 'suicidal-ideation',
    label: 'Suicidal thoughts',
    kind: 'symptom',
    synonyms: [
      'suicidal thoughts',
      'suicidal ideation',
      'wants to die',
      'thoughts of ending life',
      'thinking of killing herself',
      'thinking of killing himself',
      'suicidal',
      'wishes to be dead',
      'plans to end life',
    ],
    snomed: ['6471006'],
    icd10: ['R45.851'],
  },
  {
    id: 'symptoms-over-six-months',
    label: 'Symptoms for at least six months',
    kind: 'history',
    synonyms: [
      'for six months',
      'for over six months',
      'for years',
      'most of her life',
      'most of his life',
      'symptoms for at least six months',
    ],
  },
]);
