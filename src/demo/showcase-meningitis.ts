import type { Bundle } from '@medplum/fhirtypes';
import { addNoKnownAllergies, addCondition, addImmunization, addMedication } from './clinical.js';
import { VACCINES } from './catalog.js';
import { DAY, HOUR, MINUTE, noteDate } from './dates.js';
import { agePhrase } from './notes.js';
import { clinicianFor, daysBefore, startShowcase } from './showcase-kit.js';
import { recordVisit } from './visit.js';

export const MENINGITIS_ID = 'showcase-pediatric-meningitis';

/** Mateo Navarro, 6: ED visit with fever, neck stiffness, photophobia and a petechial rash; raised CRP and WBC. */
export function buildMeningitisPatient(anchor: number): Bundle {
  const b = startShowcase(
    MENINGITIS_ID,
    {
      given: 'Mateo',
      family: 'Navarro',
      sex: 'male',
      ageYears: 6,
      ageExtraDays: 122,
      mrn: '21005563',
      phone: '(413) 555-0190',
      line: '61 Sycamore Drive',
      city: 'Cedar Ridge',
      state: 'MA',
      zip: '01002',
      relative: { relation: 'mother', name: 'Gabriela', phone: '(413) 555-0191' },
    },
    { anchor, facility: 3, stream: 7 },
  );
  const peds = clinicianFor(b, 'Pediatrics');
  const ed = clinicianFor(b, 'Emergency Medicine');
  const wellAt = daysBefore(b, 760, 9, 30);
  recordVisit(b, {
    cls: 'AMB',
    start: wellAt,
    end: wellAt + 30 * MINUTE,
    clinician: peds,
    reason: 'Well-child visit',
    vitals: { temp: 36.8, hr: 104, rr: 24, sys: 98, dia: 60, spo2: 99, weight: 16.4, height: 102 },
    procedures: [{ key: 'wellChild' }],
    during: (enc) => {
      addNoKnownAllergies(b, wellAt);
      for (const cvx of ['20', '10', '03', '21']) {
        const vaccine = VACCINES.find((v) => v.cvx === cvx);
        if (vaccine) {
          addImmunization(b, vaccine, wellAt + 25 * MINUTE, enc);
        }
      }
    },
    chiefComplaint: '4-year well-child check',
    hpi: `${agePhrase(b, wellAt)} here with his mother Gabriela for the 4-year check. Growing and developing normally, attends preschool in Cedar Ridge.`,
    exam: ['Normal exam. Growth along the 50th percentile.'],
    assessment: ['Healthy child'],
    plan: ['DTaP, IPV, MMR and varicella boosters given', 'Return at 5 years'],
  });
  const otitisAt = daysBefore(b, 400, 16, 10);
  recordVisit(b, {
    cls: 'AMB',
    start: otitisAt,
    end: otitisAt + 20 * MINUTE,
    clinician: peds,
    reason: 'Ear pain',
    reasonCode: 'otitisMedia',
    vitals: { temp: 38.4, hr: 118, rr: 24, sys: 98, dia: 62, spo2: 99, weight: 18.6 },
    during: (enc) => {
      const om = addCondition(b, 'otitisMedia', {
        onset: otitisAt - 2 * DAY,
        abatement: otitisAt + 10 * DAY,
        encounter: enc,
      });
      addMedication(b, 'amoxicillin', {
        authoredOn: otitisAt,
        stoppedAt: otitisAt + 10 * DAY,
        clinician: peds,
        encounter: enc,
        reason: om,
      });
    },
    chiefComplaint: 'Right ear pain',
    hpi: `2 days of right ear pain and fever after a cold. Mother reports poor sleep.`,
    exam: ['Right TM bulging and red.'],
    assessment: ['Acute otitis media, right'],
    plan: ['Amoxicillin 10 days'],
  });
  const edAt = daysBefore(b, 1, 19, 25);
  recordVisit(b, {
    cls: 'EMER',
    start: edAt,
    end: edAt + 5 * HOUR,
    clinician: ed,
    reason: 'Fever and neck stiffness',
    reasonCode: 'meningitis',
    vitals: { temp: 39.6, hr: 148, rr: 30, sys: 92, dia: 56, spo2: 97, weight: 21.0 },
    vitalSeries: [{ at: edAt + 2 * HOUR, vitals: { temp: 38.9, hr: 136, rr: 28, sys: 96, dia: 58, spo2: 98 } }],
    labs: [
      { key: 'wbc', value: 21.4 },
      { key: 'crp', value: 168 },
      { key: 'procalcitonin', value: 8.2 },
      { key: 'lactate', value: 2.6 },
      { key: 'platelets', value: 142 },
      { key: 'hemoglobin', value: 12.0 },
      { key: 'glucose', value: 88 },
      { key: 'sodium', value: 134 },
    ],
    procedures: [
      { key: 'bloodCulture', at: edAt + 20 * MINUTE },
      { key: 'lumbarPuncture', at: edAt + 90 * MINUTE },
    ],
    during: (enc) => {
      const men = addCondition(b, 'meningitis', { onset: edAt - 10 * HOUR, encounter: enc, provisional: true });
      addMedication(b, 'ceftriaxone', { authoredOn: edAt + 35 * MINUTE, clinician: ed, encounter: enc, reason: men });
    },
    chiefComplaint: 'Fever, headache and stiff neck',
    hpi: `${agePhrase(b, edAt)} brought by his mother Gabriela Navarro (cell 413-555-0191) with 10 hours of fever to 39.8, severe headache, vomiting x3 and neck stiffness. He covers his eyes and says the light hurts (photophobia). Mother noticed small purple spots on both shins this evening. Vaccines up to date as of ${noteDate(wellAt, 'long')}.`,
    exam: [
      'Gen: irritable, lethargic between episodes of crying.',
      'Neck: nuchal rigidity; Kernig and Brudzinski signs positive.',
      'Skin: scattered non-blanching petechiae on both lower legs.',
      'Neuro: no focal deficit, pupils equal and reactive.',
    ],
    assessment: ['Suspected bacterial meningitis with petechial rash; raised WBC and CRP'],
    plan: [
      'Blood cultures, then ceftriaxone 100 mg/kg IV immediately',
      'Lumbar puncture once stable',
      'Droplet precautions; notify public health if meningococcus',
      'Admit to PICU',
    ],
  });
  return b.toBundle();
}
