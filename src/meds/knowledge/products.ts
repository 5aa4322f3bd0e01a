// A few drug products whose route and strength our rules need when only a product RxCUI is given
// (e.g. `vitalis meds check --order rxnorm:855633`). RxNorm, NLM, public domain; checked against the
// RxNorm Current Prescribable Content 2025-10-06. Other products resolve through the patient context's table.
import type { ProductEntry } from './schema.js';

/** Products with route and strength. */
export const PRODUCTS: readonly ProductEntry[] = [
  { rxcui: '855633', name: 'diclofenac sodium 1 % Topical Gel', ingredients: ['3355'], route: 'topical' },
  { rxcui: '855642', name: 'diclofenac sodium 3 % Topical Gel', ingredients: ['3355'], route: 'topical' },
  { rxcui: '857700', name: 'diclofenac sodium 15 MG/ML Topical Solution', ingredients: ['3355'], route: 'topical' },
  { rxcui: '197805', name: 'ibuprofen 400 MG Oral Tablet', ingredients: ['5640'], route: 'oral', strengthMg: 400 },
  { rxcui: '197806', name: 'ibuprofen 600 MG Oral Tablet', ingredients: ['5640'], route: 'oral', strengthMg: 600 },
  { rxcui: '198211', name: 'simvastatin 40 MG Oral Tablet', ingredients: ['36567'], route: 'oral', strengthMg: 40 },
  {
    rxcui: '197517',
    name: 'clarithromycin 500 MG Oral Tablet',
    ingredients: ['21212'],
    route: 'oral',
    strengthMg: 500,
  },
  { rxcui: '312347', name: 'phenelzine 15 MG Oral Tablet', ingredients: ['8123'], route: 'oral', strengthMg: 15 },
  { rxcui: '312941', name: 'sertraline 50 MG Oral Tablet', ingredients: ['36437'], route: 'oral', strengthMg: 50 },
  {
    rxcui: '861007',
    name: 'metformin hydrochloride 500 MG Oral Tablet',
    ingredients: ['6809'],
    route: 'oral',
    strengthMg: 500,
  },
];
