import type { Bundle } from '@medplum/fhirtypes';
import { addAllergy, addCondition, addMedication, allergyNamed } from './clinical.js';
import { DAY, HOUR, noteDate } from './dates.js';
import { agePhrase } from './notes.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const WARFARIN_ID = 'showcase-warfarin-nsaid';

/** Kwame Mensah, 68: on warfarin, recently started naproxen, history of GI bleed, rising INR. */
export function buildWarfarinPatient(anchor: number): Bundle {
  const b = startShowcase(
    WARFARIN_ID,
    {
      given: 'Kwame',
      family: 'Mensah',
      sex: 'male',
      ageYears: 68,
      ageExtraDays: 51,
      mrn: '20533917',
      phone: '(978) 555-0162',
      line: '12 Linden Court',
      city: 'Maple Falls',
      state: 'MA',
      zip: '01420',
      relative: { relation: 'wife', name: 'Abena', phone: '(978) 555-0163' },
    },
    { anchor, facility: 1, stream: 2 },
  );
  const pcp = clinicianFor(b, 'Internal Medicine');
  const ed = clinicianFor(b, 'Emergency Medicine');
  const fm = clinicianFor(b, 'Family Medicine');
  const dvtAt = daysBefore(b, 760, 16, 40);
  recordVisit(b, {
    cls: 'EMER',
    start: dvtAt,
    end: dvtAt + 4 * HOUR,
    clinician: ed,
    reason: 'Left leg swelling',
    reasonCode: 'dvt',
    vitals: { temp: 36.9, hr: 88, rr: 16, sys: 142, dia: 86, spo2: 98, weight: 92.4, height: 181 },
    labs: [
      { key: 'inr', value: 1.0 },
      { key: 'hemoglobin', value: 14.2 },
      { key: 'platelets', value: 228 },
      { key: 'creatinine', value: 1.0 },
    ],
    during: (enc) => {
      addAllergy(b, allergyNamed('codeine'), dvtAt);
      const htn = addCondition(b, 'hypertension', { onset: anchor - 10 * 365 * DAY, encounter: enc });
      addMedication(b, 'amlodipine', { authoredOn: dvtAt - 300 * DAY, clinician: pcp, reason: htn });
      const dvt = addCondition(b, 'dvt', { onset: dvtAt - 2 * DAY, encounter: enc });
      addMedication(b, 'warfarin', { authoredOn: dvtAt, clinician: ed, encounter: enc, reason: dvt });
    },
    chiefComplaint: 'Painful swollen left calf',
    hpi: `${agePhrase(b, dvtAt)} with 2 days of left calf pain and swelling after a long drive from Baltimore. Duplex ultrasound shows occlusive thrombus of the left popliteal vein.`,
    exam: ['Left calf 4 cm larger than right, tender along the deep veins.', 'Lungs clear, no tachycardia.'],
    assessment: ['Unprovoked left popliteal DVT'],
    plan: ['Enoxaparin bridge, start warfarin 5 mg daily, INR goal 2-3', 'Anticoagulation clinic in 1 week'],
  });
  const bleedAt = daysBefore(b, 420, 7, 5);
  recordVisit(b, {
    cls: 'IMP',
    start: bleedAt,
    end: bleedAt + 4 * DAY,
    clinician: pcp,
    reason: 'Melena',
    reasonCode: 'giBleed',
    vitals: { temp: 36.6, hr: 112, rr: 20, sys: 98, dia: 60, spo2: 97 },
    labs: [
      { key: 'hemoglobin', value: 7.9 },
      { key: 'inr', value: 3.4 },
      { key: 'bun', value: 38 },
      { key: 'platelets', value: 205 },
    ],
    procedures: [{ key: 'egd', at: bleedAt + 20 * HOUR }],
    during: (enc) => {
      const bleed = addCondition(b, 'giBleed', { onset: bleedAt - DAY, abatement: bleedAt + 4 * DAY, encounter: enc });
      addMedication(b, 'pantoprazole', {
        authoredOn: bleedAt,
        stoppedAt: bleedAt + 56 * DAY,
        clinician: pcp,
        encounter: enc,
        reason: bleed,
      });
    },
    chiefComplaint: 'Black tarry stools and dizziness',
    hpi: `Mr. Mensah on warfarin for DVT presented with 2 days of melena and lightheadedness on standing. Had been taking ibuprofen for back pain. Wife Abena drove him in.`,
    exam: ['Pale, orthostatic.', 'Abd: soft, mild epigastric tenderness.', 'Rectal: black stool, guaiac positive.'],
    assessment: ['Upper GI bleed from duodenal ulcer (EGD), NSAID-related, on warfarin with supratherapeutic INR 3.4'],
    plan: ['Transfused 2 units PRBC', 'Warfarin held 3 days then resumed', 'PPI for 8 weeks', 'Avoid all NSAIDs'],
  });
  const inrVisits: [number, number, number][] = [
    [700, 2.4, 13.9],
    [180, 2.6, 12.4],
  ];
  for (const [days, inr, hgb] of inrVisits) {
    const at = daysBefore(b, days, 10, 30);
    recordVisit(b, {
      cls: 'AMB',
      start: at,
      end: at + 20 * 60_000,
      clinician: pcp,
      reason: 'Anticoagulation monitoring',
      vitals: { temp: 36.7, hr: 74, rr: 14, sys: 134, dia: 82, spo2: 98, weight: 91.8 },
      labs: [
        { key: 'inr', value: inr },
        { key: 'hemoglobin', value: hgb },
      ],
      chiefComplaint: 'INR check',
      hpi: `Anticoagulation visit. INR ${inr}, in range. No bleeding, no missed doses.`,
      exam: ['No bruising.'],
      assessment: ['Long-term warfarin, therapeutic'],
      plan: ['Continue warfarin 5 mg daily', 'Recheck INR in 4-6 weeks'],
    });
  }
  const kneeAt = daysBefore(b, 30, 14, 0);
  recordVisit(b, {
    cls: 'AMB',
    start: kneeAt,
    end: kneeAt + 25 * 60_000,
    clinician: fm,
    reason: 'Right knee pain',
    reasonCode: 'osteoarthritis',
    vitals: { temp: 36.8, hr: 76, rr: 14, sys: 138, dia: 84, spo2: 98, weight: 92.0 },
    labs: [{ key: 'inr', value: 2.5 }],
    during: (enc) => {
      const oa = addCondition(b, 'osteoarthritis', { onset: kneeAt - 200 * DAY, encounter: enc });
      addMedication(b, 'naproxen', { authoredOn: kneeAt, clinician: fm, encounter: enc, reason: oa });
    },
    chiefComplaint: 'Right knee pain',
    hpi: `Walk-in visit at Maple Falls for worsening right knee pain limiting walks with his wife. Acetaminophen not helping.`,
    exam: ['Right knee: crepitus, small effusion, medial joint line tenderness.'],
    assessment: ['Osteoarthritis of the right knee'],
    plan: ['Naproxen 440 mg twice daily with food', 'Physical therapy referral'],
  });
  const latest = daysBefore(b, 3, 9, 45);
  recordVisit(b, {
    cls: 'AMB',
    start: latest,
    end: latest + 20 * 60_000,
    clinician: pcp,
    reason: 'Anticoagulation monitoring',
    vitals: { temp: 36.7, hr: 84, rr: 15, sys: 128, dia: 78, spo2: 98, weight: 91.5 },
    labs: [
      { key: 'inr', value: 3.8 },
      { key: 'hemoglobin', value: 11.3 },
      { key: 'creatinine', value: 1.2 },
    ],
    chiefComplaint: 'INR check',
    hpi: `Seen ${noteDate(latest, 'long')}. Reports taking naproxen twice daily since ${noteDate(kneeAt, 'us')} for knee pain. Some gum bleeding when brushing; denies melena.`,
    exam: ['Small bruises on both forearms.', 'Abd: soft, non-tender.'],
    assessment: ['Supratherapeutic INR 3.8 on warfarin', 'Hemoglobin 11.3, down from 12.4'],
    plan: ['Hold warfarin tonight, recheck INR in 3 days', 'Review NSAID use'],
  });
  return b.toBundle();
}
