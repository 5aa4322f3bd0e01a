import { defineFindings } from '../schema.js';

/** Part A findings: general, cardiovascular and respiratory symptoms (what the patient reports). (part 1 of 3) (part 1 of 2) (part 2 of 2) */
export const findings = defineFindings([
  {
    id: 'muscle-cramps',
    label: 'Muscle cramps',
    kind: 'symptom',
    synonyms: [
      'cramps',
      'cramping muscles',
      'leg cramps',
      'muscle spasms',
      'carpopedal spasm',
      'tetany',
      'muscle cramps',
    ],
    snomed: ['55300003'],
    icd10: ['R25.2'],
  },
  {
    id: 'muscle-weakness',
    label: 'Muscle weakness',
    kind: 'symptom',
    synonyms: [
      'weak muscles',
      'proximal weakness',
      'muscular weakness',
      'weakness of the legs',
      'limb weakness',
      'weak legs',
      'muscle weakness',
    ],
    snomed: ['26544005'],
    icd10: ['M62.81'],
  },
  {
    id: 'bone-pain',
    label: 'Bone pain',
    kind: 'symptom',
    synonyms: ['bony pain', 'aching bones', 'bone ache', 'ostealgia', 'bone pain'],
    snomed: ['12584003'],
    icd10: ['M89.9'],
  },
]);
