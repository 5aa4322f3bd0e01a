import { defineFindings } from '../schema.js';

/** Part A findings: risk factors, past history, medications and exposures. (part 2 of 4) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'recent-viral-illness',
    label: 'Recent viral illness',
    kind: 'history',
    synonyms: [
      'recent viral illness',
      'viral prodrome',
      'recent viral infection',
      'preceding viral illness',
      'flu-like illness last week',
    ],
  },
  {
    id: 'tall-thin-male',
    label: 'Tall, thin body habitus',
    kind: 'risk-factor',
    synonyms: ['tall and thin', 'tall thin', 'slim build', 'thin build', 'tall slender', 'tall, thin body habitus'],
  },
]);
