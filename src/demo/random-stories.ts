import type { ConditionKey } from './conditions.js';
import type { VitalSet } from './observations.js';
import type { Rng } from './prng.js';

/** How an acute problem presents: complaint, history, exam and its effect on vitals. */
export interface AcuteStory {
  cc: string;
  hpi: (days: number) => string;
  exam: string[];
  vitals: (rng: Rng) => Partial<VitalSet>;
}

/** How each acute condition presents in random patients. */
export const ACUTE_STORIES: Partial<Record<ConditionKey, AcuteStory>> = {
  pneumonia: {
    cc: 'Cough, fever and shortness of breath',
    hpi: (d) =>
      `${d} days of productive cough with yellow-green sputum, fevers to 39 at home, pleuritic right-sided chest pain and dyspnea on exertion.`,
    exam: [
      'Lungs: crackles at the right base, dullness to percussion.',
      'CV: tachycardic, regular.',
      'Gen: ill-appearing but conversant.',
    ],
    vitals: (r) => ({ temp: r.float(38.3, 39.4), hr: r.float(98, 118), rr: r.float(20, 26), spo2: r.float(89, 94) }),
  },
  uti: {
    cc: 'Burning with urination',
    hpi: (d) =>
      `${d} days of dysuria, urinary frequency and suprapubic discomfort. Denies flank pain, vomiting or vaginal discharge.`,
    exam: ['Abd: mild suprapubic tenderness, no CVA tenderness.', 'Gen: well-appearing.'],
    vitals: (r) => ({ temp: r.float(36.8, 37.8) }),
  },
  bronchitis: {
    cc: 'Cough',
    hpi: (d) =>
      `Cough for ${d + 5} days after a cold, now dry and worse at night. No fever, no hemoptysis, no weight loss.`,
    exam: ['Lungs: scattered rhonchi that clear with cough, no focal consolidation.', 'ENT: mild pharyngeal erythema.'],
    vitals: (r) => ({ temp: r.float(36.9, 37.7) }),
  },
  uri: {
    cc: 'Sore throat and runny nose',
    hpi: (d) => `${d} days of rhinorrhea, sore throat, nasal congestion and low-grade fever. Sick contacts at home.`,
    exam: ['ENT: boggy nasal mucosa, pharynx mildly erythematous without exudate.', 'Lungs: clear.'],
    vitals: (r) => ({ temp: r.float(37.4, 38.3) }),
  },
  ankleSprain: {
    cc: 'Ankle injury',
    hpi: (d) =>
      `Inverted the left ankle ${d === 1 ? 'yesterday' : `${d} days ago`} stepping off a curb. Able to bear weight with pain. No numbness.`,
    exam: [
      'MSK: swelling and tenderness over the ATFL, no bony tenderness at the malleoli (Ottawa negative).',
      'Neurovascularly intact distally.',
    ],
    vitals: () => ({}),
  },
  otitisMedia: {
    cc: 'Ear pain and fever',
    hpi: (d) => `${d} days of right ear pain, tugging at the ear, fever and poor sleep. Preceded by a cold.`,
    exam: ['ENT: right tympanic membrane bulging and erythematous, left TM normal.', 'Neck: supple.'],
    vitals: (r) => ({ temp: r.float(38.1, 39.0), hr: r.float(110, 135) }),
  },
};

/** Sentences for routine follow-up visits. */
export const FOLLOW_UP_LINES = [
  'Reports good adherence to medications and no side effects.',
  'Admits to missing a few doses while traveling.',
  'No new complaints today; sleeping and eating well.',
  'Has been walking 30 minutes most days.',
  'Notes mild fatigue but otherwise feels well.',
  'Checks blood pressure at home, readings mostly in the 130s.',
] as const;

/** A normal physical exam. */
export const NORMAL_EXAM = [
  'Gen: alert, oriented, no acute distress.',
  'CV: regular rate and rhythm, no murmurs.',
  'Lungs: clear to auscultation bilaterally.',
  'Ext: no edema.',
] as const;
