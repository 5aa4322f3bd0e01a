import { defineFindings } from '../schema.js';

/** Part A findings: examination signs (cardiorespiratory, abdominal, skin, general). (part 2 of 3) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'goitre',
    label: 'Goitre or thyroid enlargement',
    kind: 'sign',
    synonyms: [
      'goitre',
      'goiter',
      'enlarged thyroid',
      'thyroid swelling',
      'neck swelling',
      'thyroid nodule',
      'diffuse goitre',
      'thyroid lump',
      'goitre or thyroid enlargement',
    ],
    snomed: ['3716002'],
    icd10: ['E04.9'],
  },
  {
    id: 'thyroid-tenderness',
    label: 'Tender thyroid',
    kind: 'sign',
    synonyms: ['tender thyroid', 'painful thyroid', 'neck pain over the thyroid', 'thyroid pain'],
  },
]);
