import type { Bundle } from '@medplum/fhirtypes';
import { addNoKnownAllergies, addCondition, addMedication } from './clinical.js';
import { DAY, HOUR, MINUTE, noteDate, noteTime } from './dates.js';
import { ckdEpi2021 } from './lab-model.js';
import { agePhrase } from './notes.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const CHEST_PAIN_ID = 'showcase-chest-pain-troponin';

/** Wei Zhang, 58: ED chest pain with ST depression and a rising hs-troponin I above the 99th percentile (NSTEMI). */
export function buildChestPainPatient(anchor: number): Bundle {
  const b = startShowcase(
    CHEST_PAIN_ID,
    {
      given: 'Wei',
      family: 'Zhang',
      sex: 'male',
      ageYears: 58,
      ageExtraDays: 310,
      mrn: '20904471',
      phone: '(508) 555-0115',
      email: 'wei.zhang7@mail.example',
      line: '88 Foundry Way',
      city: 'Harbor Point',
      state: 'MA',
      zip: '02745',
      relative: { relation: 'wife', name: 'Mei', phone: '(508) 555-0116' },
    },
    { anchor, facility: 2, stream: 6 },
  );
  const pcp = clinicianFor(b, 'Family Medicine');
  const ed = clinicianFor(b, 'Emergency Medicine');
  const cards = clinicianFor(b, 'Cardiology');
  const firstAt = daysBefore(b, 300, 8, 30);
  recordVisit(b, {
    cls: 'AMB',
    start: firstAt,
    end: firstAt + 30 * 60_000,
    clinician: pcp,
    reason: 'Annual physical',
    vitals: { temp: 36.8, hr: 80, rr: 14, sys: 148, dia: 92, spo2: 98, weight: 84.5, height: 174 },
    labs: [
      { key: 'cholesterol', value: 238 },
      { key: 'ldl', value: 162 },
      { key: 'glucose', value: 98 },
      { key: 'creatinine', value: 1.0 },
      { key: 'egfr', value: ckdEpi2021(1.0, 58, 'male') },
    ],
    during: (enc) => {
      addNoKnownAllergies(b, firstAt);
      const htn = addCondition(b, 'hypertension', { onset: anchor - 6 * 365 * DAY, encounter: enc });
      const lipids = addCondition(b, 'hyperlipidemia', { onset: anchor - 4 * 365 * DAY, encounter: enc });
      addMedication(b, 'amlodipine', { authoredOn: anchor - 5 * 365 * DAY, clinician: pcp, reason: htn });
      addMedication(b, 'atorvastatin', {
        authoredOn: firstAt,
        stoppedAt: daysBefore(b, 1, 9),
        clinician: pcp,
        encounter: enc,
        reason: lipids,
      });
    },
    chiefComplaint: 'Annual physical',
    hpi: `${agePhrase(b, firstAt)}, restaurant owner, smokes 1 pack per day for 30 years. Occasional tightness in the chest when carrying supplies, settles with rest.`,
    exam: ['CV: RRR, no murmur.', 'Lungs: clear.'],
    assessment: ['Hypertension', 'Hyperlipidemia, LDL 162', 'Tobacco use'],
    plan: [
      'Start atorvastatin 20 mg',
      'Smoking cessation counselling',
      'Exercise stress test if exertional symptoms persist',
    ],
  });
  const edAt = daysBefore(b, 1, 7, 40);
  const hs = [48, 182, 412] as const;
  recordVisit(b, {
    cls: 'EMER',
    start: edAt,
    end: edAt + 6 * HOUR + 30 * MINUTE,
    clinician: ed,
    reason: 'Chest pain',
    reasonCode: 'nstemi',
    vitals: { temp: 36.8, hr: 102, rr: 20, sys: 158, dia: 94, spo2: 96 },
    vitalSeries: [{ at: edAt + 3 * HOUR, vitals: { hr: 88, rr: 16, sys: 136, dia: 84, spo2: 97 } }],
    labs: [
      { key: 'hsTroponinI', value: hs[0], at: edAt + 20 * MINUTE },
      { key: 'troponinI', value: 0.09, at: edAt + 20 * MINUTE },
      { key: 'hsTroponinI', value: hs[1], at: edAt + 3 * HOUR + 20 * MINUTE },
      { key: 'hsTroponinI', value: hs[2], at: edAt + 6 * HOUR + 20 * MINUTE },
      { key: 'potassium', value: 4.1 },
      { key: 'sodium', value: 139 },
      { key: 'creatinine', value: 1.0 },
      { key: 'egfr', value: ckdEpi2021(1.0, 58, 'male') },
      { key: 'hemoglobin', value: 14.8 },
      { key: 'wbc', value: 9.6 },
      { key: 'platelets', value: 262 },
      { key: 'glucose', value: 131 },
    ],
    procedures: [
      { key: 'ecg', at: edAt + 5 * MINUTE },
      { key: 'chestXray', at: edAt + HOUR },
      { key: 'ecg', at: edAt + 3 * HOUR },
    ],
    during: (enc) => {
      const mi = addCondition(b, 'nstemi', { onset: edAt - 2 * HOUR, encounter: enc });
      for (const drug of ['aspirin', 'clopidogrel', 'atorvastatin80', 'metoprololTartrate', 'nitroglycerin'] as const) {
        addMedication(b, drug, { authoredOn: edAt + 30 * MINUTE, clinician: ed, encounter: enc, reason: mi });
      }
    },
    chiefComplaint: 'Chest pressure radiating to the left arm',
    hpi: `${agePhrase(b, edAt)} smoker with hypertension and hyperlipidemia. Woke at 05:30 with central chest pressure, 7/10, radiating to the left arm and jaw, with sweating and nausea. Wife Mei called 911. Took no aspirin at home.`,
    exam: [
      'Gen: diaphoretic, uncomfortable.',
      'CV: tachycardic, regular, no murmur, no rub.',
      'Lungs: clear, no crackles.',
      'Ext: no edema, pulses equal.',
    ],
    assessment: [
      `ECG ${noteTime(edAt + 5 * MINUTE)}: sinus tachycardia 102, 1.5 mm horizontal ST depression V4-V6, no ST elevation`,
      `hs-troponin I ${hs.join(' -> ')} ng/L at 0/3/6 h (99th percentile 26 ng/L): rising, consistent with NSTEMI`,
    ],
    plan: [
      'Aspirin 325 mg loaded then 81 mg daily, clopidogrel 300 mg load',
      'Heparin infusion',
      'High-intensity statin',
      'Admit to cardiology for angiography within 24 h',
    ],
  });
  const admitAt = edAt + 6 * HOUR + 30 * MINUTE;
  recordVisit(b, {
    cls: 'IMP',
    start: admitAt,
    end: anchor + 2 * DAY,
    clinician: cards,
    reason: 'NSTEMI',
    reasonCode: 'nstemi',
    noteType: 'HP',
    vitals: { temp: 36.7, hr: 78, rr: 15, sys: 128, dia: 78, spo2: 97 },
    chiefComplaint: 'NSTEMI, admitted for angiography',
    hpi: `Mr. Zhang (MRN ${b.demo.mrn}) admitted ${noteDate(admitAt, 'us')} from the ED. Chest pain resolved after nitroglycerin and heparin. Troponin peaked at ${hs[2]} ng/L.`,
    exam: ['Comfortable, pain-free.', 'CV: RRR.'],
    assessment: ['NSTEMI, TIMI risk score 4'],
    plan: ['Coronary angiography tomorrow morning', 'Continue DAPT, beta-blocker, statin', 'Smoking cessation'],
  });
  return b.toBundle();
}
