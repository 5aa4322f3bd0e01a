import { defineFindings } from '../schema.js';

/** Part A findings: additional signs and tests for valve, hepatic, renal, haematological and pituitary conditions. (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'ct-pancreatic-calcification',
    label: 'CT: pancreatic calcification or duct dilatation',
    kind: 'imaging',
    synonyms: [
      'pancreatic calcification',
      'calcified pancreas',
      'dilated pancreatic duct',
      'chronic pancreatitis on ct',
      'atrophic pancreas',
    ],
  },
  {
    id: 'early-satiety-vomiting-undigested',
    label: 'Early satiety with vomiting of undigested food',
    kind: 'symptom',
    synonyms: [
      'vomiting undigested food',
      'vomiting food eaten hours ago',
      'early satiety and vomiting',
      'delayed gastric emptying',
      'early satiety with vomiting of undigested food',
    ],
    implies: ['vomiting'],
  },
  {
    id: 'gastric-emptying-delayed',
    label: 'Delayed gastric emptying on scintigraphy',
    kind: 'imaging',
    synonyms: [
      'delayed gastric emptying study',
      'gastric emptying scan delayed',
      'gastroparesis on scintigraphy',
      'delayed gastric emptying on scintigraphy',
    ],
  },
]);
