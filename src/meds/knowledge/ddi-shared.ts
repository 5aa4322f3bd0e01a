// Selectors and suggestions shared by several interaction rule files.
import type { ActionSpec, Selector } from './schema.js';

export const INR: ActionSpec = { kind: 'order-lab', label: 'Order an INR in 3-5 days', loinc: '6301-6', name: 'INR' };
export const K: ActionSpec = {
  kind: 'order-lab',
  label: 'Order potassium and creatinine',
  loinc: '2823-3',
  name: 'Potassium',
};
export const DIGOXIN_LEVEL: ActionSpec = {
  kind: 'order-lab',
  label: 'Order a digoxin level',
  loinc: '10535-3',
  name: 'Digoxin [Mass/volume] in Serum or Plasma',
};
export const ACETAMINOPHEN: ActionSpec = {
  kind: 'replace',
  label: 'Use acetaminophen instead',
  rxcui: '161',
  name: 'acetaminophen',
};
export const WARFARIN: Selector = { label: 'warfarin', ingredients: ['11289'] };
export const NSAID: Selector = { label: 'NSAID', classes: ['nsaid'], exclude: ['1191'] };
export const RAAS: Selector = {
  label: 'ACE inhibitor or ARB',
  classes: ['ace-inhibitor', 'arb'],
  ingredients: ['325646'],
};
