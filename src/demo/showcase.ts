import type { Bundle } from '@medplum/fhirtypes';
import { AFIB_ID, buildAfibPatient } from './showcase-afib.js';
import { BEERS_ID, buildBeersPatient } from './showcase-beers.js';
import { buildChestPainPatient, CHEST_PAIN_ID } from './showcase-chest-pain.js';
import { buildCkdPatient, CKD_ID } from './showcase-ckd.js';
import type { ShowcasePatient } from './showcase-kit.js';
import { buildMeningitisPatient, MENINGITIS_ID } from './showcase-meningitis.js';
import { buildSepsisPatient, SEPSIS_ID } from './showcase-sepsis.js';
import { buildWarfarinPatient, WARFARIN_ID } from './showcase-warfarin.js';

export type { ShowcasePatient } from './showcase-kit.js';

interface ShowcaseEntry extends ShowcasePatient {
  readonly build: (anchor: number) => Bundle;
}

const ENTRIES: readonly ShowcaseEntry[] = [
  {
    id: SEPSIS_ID,
    name: 'Rosa Delgado',
    description:
      'Sepsis of urinary source: fever, tachycardia, tachypnoea, hypotension, low SpO2, confusion (GCS 13-14), lactate 4.3, WBC 19.8; on oxygen and not yet improving at admission.',
    build: buildSepsisPatient,
  },
  {
    id: WARFARIN_ID,
    name: 'Kwame Mensah',
    description: 'Warfarin plus newly started naproxen, past NSAID-related GI bleed, INR rising to 3.8.',
    build: buildWarfarinPatient,
  },
  {
    id: AFIB_ID,
    name: 'Margaret Holloway',
    description:
      '78-year-old woman with atrial fibrillation, hypertension and diabetes (CHA2DS2-VASc 5) and no anticoagulant.',
    build: buildAfibPatient,
  },
  {
    id: CKD_ID,
    name: 'Imran Qureshi',
    description: 'CKD stage 4 (eGFR 22) still on metformin 1000 mg twice daily, creatinine and potassium rising.',
    build: buildCkdPatient,
  },
  {
    id: BEERS_ID,
    name: 'Ingrid Lindqvist',
    description:
      '84-year-old on diphenhydramine, amitriptyline, diazepam, zolpidem, glyburide and a PPI for 5 years (Beers criteria); recent fall.',
    build: buildBeersPatient,
  },
  {
    id: CHEST_PAIN_ID,
    name: 'Wei Zhang',
    description:
      'ED chest pain with ST depression and hs-troponin I 48 -> 182 -> 412 ng/L (above the 99th percentile): NSTEMI.',
    build: buildChestPainPatient,
  },
  {
    id: MENINGITIS_ID,
    name: 'Mateo Navarro',
    description: '6-year-old in the ED with fever, neck stiffness, photophobia and petechial rash; CRP 168, WBC 21.4.',
    build: buildMeningitisPatient,
  },
];

/** The named showcase patients, generated first and in this order. */
export const SHOWCASE_PATIENTS: readonly ShowcasePatient[] = ENTRIES.map(({ id, name, description }) => ({
  id,
  name,
  description,
}));

/** Builds the i-th showcase patient's bundle, or undefined past the end of the list. */
export function buildShowcasePatient(index: number, anchor: number): Bundle | undefined {
  return ENTRIES[index]?.build(anchor);
}
