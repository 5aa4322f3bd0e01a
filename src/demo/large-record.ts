import type { Bundle } from '@medplum/fhirtypes';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { addCondition, addEncounter, addMedication, addPatient, addProcedure } from './clinical.js';
import { ageAt, DAY, DEFAULT_ANCHOR_DATE, HOUR, parseAnchor } from './dates.js';
import { mrnFor, randomDemographics } from './demographics.js';
import { ckdEpi2021 } from './lab-model.js';
import { LABS, interpretLab, type LabKey } from './labs.js';
import { addNote, agePhrase, type NoteLab } from './notes.js';
import { addLab, addVitals, type VitalSet } from './observations.js';
import { itemAt, Rng, round } from './prng.js';
import { RecordBuilder, type Ref } from './record-builder.js';
import { cliniciansAt, FACILITIES } from './staff.js';

const OptionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  resources: z.number().int().min(1).max(5_000_000),
  anchorDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

const ADMISSION_HOURS = 30 * 24;
const LAB_PANEL: readonly LabKey[] = [
  'lactate',
  'wbc',
  'hemoglobin',
  'platelets',
  'creatinine',
  'egfr',
  'potassium',
  'sodium',
  'glucose',
  'crp',
];

/** One patient with at least `resources` resources: repeated ICU stays with hourly vitals, 6-hourly labs and daily notes. */
export function generateLargeRecordPatient(options: { seed: number; resources: number; anchorDate?: string }): Bundle {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Invalid large-record options');
  }
  const { seed, resources } = parsed.data;
  const anchor = parseAnchor(parsed.data.anchorDate ?? DEFAULT_ANCHOR_DATE);
  const rng = new Rng(seed, 424_242);
  const demo = randomDemographics(rng, { mrn: mrnFor(seed, 9_999_999), anchor, minAge: 60, maxAge: 85 });
  const facility = itemAt(FACILITIES, 0);
  const b = new RecordBuilder(`demo-large-${seed}`, rng, { anchor, demo, facility });
  addPatient(b);
  const icu = cliniciansAt(facility, 'Critical Care');
  const hours = Math.ceil(resources / 5) + 48;
  const start = anchor - hours * HOUR;
  const age = ageAt(demo.birthMs, anchor);
  let encounter: Ref = { reference: '' };
  let labsForNote: NoteLab[] = [];
  for (let h = 0; b.size < resources && h < hours; h++) {
    const t = start + h * HOUR;
    const hourOfStay = h % ADMISSION_HOURS;
    const day = hourOfStay / 24;
    const clinician = itemAt(icu, Math.floor(h / 24) % icu.length);
    if (hourOfStay === 0) {
      encounter = addEncounter(b, {
        cls: 'IMP',
        start: t,
        end: Math.min(t + ADMISSION_HOURS * HOUR - HOUR, anchor + DAY),
        reason: 'Septic shock',
        reasonCode: 'sepsis',
        clinician,
      });
      const sepsis = addCondition(b, 'sepsis', {
        onset: t - 6 * HOUR,
        encounter,
        ...(t + 20 * DAY < anchor ? { abatement: t + 20 * DAY } : {}),
      });
      addMedication(b, 'piperacillinTazo', {
        authoredOn: t + HOUR,
        clinician,
        encounter,
        reason: sepsis,
        ...(t + 10 * DAY < anchor ? { stoppedAt: t + 10 * DAY } : {}),
      });
      addProcedure(b, 'bloodCulture', t + HOUR / 2, encounter);
    }
    const sick = Math.exp(-day / 2.5);
    const circadian = Math.sin((2 * Math.PI * (h % 24)) / 24);
    const vitals: VitalSet = {
      hr: 82 + 38 * sick + 4 * circadian + rng.normal(0, 3),
      rr: 16 + 10 * sick + rng.normal(0, 1.2),
      temp: 37.0 + 2.1 * sick + 0.2 * circadian + rng.normal(0, 0.1),
      sys: 122 - 32 * sick + rng.normal(0, 5),
      dia: 72 - 18 * sick + rng.normal(0, 3),
      spo2: Math.min(100, 97 - 6 * sick + rng.normal(0, 0.6)),
    };
    addVitals(b, vitals, t, encounter);
    if (hourOfStay % 6 === 0) {
      const scr = round(0.9 + 1.1 * sick + rng.normal(0, 0.05), 2);
      const values: Record<LabKey, number> = {
        ...Object.fromEntries(Object.entries(LABS).map(([k, d]) => [k, d.mean])),
        lactate: 1.1 + 3.4 * sick + rng.normal(0, 0.15),
        wbc: 8 + 12 * sick + rng.normal(0, 0.6),
        hemoglobin: 11.5 - 1.5 * (1 - sick) + rng.normal(0, 0.2),
        platelets: 210 - 90 * sick + rng.normal(0, 8),
        creatinine: scr,
        egfr: ckdEpi2021(scr, age, demo.sex),
        potassium: 4.2 + rng.normal(0, 0.2),
        sodium: 138 + rng.normal(0, 1.5),
        glucose: 130 + 60 * sick + rng.normal(0, 10),
        crp: 20 + 180 * sick + rng.normal(0, 5),
      } as Record<LabKey, number>;
      labsForNote = LAB_PANEL.map((key) => {
        const value = addLab(b, { key, value: values[key], at: t + HOUR / 4, encounter });
        return {
          short: LABS[key].short,
          value: value.toFixed(LABS[key].decimals),
          unit: LABS[key].unit,
          flag: interpretLab(LABS[key], value),
        };
      });
    }
    if (hourOfStay % 24 === 8) {
      addNote(b, {
        type: 'AMB',
        at: t,
        encounter,
        clinician,
        chiefComplaint: `ICU day ${Math.floor(day) + 1}`,
        hpi: `${agePhrase(b, t)} with septic shock, ICU day ${Math.floor(day) + 1}. ${sick > 0.3 ? 'Remains on norepinephrine, weaning.' : 'Off vasopressors, tolerating diet.'}`,
        exam: ['Sedation: RASS 0.', 'Lungs: coarse breath sounds bilaterally.'],
        vitals,
        labs: labsForNote,
        assessment: [sick > 0.3 ? 'Septic shock, improving' : 'Sepsis, resolving'],
        plan: ['Continue antibiotics per cultures', 'Daily spontaneous breathing trial'],
      });
    }
  }
  return b.toBundle();
}
