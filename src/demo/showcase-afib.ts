import type { Bundle } from '@medplum/fhirtypes';
import { addNoKnownAllergies, addCondition, addImmunization, addMedication } from './clinical.js';
import { VACCINES } from './catalog.js';
import { itemAt } from './prng.js';
import { DAY, noteDate } from './dates.js';
import { ckdEpi2021 } from './lab-model.js';
import { agePhrase } from './notes.js';
import type { Ref } from './record-builder.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const AFIB_ID = 'showcase-afib-no-anticoagulation';

/** Margaret Holloway, 78: atrial fibrillation with hypertension and diabetes (CHA2DS2-VASc 5), not anticoagulated. */
export function buildAfibPatient(anchor: number): Bundle {
  const b = startShowcase(
    AFIB_ID,
    {
      given: 'Margaret',
      family: 'Holloway',
      sex: 'female',
      ageYears: 78,
      ageExtraDays: 200,
      mrn: '20671245',
      phone: '(781) 555-0121',
      email: 'mholloway@example.org',
      line: '9 Beacon Hill Terrace',
      city: 'Westbrook',
      state: 'MA',
      zip: '01702',
      relative: { relation: 'son', name: 'Edward', phone: '(781) 555-0129' },
    },
    { anchor, facility: 4, stream: 3 },
  );
  const pcp = clinicianFor(b, 'Internal Medicine');
  const cards = clinicianFor(b, 'Cardiology');
  const egfr = (scr: number): number => ckdEpi2021(scr, 78, 'female');
  const firstAt = daysBefore(b, 430, 11, 0);
  let afib: Ref | undefined;
  recordVisit(b, {
    cls: 'AMB',
    start: firstAt,
    end: firstAt + 40 * 60_000,
    clinician: pcp,
    reason: 'Palpitations',
    reasonCode: 'atrialFibrillation',
    vitals: { temp: 36.6, hr: 118, rr: 16, sys: 148, dia: 90, spo2: 96, weight: 71.3, height: 160 },
    labs: [
      { key: 'creatinine', value: 0.9 },
      { key: 'egfr', value: egfr(0.9) },
      { key: 'potassium', value: 4.3 },
      { key: 'sodium', value: 140 },
      { key: 'glucose', value: 141 },
      { key: 'hba1c', value: 7.1 },
      { key: 'tsh', value: 1.9 },
      { key: 'hemoglobin', value: 13.0 },
    ],
    procedures: [{ key: 'ecg' }],
    during: (enc) => {
      addNoKnownAllergies(b, firstAt);
      const htn = addCondition(b, 'hypertension', { onset: anchor - 15 * 365 * DAY, encounter: enc });
      const dm = addCondition(b, 'diabetes2', { onset: anchor - 8 * 365 * DAY, encounter: enc });
      afib = addCondition(b, 'atrialFibrillation', { onset: firstAt - 7 * DAY, encounter: enc });
      addMedication(b, 'lisinopril', { authoredOn: firstAt - 900 * DAY, clinician: pcp, reason: htn });
      addMedication(b, 'metformin', { authoredOn: firstAt - 800 * DAY, clinician: pcp, reason: dm });
      addMedication(b, 'aspirin', { authoredOn: firstAt - 800 * DAY, clinician: pcp });
      addMedication(b, 'metoprolol', { authoredOn: firstAt, clinician: pcp, encounter: enc, reason: afib });
    },
    chiefComplaint: 'Fluttering in the chest for a week',
    hpi: `${agePhrase(b, firstAt)} with hypertension and type 2 diabetes reports a week of intermittent palpitations and mild breathlessness climbing stairs. Her son Edward noticed her pulse was "all over the place" on his home monitor.`,
    exam: ['CV: irregularly irregular rhythm, rate ~118, no murmur.', 'Lungs: clear.', 'Ext: trace ankle edema.'],
    assessment: ['New atrial fibrillation with rapid ventricular response; ECG confirms AF, no ischemic changes'],
    plan: [
      'Start metoprolol succinate 50 mg daily',
      'Echo and cardiology referral',
      'Anticoagulation discussed; patient wants to talk it over with her son',
    ],
  });
  const cardsAt = daysBefore(b, 250, 13, 30);
  recordVisit(b, {
    cls: 'AMB',
    start: cardsAt,
    end: cardsAt + 45 * 60_000,
    clinician: cards,
    reason: 'Atrial fibrillation',
    reasonCode: 'atrialFibrillation',
    vitals: { temp: 36.7, hr: 88, rr: 15, sys: 144, dia: 86, spo2: 97, weight: 70.9 },
    procedures: [{ key: 'echo' }],
    chiefComplaint: 'Cardiology consult for atrial fibrillation',
    hpi: `Referred by Dr. ${pcp.family} (${noteDate(firstAt, 'us')}). Palpitations improved on metoprolol. Echo: LVEF 55%, moderately dilated left atrium.`,
    exam: ['Irregularly irregular, rate 88.', 'No JVD.'],
    assessment: [
      'Persistent atrial fibrillation, rate controlled',
      'Stroke risk high: age, female sex, hypertension, diabetes',
    ],
    plan: [
      'Continue rate control',
      'Patient declined anticoagulation today, worried about bleeding; to revisit at next visit',
    ],
  });
  const lastAt = daysBefore(b, 20, 9, 15);
  recordVisit(b, {
    cls: 'AMB',
    start: lastAt,
    end: lastAt + 30 * 60_000,
    clinician: pcp,
    reason: 'Chronic disease follow-up',
    vitals: { temp: 36.6, hr: 96, rr: 16, sys: 152, dia: 88, spo2: 96, weight: 71.6 },
    labs: [
      { key: 'creatinine', value: 1.0 },
      { key: 'egfr', value: egfr(1.0) },
      { key: 'potassium', value: 4.5 },
      { key: 'sodium', value: 139 },
      { key: 'glucose', value: 150 },
      { key: 'hba1c', value: 7.3 },
      { key: 'hemoglobin', value: 12.8 },
      { key: 'platelets', value: 232 },
    ],
    during: (enc) => {
      addImmunization(b, itemAt(VACCINES, 0), lastAt + 35 * 60_000, enc);
    },
    chiefComplaint: 'Follow-up',
    hpi: `Mrs. Holloway remains in atrial fibrillation. Not on anticoagulation; takes aspirin 81 mg only. No TIA symptoms. Lives alone at 9 Beacon Hill Terrace, son Edward visits daily.`,
    exam: ['CV: irregularly irregular, rate 96.', 'Neuro: non-focal.'],
    assessment: ['Atrial fibrillation, not anticoagulated', 'Hypertension, above goal', 'Type 2 diabetes, HbA1c 7.3%'],
    plan: ['Revisit anticoagulation at next visit', 'Increase lisinopril if home BP remains > 140/90'],
  });
  return b.toBundle();
}
