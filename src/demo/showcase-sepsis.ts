import type { Bundle } from '@medplum/fhirtypes';
import { addNoKnownAllergies, addCondition, addImmunization, addMedication } from './clinical.js';
import { VACCINES } from './catalog.js';
import { itemAt } from './prng.js';
import { DAY, HOUR } from './dates.js';
import { ckdEpi2021 } from './lab-model.js';
import { agePhrase } from './notes.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const SEPSIS_ID = 'showcase-sepsis';

/** Rosa Delgado, 71: urosepsis with fever, tachycardia, tachypnoea, hypotension, hypoxaemia, raised lactate and WBC. */
export function buildSepsisPatient(anchor: number): Bundle {
  const b = startShowcase(
    SEPSIS_ID,
    {
      given: 'Rosa',
      family: 'Delgado',
      sex: 'female',
      ageYears: 71,
      ageExtraDays: 143,
      mrn: '20418833',
      phone: '(617) 555-0134',
      email: 'rosa.delgado51@example.com',
      line: '47 Orchard Street Apt 3',
      city: 'Riverton',
      state: 'MA',
      zip: '02114',
      relative: { relation: 'daughter', name: 'Carmen', phone: '(617) 555-0187' },
    },
    { anchor, facility: 0, stream: 1 },
  );
  const pcp = clinicianFor(b, 'Internal Medicine');
  const ed = clinicianFor(b, 'Emergency Medicine');
  const icu = clinicianFor(b, 'Critical Care');
  const egfr = (scr: number): number => ckdEpi2021(scr, 71, 'female');
  const baseline = daysBefore(b, 240, 10, 15);
  recordVisit(b, {
    cls: 'AMB',
    start: baseline,
    end: baseline + 30 * 60_000,
    clinician: pcp,
    reason: 'Diabetes and blood pressure follow-up',
    vitals: { temp: 36.7, hr: 78, rr: 14, sys: 132, dia: 78, spo2: 97, weight: 68.2, height: 158 },
    labs: [
      { key: 'creatinine', value: 0.9 },
      { key: 'egfr', value: egfr(0.9) },
      { key: 'potassium', value: 4.4 },
      { key: 'sodium', value: 139 },
      { key: 'glucose', value: 152 },
      { key: 'hba1c', value: 7.6 },
      { key: 'wbc', value: 6.8 },
      { key: 'hemoglobin', value: 13.1 },
      { key: 'platelets', value: 241 },
    ],
    during: (enc) => {
      addNoKnownAllergies(b, baseline);
      const dm = addCondition(b, 'diabetes2', { onset: anchor - 9 * 365 * DAY, encounter: enc });
      const htn = addCondition(b, 'hypertension', { onset: anchor - 12 * 365 * DAY, encounter: enc });
      addMedication(b, 'metformin', { authoredOn: baseline, clinician: pcp, encounter: enc, reason: dm });
      addMedication(b, 'lisinopril', { authoredOn: baseline, clinician: pcp, encounter: enc, reason: htn });
      addImmunization(b, itemAt(VACCINES, 0), baseline + HOUR, enc);
    },
    chiefComplaint: 'Routine follow-up',
    hpi: `${agePhrase(b, baseline)} with type 2 diabetes and hypertension, doing well. Lives with her daughter Carmen on Orchard Street. Checks sugars twice a week, fasting 130-160.`,
    exam: ['Gen: well-appearing.', 'CV: RRR.', 'Lungs: clear.', 'Feet: monofilament intact bilaterally.'],
    assessment: ['Type 2 diabetes, HbA1c 7.6%, near goal', 'Hypertension, controlled'],
    plan: ['Continue metformin and lisinopril', 'Flu shot given today', 'Return in 6 months'],
  });
  const edStart = daysBefore(b, 1, 22, 10);
  recordVisit(b, {
    cls: 'EMER',
    start: edStart,
    end: edStart + 5 * HOUR,
    clinician: ed,
    reason: 'Fever, rigors and confusion',
    reasonCode: 'sepsis',
    vitals: { temp: 39.4, hr: 126, rr: 28, sys: 84, dia: 50, spo2: 90, weight: 67.5, gcs: 13, fio2: 21 },
    vitalSeries: [
      {
        at: edStart + 90 * 60_000,
        vitals: { temp: 38.9, hr: 118, rr: 26, sys: 92, dia: 56, spo2: 93, gcs: 14, fio2: 28 },
      },
      {
        at: edStart + 200 * 60_000,
        vitals: { temp: 38.4, hr: 110, rr: 24, sys: 98, dia: 60, spo2: 95, gcs: 14, fio2: 28 },
      },
    ],
    labs: [
      { key: 'lactate', value: 4.3 },
      { key: 'wbc', value: 19.8 },
      { key: 'crp', value: 196 },
      { key: 'procalcitonin', value: 7.4 },
      { key: 'creatinine', value: 1.9 },
      { key: 'egfr', value: egfr(1.9) },
      { key: 'sodium', value: 134 },
      { key: 'potassium', value: 4.9 },
      { key: 'glucose', value: 248 },
      { key: 'hemoglobin', value: 12.1 },
      { key: 'platelets', value: 131 },
      { key: 'bilirubin', value: 1.5 },
      { key: 'lactate', value: 3.1, at: edStart + 200 * 60_000 },
    ],
    procedures: [
      { key: 'bloodCulture', at: edStart + 25 * 60_000 },
      { key: 'urineCulture', at: edStart + 30 * 60_000 },
      { key: 'chestXray', at: edStart + HOUR },
    ],
    during: (enc) => {
      const sepsis = addCondition(b, 'sepsis', { onset: edStart, encounter: enc });
      addCondition(b, 'uti', { onset: edStart - 3 * DAY, encounter: enc });
      addMedication(b, 'salineIv', {
        authoredOn: edStart + 35 * 60_000,
        clinician: ed,
        encounter: enc,
        reason: sepsis,
      });
      addMedication(b, 'piperacillinTazo', {
        authoredOn: edStart + 50 * 60_000,
        clinician: ed,
        encounter: enc,
        reason: sepsis,
      });
    },
    chiefComplaint: 'Fever, shaking chills and new confusion',
    hpi: `${agePhrase(b, edStart)} with diabetes brought in by her daughter Carmen Delgado, who reports 3 days of burning on urination and frequency, then since this afternoon fever to 39.6 at home, rigors, vomiting x2 and new confusion. Daughter can be reached at (617) 555-0187. Last seen at baseline by Dr. ${pcp.family} on ${new Date(baseline).toISOString().slice(0, 10)}.`,
    exam: [
      'Gen: ill-appearing, drowsy but rousable, oriented to person only.',
      'CV: tachycardic, regular; cap refill 4 s; cool peripheries.',
      'Resp: tachypnoeic, clear lung fields.',
      'Abd: suprapubic tenderness, right CVA tenderness.',
      'Skin: no rash.',
    ],
    assessment: [
      'Sepsis with hypotension and lactate 4.3, likely urinary source (right pyelonephritis); qSOFA 3',
      'Acute kidney injury on metformin (creatinine 1.9 from baseline 0.9)',
    ],
    plan: [
      'Blood cultures x2 and urine culture drawn before antibiotics',
      '30 mL/kg crystalloid bolus, repeat lactate at 3 h',
      'Piperacillin-tazobactam 4.5 g IV q6h',
      'Hold metformin and lisinopril',
      'Admit to ICU step-down; norepinephrine if MAP < 65 after fluids',
    ],
  });
  const admit = edStart + 5 * HOUR;
  recordVisit(b, {
    cls: 'IMP',
    start: admit,
    end: anchor + 3 * DAY,
    clinician: icu,
    reason: 'Sepsis of urinary source',
    reasonCode: 'sepsis',
    noteType: 'HP',
    vitals: { temp: 38.6, hr: 112, rr: 24, sys: 96, dia: 58, spo2: 94, gcs: 14, fio2: 28 },
    vitalSeries: [
      { at: admit + 4 * HOUR, vitals: { temp: 38.9, hr: 118, rr: 25, sys: 92, dia: 54, spo2: 93, gcs: 14, fio2: 35 } },
    ],
    labs: [
      { key: 'lactate', value: 2.6, at: admit + 3 * HOUR },
      { key: 'wbc', value: 16.2, at: admit + 3 * HOUR },
      { key: 'creatinine', value: 1.6, at: admit + 3 * HOUR },
      { key: 'egfr', value: egfr(1.6), at: admit + 3 * HOUR },
    ],
    chiefComplaint: 'Sepsis, admitted from ED',
    hpi: `Mrs. Delgado (DOB ${new Date(b.demo.birthMs).toISOString().slice(0, 10)}) admitted from the ED overnight with urosepsis. Received 2 L crystalloid and piperacillin-tazobactam. Still febrile, oxygen needs rising, intermittently confused; daughter Carmen at bedside.`,
    exam: [
      'Gen: drowsy, oriented to person and place.',
      'CV: HR 112 regular.',
      'Abd: persistent right CVA tenderness.',
    ],
    assessment: ['Sepsis, urinary source, not yet responding to fluids and antibiotics', 'AKI, creatinine 1.6'],
    plan: [
      'Critical care outreach review; norepinephrine if MAP < 65',
      'Continue IV antibiotics pending cultures',
      'Trend lactate and creatinine',
      'Hold metformin until renal function recovers',
    ],
  });
  return b.toBundle();
}
