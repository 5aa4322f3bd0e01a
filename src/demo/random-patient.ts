import type { Bundle } from '@medplum/fhirtypes';
import { ALLERGIES, VACCINES, type AllergyDef, type EncounterClass } from './catalog.js';
import {
  addAllergy,
  addNoKnownAllergies,
  addCondition,
  addImmunization,
  addMedication,
  addPatient,
} from './clinical.js';
import { CONDITIONS, type ConditionKey, type ConditionProfile } from './conditions.js';
import { ageAt, DAY, HOUR, MINUTE } from './dates.js';
import { mrnFor, randomDemographics } from './demographics.js';
import type { DrugKey } from './drugs.js';
import { LabModel } from './lab-model.js';
import { agePhrase, callName } from './notes.js';
import type { VitalSet } from './observations.js';
import { itemAt, Rng } from './prng.js';
import { baselineBody, labPanel, visitProcedures } from './random-visit-plan.js';
import { ACUTE_STORIES, FOLLOW_UP_LINES, NORMAL_EXAM } from './random-stories.js';
import { RecordBuilder, type Ref } from './record-builder.js';
import { cliniciansAt, FACILITIES } from './staff.js';
import { recordVisit } from './visit.js';

type Entry = [ConditionKey, ConditionProfile];

function weightedSample(rng: Rng, items: Entry[], n: number): ConditionKey[] {
  const pool = [...items];
  const out: ConditionKey[] = [];
  while (out.length < n && pool.length > 0) {
    const total = pool.reduce((s, [, p]) => s + p.weight, 0);
    let r = rng.next() * total;
    let i = 0;
    for (; i < pool.length - 1; i++) {
      r -= itemAt(pool, i)[1].weight;
      if (r < 0) {
        break;
      }
    }
    const [picked] = pool.splice(i, 1);
    if (picked) {
      out.push(picked[0]);
    }
  }
  return out;
}

const SUBSTITUTES: Partial<Record<DrugKey, { allergy: string; use?: DrugKey }>> = {
  amoxicillin: { allergy: 'penicillin G', use: 'cephalexin' },
  amoxClav: { allergy: 'penicillin G', use: 'cephalexin' },
  lisinopril: { allergy: 'lisinopril', use: 'amlodipine' },
  aspirin: { allergy: 'aspirin' },
};

function safeDrug(drug: DrugKey, allergies: readonly AllergyDef[]): DrugKey | undefined {
  const sub = SUBSTITUTES[drug];
  return sub && allergies.some((a) => a.display === sub.allergy) ? sub.use : drug;
}

/** Options for one random patient. */
export interface RandomPatientOptions {
  seed: number;
  index: number;
  anchor: number;
}

/** Id of the random patient with this seed and index, e.g. `demo-42-0007`. */
export function randomPatientId(seed: number, index: number): string {
  return `demo-${seed}-${String(index).padStart(4, '0')}`;
}

