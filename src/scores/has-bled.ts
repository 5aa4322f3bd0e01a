import type { PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreExtra, ScoreOptions } from './extra-schema.js';
import { chartItem } from './items.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import { MEDICATION_SETS } from './knowledge/medications.js';
import { OBSERVATION_SETS } from './knowledge/observations.js';
import type { ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';
import { givenItem, HAS_BLED_LAB_WINDOW_DAYS, hasBledLiver, hasBledRenal } from './has-bled-organs.js';

/** Blood pressure for "uncontrolled hypertension" is the latest systolic within this many days. */
export const HAS_BLED_BP_WINDOW_DAYS = 90;
const REFERENCE =
  'Pisters R, Lane DA, Nieuwlaat R, de Vos CB, Crijns HJGM, Lip GYH. A novel user-friendly score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial fibrillation. Chest 2010;138(5):1093-1100';

type HasBledExtra = ScoreExtra['hasBled'];

function uncontrolledBp(b: ScoreBuilder, extra: HasBledExtra): void {
  const label = 'H: uncontrolled hypertension (systolic > 160 mmHg)';
  if (givenItem(b, 'hypertension', label, extra?.uncontrolledHypertension)) {
    return;
  }
  const hours = HAS_BLED_BP_WINDOW_DAYS * 24;
  b.window('systolic-bp', hours);
  const r = b.reader.vital('systolic-bp', 'mm[Hg]', hours);
  if (!r) {
    b.add({
      id: 'hypertension',
      label,
      input: null,
      unit: 'mm[Hg]',
      points: null,
      basis: 'missing',
      possible: [0, 1],
      extraKey: 'hasBled.uncontrolledHypertension',
    });
    return;
  }
  const v = roundTo(r.value, 0);
  b.add({
    id: 'hypertension',
    label,
    input: v,
    unit: 'mm[Hg]',
    points: v > 160 ? 1 : 0,
    basis: 'chart',
    facts: [r.fact],
  });
}

function bleeding(b: ScoreBuilder, extra: HasBledExtra): void {
  const label = 'B: bleeding history or predisposition (incl. anaemia)';
  if (givenItem(b, 'bleeding', label, extra?.bleeding)) {
    return;
  }
  const docs = b.reader.problems(CONDITION_SETS.bleedingOrPredisposition);
  const hours = HAS_BLED_LAB_WINDOW_DAYS * 24;
  b.window('hemoglobin', hours);
  const hb = b.reader.lab(OBSERVATION_SETS.hemoglobin, hours);
  const threshold = b.reader.sex() === 'female' ? 12 : 13;
  const anaemic = hb !== null && b.reader.sex() !== null && hb.value < threshold;
  if (docs.length > 0 || anaemic) {
    const facts = [...docs, ...(anaemic && hb ? [hb.fact] : [])];
    const note = [
      ...docs.map((d) => d.text),
      ...(anaemic && hb ? [`haemoglobin ${String(hb.value)} g/dL (< ${String(threshold)}, WHO anaemia)`] : []),
    ].join('; ');
    b.add({ id: 'bleeding', label, input: true, points: 1, basis: 'chart', facts, note });
    return;
  }
  b.add({ id: 'bleeding', label, input: false, points: 0, basis: 'not-documented', facts: hb ? [hb.fact] : [] });
  b.assumptions.push(`${label}: not documented in the chart, scored as absent (override with extra.hasBled.bleeding)`);
}

function labileInr(b: ScoreBuilder, extra: HasBledExtra): void {
  const label = 'L: labile INR (unstable/high INRs or TTR < 60%)';
  if (givenItem(b, 'labile-inr', label, extra?.labileInr)) {
    return;
  }
  const vka = b.reader.medications(MEDICATION_SETS.vitaminKAntagonist);
  if (vka.length === 0) {
    b.add({
      id: 'labile-inr',
      label,
      input: false,
      points: 0,
      basis: 'rule-default',
      note: 'not on a vitamin K antagonist',
    });
    b.assumptions.push('HAS-BLED labile INR applies to vitamin K antagonist users only: not on a VKA, scored 0');
    return;
  }
  b.add({
    id: 'labile-inr',
    label,
    input: null,
    points: null,
    basis: 'missing',
    facts: vka,
    possible: [0, 1],
    extraKey: 'hasBled.labileInr',
    missingReason: 'on a VKA: time in therapeutic range needs the clinician',
  });
}

/** HAS-BLED (Pisters 2010): 1-year major bleeding risk on anticoagulation; >= 3 is high risk. */
export function hasBled(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  b.requireAge(18, 'HAS-BLED');
  const extra = options.extra?.hasBled;
  uncontrolledBp(b, extra);
  hasBledRenal(b, extra);
  hasBledLiver(b, extra);
  chartItem(b, {
    id: 'stroke',
    label: 'S: prior stroke',
    points: 1,
    extra: extra?.stroke,
    extraKey: 'hasBled.stroke',
    conditions: CONDITION_SETS.stroke,
  });
  bleeding(b, extra);
  labileInr(b, extra);
  const age = b.reader.age();
  if (age === null) {
    b.add({
      id: 'elderly',
      label: 'E: elderly (age > 65)',
      input: null,
      unit: 'a',
      points: null,
      basis: 'missing',
      possible: [0, 1],
    });
  } else {
    b.add({
      id: 'elderly',
      label: 'E: elderly (age > 65)',
      input: age,
      unit: 'a',
      points: age > 65 ? 1 : 0,
      basis: 'chart',
    });
  }
  chartItem(b, {
    id: 'drugs',
    label: 'D: drugs predisposing to bleeding (antiplatelets, NSAIDs)',
    points: 1,
    extra: extra?.drugs,
    extraKey: 'hasBled.drugs',
    medications: MEDICATION_SETS.bleedingDrugs,
  });
  chartItem(b, {
    id: 'alcohol',
    label: 'D: alcohol >= 8 drinks/week',
    points: 1,
    extra: extra?.alcohol,
    extraKey: 'hasBled.alcohol',
    conditions: CONDITION_SETS.alcoholUseDisorder,
    absenceUnknown: true,
  });
  for (const id of ['hypertension', 'labile-inr', 'drugs', 'alcohol']) {
    const c = b.components.find((x) => x.id === id);
    if (c?.points === 1) {
      b.reasons.push(`modifiable: ${c.label}`);
      if (!b.flags.includes('modifiable-risk')) {
        b.flags.push('modifiable-risk');
      }
    }
  }
  const meta = { id: 'has-bled' as const, name: 'HAS-BLED', version: 'HAS-BLED (Pisters 2010)', reference: REFERENCE };
  return b.finishSum(meta, (value, range) => {
    if (range.min >= 3) {
      return {
        band: band('Pisters 2010', 'high', 'High bleeding risk (>= 3)'),
        interpretation: `HAS-BLED ${String(value)}: high risk; not a reason to withhold anticoagulation, correct modifiable factors and review more often`,
      };
    }
    if (range.max < 3) {
      return {
        band: band('Pisters 2010', 'not-high', 'Low to moderate (< 3)'),
        interpretation: `HAS-BLED ${String(value)}`,
      };
    }
    return {
      band: null,
      interpretation: `HAS-BLED ${String(value)} from known items (could be ${String(range.min)}-${String(range.max)})`,
    };
  });
}
