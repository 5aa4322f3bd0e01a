import { defineFindings } from '../schema.js';

/** Part A findings: risk factors, past history, medications and exposures. (part 1 of 4) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'alcohol-use-disorder',
    label: 'Heavy alcohol use',
    kind: 'risk-factor',
    synonyms: [
      'alcoholic',
      'alcoholism',
      'alcohol abuse',
      'alcohol dependence',
      'heavy drinker',
      'heavy drinking',
      'drinks heavily',
      'binge drinking',
      'binge drinker',
      'alcohol excess',
      'drinks a bottle of vodka',
      'units of alcohol per week',
      'etoh abuse',
      'heavy alcohol use',
    ],
    snomed: ['7200002'],
    icd10: ['F10.20'],
  },
]);
