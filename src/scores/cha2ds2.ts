import type { PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreExtra, ScoreOptions } from './extra-schema.js';
import { chartItem } from './items.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import { MEDICATION_SETS } from './knowledge/medications.js';
import type { ScoreBand, ScoreResult } from './result-schema.js';
import { band, ScoreBuilder } from './score-builder.js';

const REFERENCE =
  'Lip GYH, Nieuwlaat R, Pisters R, Lane DA, Crijns HJGM. Refining clinical risk stratification for predicting stroke and thromboembolism in atrial fibrillation. Chest 2010;137(2):263-272';
const REFERENCE_VA =
  'Van Gelder IC et al. 2024 ESC Guidelines for the management of atrial fibrillation. Eur Heart J 2024;45:3314-3414 (CHA2DS2-VA)';

/** Age points shared by both variants: 2 at >= 75, 1 at 65-74 (mutually exclusive). */
export function cha2ds2AgePoints(age: number): number {
  return age >= 75 ? 2 : age >= 65 ? 1 : 0;
}

function items(b: ScoreBuilder, extra: ScoreExtra['cha2ds2vasc'], withSex: boolean): void {
  chartItem(b, {
    id: 'heart-failure',
    label: 'C: congestive heart failure / LV dysfunction',
    points: 1,
    extra: extra?.heartFailure,
    extraKey: 'cha2ds2vasc.heartFailure',
    conditions: CONDITION_SETS.heartFailure,
  });
  chartItem(b, {
    id: 'hypertension',
    label: 'H: hypertension',
    points: 1,
    extra: extra?.hypertension,
    extraKey: 'cha2ds2vasc.hypertension',
    conditions: CONDITION_SETS.hypertension,
  });
  const age = b.reader.age();
  if (age === null) {
    b.add({
      id: 'age',
      label: 'A2/A: age',
      input: null,
      unit: 'a',
      points: null,
      basis: 'missing',
      possible: [0, 2],
      missingReason: 'no birth date',
    });
  } else {
    b.add({
      id: 'age',
      label: 'A2/A: age (>= 75: 2, 65-74: 1)',
      input: age,
      unit: 'a',
      points: cha2ds2AgePoints(age),
      basis: 'chart',
    });
  }
  chartItem(b, {
    id: 'diabetes',
    label: 'D: diabetes mellitus',
    points: 1,
    extra: extra?.diabetes,
    extraKey: 'cha2ds2vasc.diabetes',
    conditions: CONDITION_SETS.diabetes,
  });
  chartItem(b, {
    id: 'stroke-tia-thromboembolism',
    label: 'S2: prior stroke, TIA or thromboembolism',
    points: 2,
    extra: extra?.strokeTiaThromboembolism,
    extraKey: 'cha2ds2vasc.strokeTiaThromboembolism',
    conditions: CONDITION_SETS.strokeTiaThromboembolism,
  });
  chartItem(b, {
    id: 'vascular-disease',
    label: 'V: vascular disease (prior MI, PAD, aortic plaque)',
    points: 1,
    extra: extra?.vascularDisease,
    extraKey: 'cha2ds2vasc.vascularDisease',
    conditions: CONDITION_SETS.vascularDisease,
  });
  if (withSex) {
    const sex = b.reader.sex();
    if (sex === null) {
      b.add({
        id: 'sex',
        label: 'Sc: sex category female',
        input: null,
        points: null,
        basis: 'missing',
        possible: [0, 1],
        missingReason: 'administrative sex not male or female',
      });
    } else {
      b.add({
        id: 'sex',
        label: 'Sc: sex category female',
        input: sex,
        points: sex === 'female' ? 1 : 0,
        basis: 'chart',
      });
    }
  }
}

function context(b: ScoreBuilder): void {
  const af = b.reader.problems(CONDITION_SETS.atrialFibrillation);
  af.forEach((f) => {
    b.use(f);
  });
  if (af.length === 0) {
    b.notApplicable =
      'no atrial fibrillation or flutter documented (the score is validated in AF); value given for information';
  }
  const anticoagulants = b.reader.medications(MEDICATION_SETS.anticoagulant);
  anticoagulants.forEach((f) => {
    b.use(f);
  });
  b.flags.push(anticoagulants.length > 0 ? 'on-anticoagulant' : 'no-anticoagulant');
  b.reasons.push(
    anticoagulants.length > 0
      ? `active anticoagulant: ${anticoagulants.map((m) => m.text).join('; ')}`
      : 'no active anticoagulant',
  );
}

function levels(scheme: string, value: number, consider: number): ScoreBand {
  if (value > consider) {
    return band(scheme, 'oac-recommended', 'Oral anticoagulation recommended');
  }
  return value === consider
    ? band(scheme, 'oac-consider', 'Oral anticoagulation to be considered')
    : band(scheme, 'low', 'Low risk: no antithrombotic therapy indicated');
}

function decided(scheme: string, range: { min: number; max: number }, consider: number): ScoreBand | null {
  const a = levels(scheme, range.min, consider);
  return a.id === levels(scheme, range.max, consider).id ? a : null;
}

/** CHA2DS2-VASc (Lip 2010) with the sex-specific ESC 2020 / ACC/AHA 2023 thresholds (OAC at >= 2 men, >= 3 women). */
export function cha2ds2Vasc(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  items(b, options.extra?.cha2ds2vasc, true);
  context(b);
  const sex = b.reader.sex();
  const meta = {
    id: 'cha2ds2-vasc' as const,
    name: 'CHA2DS2-VASc',
    version: 'CHA2DS2-VASc (Lip 2010); thresholds ESC 2020 / ACC/AHA/ACCP/HRS 2023',
    reference: REFERENCE,
  };
  return b.finishSum(meta, (value, range) => {
    const men = decided('ESC 2020 men', range, 1);
    const women = decided('ESC 2020 women', range, 2);
    const primary = sex === 'male' ? men : sex === 'female' ? women : null;
    const other = [men, women].filter((x): x is ScoreBand => x !== null && x !== primary);
    return {
      band: primary,
      otherBands: other,
      interpretation: `CHA2DS2-VASc ${String(value)}${primary ? `: ${primary.label}` : ''}`,
    };
  });
}

/** CHA2DS2-VA (ESC 2024, no sex point): OAC recommended at >= 2, considered at 1. */
export function cha2ds2Va(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  items(b, options.extra?.cha2ds2vasc, false);
  context(b);
  const meta = {
    id: 'cha2ds2-va' as const,
    name: 'CHA2DS2-VA',
    version: 'CHA2DS2-VA (ESC 2024)',
    reference: REFERENCE_VA,
  };
  return b.finishSum(meta, (value, range) => {
    const level = decided('ESC 2024', range, 1);
    return { band: level, interpretation: `CHA2DS2-VA ${String(value)}${level ? `: ${level.label}` : ''}` };
  });
}