/** Builds the transaction Bundle of one random (but deterministic) patient. */
export function buildRandomPatient(opts: RandomPatientOptions): Bundle {
  const rng = new Rng(opts.seed, opts.index + 101);
  const band = rng.next();
  const [minAge, maxAge] = band < 0.15 ? [0, 17] : band < 0.65 ? [18, 64] : [65, 94];
  const demo = randomDemographics(rng, { mrn: mrnFor(opts.seed, opts.index), anchor: opts.anchor, minAge, maxAge });
  const age = ageAt(demo.birthMs, opts.anchor);
  const facility = age < 18 && rng.chance(0.7) ? itemAt(FACILITIES, 3) : rng.pick(FACILITIES);
  const b = new RecordBuilder(randomPatientId(opts.seed, opts.index), rng, { anchor: opts.anchor, demo, facility });
  addPatient(b);

  const fits = ([, p]: Entry): boolean =>
    p.weight > 0 &&
    age >= p.minAge &&
    (p.maxAge === undefined || age <= p.maxAge) &&
    (p.sex === undefined || p.sex === demo.sex);
  const all = Object.entries(CONDITIONS) as Entry[];
  const nChronic =
    age < 18 ? (rng.chance(0.2) ? 1 : 0) : age < 45 ? rng.int(0, 2) : age < 65 ? rng.int(1, 3) : rng.int(2, 5);
  const chronic = weightedSample(
    rng,
    all.filter((e) => e[1].chronic && fits(e)),
    nChronic,
  );
  const acute = weightedSample(
    rng,
    all.filter((e) => !e[1].chronic && fits(e)),
    rng.int(1, 2),
  );
  const labs = new LabModel(rng, { age, sex: demo.sex, conditions: chronic });

  const nEnc = Math.max(rng.int(2, 8), acute.length + 1);
  const span = rng.int(300, 1400) * DAY;
  const first = opts.anchor - span;
  const times = [first, ...Array.from({ length: nEnc - 1 }, () => first + rng.int(20, span / DAY - 1) * DAY)].sort(
    (x, y) => x - y,
  );
  const acuteAt = new Map<number, ConditionKey>();
  rng
    .sample(
      Array.from({ length: nEnc - 1 }, (_, i) => i + 1),
      acute.length,
    )
    .forEach((encIndex, i) => acuteAt.set(encIndex, itemAt(acute, i)));

  const allergies: AllergyDef[] = rng.chance(0.3) ? rng.sample(ALLERGIES, rng.chance(0.25) ? 2 : 1) : [];
  for (const a of allergies) {
    addAllergy(b, a, first - rng.int(30, 2000) * DAY);
  }
  if (allergies.length === 0) {
    addNoKnownAllergies(b, first);
  }
  const clinicians = cliniciansAt(
    facility,
    age < 18 ? 'Pediatrics' : rng.pick(['Internal Medicine', 'Family Medicine']),
  );
  const pcp = rng.pick(clinicians);
  const child = age < 18;
  const traits = { age, sex: demo.sex, chronic };
  const body = baselineBody(rng, traits);
  const { heightCm, weightKg } = body;
  const baseVitals = body.vitals;
  const htn = chronic.includes('hypertension');
  const conditionRefs = new Map<ConditionKey, Ref>();
  let vaccinated = false;
  let procedures = 0;

  times.forEach((start0, i) => {
    const acuteKey = acuteAt.get(i);
    const story = acuteKey !== undefined ? ACUTE_STORIES[acuteKey] : undefined;
    const cls: EncounterClass =
      acuteKey === 'pneumonia'
        ? rng.chance(0.5)
          ? 'IMP'
          : 'EMER'
        : acuteKey === 'ankleSprain' || (acuteKey === 'uti' && rng.chance(0.3))
          ? 'EMER'
          : 'AMB';
    const start =
      start0 +
      (cls === 'AMB' ? rng.int(8, 16) * HOUR : rng.int(0, 23) * HOUR) +
      rng.int(0, 3) * 15 * MINUTE -
      12 * HOUR;
    const end =
      start + (cls === 'IMP' ? rng.int(2, 5) * DAY : cls === 'EMER' ? rng.int(3, 7) * HOUR : rng.int(20, 45) * MINUTE);
    const years = (start - first) / (365 * DAY);
    const vitals: VitalSet = {
      hr: (baseVitals.hr ?? 72) + rng.normal(0, 4),
      rr: (baseVitals.rr ?? 15) + rng.normal(0, 1),
      temp: (baseVitals.temp ?? 36.7) + rng.normal(0, 0.15),
      sys: (baseVitals.sys ?? 120) + rng.normal(0, 6) - (htn ? years * 4 : 0),
      dia: (baseVitals.dia ?? 75) + rng.normal(0, 4),
      spo2: Math.min(100, (baseVitals.spo2 ?? 97) + rng.normal(0, 0.7)),
      weight: weightKg * (1 + rng.normal(0, 0.015)) * (child ? 1 + years * 0.08 : 1),
      ...(i === 0 || child ? { height: heightCm * (child ? 1 + years * 0.03 : 1) } : {}),
      ...(story ? story.vitals(rng) : {}),
    };
    const visit = { index: i, cls, acute: acuteKey };
    const panel = labPanel(rng, traits, visit);
    const procs = visitProcedures(traits, visit, i === nEnc - 1 && procedures === 0);
    procedures += procs.length;
    const clinician =
      cls === 'AMB' ? pcp : rng.pick(cliniciansAt(facility, child ? 'Pediatrics' : 'Emergency Medicine'));
    const problems = chronic.map((c) => CONDITIONS[c].phrase);
    recordVisit(b, {
      cls,
      start,
      end,
      clinician,
      reason: story
        ? story.cc
        : problems.length > 0
          ? `Follow-up of ${problems.join(', ')}`
          : 'Routine health maintenance',
      ...(acuteKey !== undefined ? { reasonCode: acuteKey } : {}),
      vitals,
      labs: labs.panel(panel, years, acuteKey),
      procedures: procs.map((key) => ({ key })),
      during: (enc) => {
        if (i === 0) {
          for (const c of chronic) {
            conditionRefs.set(
              c,
              addCondition(b, c, {
                onset: start - rng.int(60, Math.max(61, Math.min(4000, (age - CONDITIONS[c].minAge + 1) * 365))) * DAY,
                encounter: enc,
              }),
            );
          }
          for (const c of chronic) {
            const meds = CONDITIONS[c].meds.slice(0, c === 'hypertension' ? rng.int(1, 2) : 3);
            for (const m of meds) {
              const drug = safeDrug(m, allergies);
              const reason = conditionRefs.get(c);
              if (drug !== undefined) {
                const stopped =
                  rng.chance(0.1) && times.length > 1 ? { stoppedAt: itemAt(times, times.length - 1) } : {};
                addMedication(b, drug, {
                  authoredOn: start,
                  clinician,
                  encounter: enc,
                  ...(reason ? { reason } : {}),
                  ...stopped,
                });
              }
            }
          }
        }
        if (acuteKey !== undefined) {
          const recovered = start + rng.int(7, 21) * DAY;
          const cond = addCondition(b, acuteKey, {
            onset: start - rng.int(1, 5) * DAY,
            encounter: enc,
            ...(recovered < opts.anchor ? { abatement: recovered } : {}),
          });
          for (const m of CONDITIONS[acuteKey].meds) {
            const drug = safeDrug(m, allergies);
            const done = start + 10 * DAY;
            if (drug !== undefined) {
              addMedication(b, drug, {
                authoredOn: start,
                clinician,
                encounter: enc,
                reason: cond,
                ...(done < opts.anchor ? { stoppedAt: done } : {}),
              });
            }
          }
        }
        const eligible = VACCINES.filter((v) => age >= v.minAge && (v.maxAge === undefined || age <= v.maxAge));
        if (cls === 'AMB' && eligible.length > 0 && (!vaccinated || rng.chance(0.3))) {
          addImmunization(b, vaccinated ? rng.pick(eligible) : itemAt(eligible, 0), start + 40 * MINUTE, enc);
          vaccinated = true;
        }
      },
      chiefComplaint: story ? story.cc : i === 0 ? 'Establish care' : 'Follow-up visit',
      hpi: story
        ? `${agePhrase(b, start)} with ${problems.length > 0 ? `a history of ${problems.join(', ')}` : 'no significant past history'} presents with ${story.hpi(rng.int(1, 6)).replace(/^./, (ch) => ch.toLowerCase())}`
        : `${i > 0 && rng.chance(0.5) ? callName(b, start) : agePhrase(b, start)} ${i === 0 ? 'presents to establish care' : 'returns for routine follow-up'}.${problems.length > 0 ? ` Known ${problems.join(', ')}.` : ''} ${rng.pick(FOLLOW_UP_LINES)}`,
      exam: story ? story.exam : [...NORMAL_EXAM],
      assessment: story
        ? [CONDITIONS[acuteKey ?? 'uri'].phrase]
        : problems.length > 0
          ? problems.map((p) => `${p}, ${rng.pick(['stable', 'reviewed today', 'ongoing monitoring', 'no change'])}`)
          : [child ? 'Healthy child, growing well' : 'Healthy adult, routine maintenance'],
      plan: story
        ? [CONDITIONS[acuteKey ?? 'uri'].plan]
        : chronic.length > 0
          ? chronic.map((c) => CONDITIONS[c].plan)
          : ['Age-appropriate screening and vaccines reviewed'],
    });
  });
  return b.toBundle();
}
