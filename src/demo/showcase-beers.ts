import type { Bundle } from '@medplum/fhirtypes';
import { addAllergy, addCondition, addImmunization, addMedication, allergyNamed } from './clinical.js';
import { VACCINES } from './catalog.js';
import { itemAt } from './prng.js';
import { DAY, HOUR, noteDate } from './dates.js';
import { ckdEpi2021 } from './lab-model.js';
import { agePhrase } from './notes.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const BEERS_ID = 'showcase-beers-elderly';

/** Ingrid Lindqvist, 84: diphenhydramine, amitriptyline, diazepam, zolpidem, glyburide and a PPI for 5 years; recent fall. */
export function buildBeersPatient(anchor: number): Bundle {
  const b = startShowcase(
    BEERS_ID,
    {
      given: 'Ingrid',
      family: 'Lindqvist',
      sex: 'female',
      ageYears: 84,
      ageExtraDays: 100,
      mrn: '20819934',
      phone: '(617) 555-0171',
      line: '3 Willow Bend Lane',
      city: 'Riverton',
      state: 'MA',
      zip: '02118',
      relative: { relation: 'niece', name: 'Astrid', phone: '(339) 555-0172' },
    },
    { anchor, facility: 0, stream: 5 },
  );
  const pcp = clinicianFor(b, 'Internal Medicine');
  const ed = clinicianFor(b, 'Emergency Medicine');
  const geri = clinicianFor(b, 'Geriatrics');
  const egfr = (scr: number): number => ckdEpi2021(scr, 84, 'female');
  const firstAt = daysBefore(b, 400, 10, 30);
  recordVisit(b, {
    cls: 'AMB',
    start: firstAt,
    end: firstAt + 30 * 60_000,
    clinician: pcp,
    reason: 'Chronic disease follow-up',
    vitals: { temp: 36.5, hr: 70, rr: 16, sys: 138, dia: 76, spo2: 96, weight: 58.4, height: 157 },
    labs: [
      { key: 'creatinine', value: 1.0 },
      { key: 'egfr', value: egfr(1.0) },
      { key: 'sodium', value: 136 },
      { key: 'glucose', value: 118 },
      { key: 'hba1c', value: 6.6 },
    ],
    during: (enc) => {
      addAllergy(b, allergyNamed('sulfamethoxazole'), firstAt);
      const onset = (years: number): number => anchor - years * 365 * DAY;
      const htn = addCondition(b, 'hypertension', { onset: onset(25), encounter: enc });
      const dm = addCondition(b, 'diabetes2', { onset: onset(18), encounter: enc });
      const gerd = addCondition(b, 'gerd', { onset: onset(6), encounter: enc });
      const sleep = addCondition(b, 'insomnia', { onset: onset(9), encounter: enc });
      const anx = addCondition(b, 'anxiety', { onset: onset(20), encounter: enc });
      const neuro = addCondition(b, 'neuropathy', { onset: onset(7), encounter: enc });
      addCondition(b, 'osteoarthritis', { onset: onset(12), encounter: enc });
      addMedication(b, 'lisinopril', { authoredOn: onset(20), clinician: pcp, reason: htn });
      addMedication(b, 'glyburide', { authoredOn: onset(15), clinician: pcp, reason: dm });
      addMedication(b, 'pantoprazole', { authoredOn: onset(5), clinician: pcp, reason: gerd });
      addMedication(b, 'zolpidem', { authoredOn: onset(6), clinician: pcp, reason: sleep });
      addMedication(b, 'diazepam', { authoredOn: onset(15), clinician: pcp, reason: anx });
      addMedication(b, 'amitriptyline', { authoredOn: onset(7), clinician: pcp, reason: neuro });
      addMedication(b, 'diphenhydramine', { authoredOn: firstAt, clinician: pcp, encounter: enc, reason: sleep });
      addMedication(b, 'acetaminophen', { authoredOn: onset(10), clinician: pcp });
    },
    chiefComplaint: 'Trouble sleeping',
    hpi: `${agePhrase(b, firstAt)} widow living alone at 3 Willow Bend Lane. Sleeps 3-4 hours despite zolpidem; asks about "something over the counter". Niece Astrid (339-555-0172) checks on her weekly.`,
    exam: [
      'Gen: frail, pleasant.',
      'Neuro: decreased sensation to the ankles bilaterally.',
      'Gait: slow, uses a cane.',
    ],
    assessment: [
      'Chronic insomnia',
      'Type 2 diabetes, HbA1c 6.6%',
      'Painful neuropathy on amitriptyline',
      'GERD on long-term PPI',
    ],
    plan: ['Add diphenhydramine 50 mg at bedtime', 'Continue other medications'],
  });
  const fallAt = daysBefore(b, 60, 6, 20);
  recordVisit(b, {
    cls: 'EMER',
    start: fallAt,
    end: fallAt + 6 * HOUR,
    clinician: ed,
    reason: 'Fall at home',
    vitals: { temp: 36.4, hr: 64, rr: 16, sys: 108, dia: 62, spo2: 95 },
    labs: [
      { key: 'glucose', value: 58 },
      { key: 'sodium', value: 133 },
      { key: 'creatinine', value: 1.1 },
      { key: 'egfr', value: egfr(1.1) },
      { key: 'hemoglobin', value: 12.2 },
    ],
    procedures: [{ key: 'ecg' }],
    chiefComplaint: 'Found on the floor by niece',
    hpi: `Ms. Lindqvist got up to use the bathroom around 3 am, felt dizzy and fell. Found by her niece Astrid at 6 am on ${noteDate(fallAt, 'long')}. Fingerstick glucose 58. Takes glyburide, zolpidem, diphenhydramine and diazepam at night.`,
    exam: [
      'Confused initially, now oriented.',
      'Bruise over the left hip, full range of motion, X-ray negative for fracture.',
      'Orthostatic drop of 22 mmHg systolic.',
    ],
    assessment: ['Fall with hypoglycemia and orthostasis', 'Polypharmacy with sedatives and anticholinergics'],
    plan: ['Dextrose given, glucose 112 on recheck', 'Geriatrics referral for medication review'],
  });
  const geriAt = daysBefore(b, 10, 14, 0);
  recordVisit(b, {
    cls: 'AMB',
    start: geriAt,
    end: geriAt + 60 * 60_000,
    clinician: geri,
    reason: 'Medication review after fall',
    noteType: 'HP',
    vitals: { temp: 36.6, hr: 68, rr: 16, sys: 132, dia: 74, spo2: 96, weight: 57.1 },
    labs: [
      { key: 'glucose', value: 96 },
      { key: 'hba1c', value: 6.3 },
      { key: 'sodium', value: 135 },
    ],
    during: (enc) => {
      addImmunization(b, itemAt(VACCINES, 3), geriAt + 50 * 60_000, enc);
    },
    chiefComplaint: 'Geriatric assessment',
    hpi: `Referred after the fall on ${noteDate(fallAt, 'us')}. Current list: glyburide, lisinopril, pantoprazole (since ${noteDate(anchor - 5 * 365 * DAY, 'dmy')}), zolpidem 10 mg, diazepam 5 mg twice daily, amitriptyline 25 mg, diphenhydramine 50 mg nightly, acetaminophen. Mild memory complaints, constipation, dry mouth.`,
    exam: ['MoCA 22/30.', 'Timed up-and-go 19 s.'],
    assessment: ['High fall risk', 'Multiple potentially inappropriate medications for an 84-year-old'],
    plan: ['Discuss deprescribing plan with patient and niece', 'Home safety evaluation'],
  });
  return b.toBundle();
}
