import type { Bundle } from '@medplum/fhirtypes';
import { addNoKnownAllergies, addCondition, addMedication } from './clinical.js';
import { DAY, noteDate } from './dates.js';
import { ckdEpi2021 } from './lab-model.js';
import type { LabKey } from './labs.js';
import { agePhrase } from './notes.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const CKD_ID = 'showcase-ckd4-metformin';

/** Imran Qureshi, 66: CKD stage 4 (eGFR ~22) still on metformin, creatinine and potassium rising. */
export function buildCkdPatient(anchor: number): Bundle {
  const b = startShowcase(
    CKD_ID,
    {
      given: 'Imran',
      family: 'Qureshi',
      sex: 'male',
      ageYears: 66,
      ageExtraDays: 77,
      mrn: '20752206',
      phone: '(508) 555-0148',
      email: 'imran.qureshi@example.net',
      line: '230 Lighthouse Road',
      city: 'Harbor Point',
      state: 'MA',
      zip: '02740',
      relative: { relation: 'daughter', name: 'Ayesha', phone: '(508) 555-0149' },
    },
    { anchor, facility: 2, stream: 4 },
  );
  const pcp = clinicianFor(b, 'Internal Medicine');
  const neph = clinicianFor(b, 'Nephrology');
  const egfr = (scr: number): number => ckdEpi2021(scr, 66, 'male');
  const series: { days: number; scr: number; k: number; hgb: number; a1c: number; bun: number }[] = [
    { days: 540, scr: 2.1, k: 4.8, hgb: 12.1, a1c: 7.8, bun: 34 },
    { days: 360, scr: 2.5, k: 5.1, hgb: 11.6, a1c: 7.5, bun: 39 },
    { days: 180, scr: 2.8, k: 5.4, hgb: 11.0, a1c: 7.4, bun: 44 },
    { days: 14, scr: 3.0, k: 5.7, hgb: 10.6, a1c: 7.2, bun: 48 },
  ];
  series.forEach((s, i) => {
    const at = daysBefore(b, s.days, 10 + i, 0);
    const isNeph = i >= 2;
    const labs: { key: LabKey; value: number }[] = [
      { key: 'creatinine', value: s.scr },
      { key: 'egfr', value: egfr(s.scr) },
      { key: 'potassium', value: s.k },
      { key: 'sodium', value: 138 },
      { key: 'bun', value: s.bun },
      { key: 'glucose', value: 156 - i * 6 },
      { key: 'hba1c', value: s.a1c },
      { key: 'hemoglobin', value: s.hgb },
    ];
    recordVisit(b, {
      cls: 'AMB',
      start: at,
      end: at + 30 * 60_000,
      clinician: isNeph ? neph : pcp,
      reason: isNeph ? 'Chronic kidney disease' : 'Diabetes follow-up',
      ...(isNeph ? { reasonCode: 'ckd4' as const } : {}),
      vitals: {
        temp: 36.7,
        hr: 76,
        rr: 15,
        sys: 146 - i * 2,
        dia: 84,
        spo2: 97,
        weight: 88 - i * 0.8,
        ...(i === 0 ? { height: 172 } : {}),
      },
      labs,
      during: (enc) => {
        if (i === 0) {
          addNoKnownAllergies(b, at);
          const dm = addCondition(b, 'diabetes2', { onset: anchor - 14 * 365 * DAY, encounter: enc });
          const htn = addCondition(b, 'hypertension', { onset: anchor - 16 * 365 * DAY, encounter: enc });
          addCondition(b, 'ckd3', { onset: anchor - 4 * 365 * DAY, abatement: daysBefore(b, 180), encounter: enc });
          addCondition(b, 'hyperlipidemia', { onset: anchor - 10 * 365 * DAY, encounter: enc });
          addMedication(b, 'metformin1000', { authoredOn: anchor - 9 * 365 * DAY, clinician: pcp, reason: dm });
          addMedication(b, 'lisinopril', { authoredOn: anchor - 12 * 365 * DAY, clinician: pcp, reason: htn });
          addMedication(b, 'amlodipine', { authoredOn: anchor - 6 * 365 * DAY, clinician: pcp, reason: htn });
          addMedication(b, 'atorvastatin', { authoredOn: anchor - 10 * 365 * DAY, clinician: pcp });
        }
        if (i === 2) {
          addCondition(b, 'ckd4', { onset: at, encounter: enc });
        }
      },
      chiefComplaint: isNeph ? 'Nephrology follow-up' : 'Diabetes and kidney function review',
      hpi:
        i === 0
          ? `${agePhrase(b, at)} with long-standing type 2 diabetes, hypertension and CKD stage 3b. Takes metformin 1000 mg twice daily. Daughter Ayesha manages his pill box.`
          : `Follow-up ${noteDate(at, i % 2 === 0 ? 'long' : 'dmy')}. Creatinine ${s.scr.toFixed(1)} mg/dL (eGFR ${egfr(s.scr)}), potassium ${s.k}. Mild fatigue, no uremic symptoms. Still taking metformin 1000 mg BID.`,
      exam: ['BP elevated.', 'Lungs clear.', 'Trace bilateral ankle edema.'],
      assessment: [
        i >= 2 ? `CKD stage 4, eGFR ${egfr(s.scr)}` : `CKD stage 3b, eGFR ${egfr(s.scr)}`,
        `Potassium ${s.k} mmol/L${s.k > 5.1 ? ', rising' : ''}`,
        'Type 2 diabetes',
      ],
      plan: [
        'Low-potassium diet education',
        'Repeat BMP in 3 months',
        i === 3 ? 'Discuss renal replacement planning' : 'Continue current medications',
      ],
    });
  });
  return b.toBundle();
}
