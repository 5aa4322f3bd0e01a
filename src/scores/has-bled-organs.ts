import type { ObservationFact, ProblemFact } from '../patient/index.js';
import type { Reading } from './chart-reader.js';
import type { ScoreExtra } from './extra-schema.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import { OBSERVATION_SETS } from './knowledge/observations.js';
import { roundTo, type ScoreBuilder } from './score-builder.js';

/** Creatinine, liver tests and haemoglobin are the latest within this many days. */
export const HAS_BLED_LAB_WINDOW_DAYS = 365;
/** Creatinine at or above this (µmol/L) is abnormal renal function. */
export const HAS_BLED_CREATININE_UMOL = 200;

const MG_DL_TO_UMOL_L_CREATININE = 88.4;

type HasBledExtra = ScoreExtra['hasBled'];

/** Records a clinician-given yes/no item; returns false when not given. */
export function givenItem(b: ScoreBuilder, id: string, label: string, value: boolean | undefined): boolean {
  if (value === undefined) {
    return false;
  }
  b.add({ id, label, input: value, points: value ? 1 : 0, basis: 'extra' });
  return true;
}

/** Scores 1 point from documented problems (e.g. dialysis, cirrhosis) when there are any; returns whether it did. */
function documentedItem(b: ScoreBuilder, id: string, label: string, docs: ProblemFact[]): boolean {
  if (docs.length === 0) {
    return false;
  }
  b.add({ id, label, input: true, points: 1, basis: 'chart', facts: docs, note: docs.map((d) => d.text).join('; ') });
  return true;
}

/** HAS-BLED "A" renal: dialysis/transplant documented, else creatinine >= 200 µmol/L. */
export function hasBledRenal(b: ScoreBuilder, extra: HasBledExtra): void {
  const label = 'A: abnormal renal function (dialysis, transplant or creatinine >= 200 µmol/L)';
  if (givenItem(b, 'renal', label, extra?.abnormalRenal)) {
    return;
  }
  if (documentedItem(b, 'renal', label, b.reader.problems(CONDITION_SETS.renalDialysisOrTransplant))) {
    return;
  }
  const hours = HAS_BLED_LAB_WINDOW_DAYS * 24;
  b.window('creatinine', hours);
  const r = b.reader.lab(OBSERVATION_SETS.creatinine, hours);
  if (!r) {
    b.add({
      id: 'renal',
      label,
      input: null,
      unit: 'umol/L',
      points: null,
      basis: 'missing',
      possible: [0, 1],
      extraKey: 'hasBled.abnormalRenal',
    });
    return;
  }
  const umol = roundTo(r.value * MG_DL_TO_UMOL_L_CREATININE, 0);
  b.assumptions.push('HAS-BLED renal: no dialysis or renal transplant documented');
  b.add({
    id: 'renal',
    label,
    input: umol,
    unit: 'umol/L',
    points: umol >= HAS_BLED_CREATININE_UMOL ? 1 : 0,
    basis: 'chart',
    facts: [r.fact],
  });
}

function upperLimit(r: Reading): number | null {
  const high = r.fact.referenceRange?.high ?? null;
  return high !== null && r.fact.referenceRange?.unit === r.unit ? high : null;
}

/** HAS-BLED "A" liver: chronic liver disease documented, else bilirubin > 2x ULN with AST/ALT/ALP > 3x ULN. */
export function hasBledLiver(b: ScoreBuilder, extra: HasBledExtra): void {
  const label = 'A: abnormal liver function (cirrhosis, or bilirubin > 2x ULN with AST/ALT/ALP > 3x ULN)';
  if (givenItem(b, 'liver', label, extra?.abnormalLiver)) {
    return;
  }
  if (documentedItem(b, 'liver', label, b.reader.problems(CONDITION_SETS.chronicLiverDisease))) {
    return;
  }
  const hours = HAS_BLED_LAB_WINDOW_DAYS * 24;
  b.window('liver-tests', hours);
  const bili = b.reader.lab(OBSERVATION_SETS.bilirubin, hours);
  const enzymes = [OBSERVATION_SETS.ast, OBSERVATION_SETS.alt, OBSERVATION_SETS.alp]
    .map((s) => b.reader.lab(s, hours))
    .filter((r): r is Reading => r !== null);
  const biliUln = bili ? upperLimit(bili) : null;
  if (!bili || biliUln === null || enzymes.length === 0) {
    const reason =
      'no chronic liver disease documented and no bilirubin with AST/ALT/ALP (and upper limits) in the last year';
    b.add({
      id: 'liver',
      label,
      input: null,
      points: null,
      basis: 'missing',
      possible: [0, 1],
      extraKey: 'hasBled.abnormalLiver',
      missingReason: reason,
    });
    return;
  }
  const enzymeHigh = enzymes.some((e) => {
    const uln = upperLimit(e);
    return uln !== null && e.value > 3 * uln;
  });
  const abnormal = bili.value > 2 * biliUln && enzymeHigh;
  const facts: ObservationFact[] = [bili.fact, ...enzymes.map((e) => e.fact)];
  b.assumptions.push('HAS-BLED liver: no chronic liver disease documented; biochemistry used');
  b.add({ id: 'liver', label, input: abnormal, points: abnormal ? 1 : 0, basis: 'chart', facts });
}
