import type { PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreOptions } from './extra-schema.js';
import { latestVital } from './items.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import { MEDICATION_SETS } from './knowledge/medications.js';
import { addMentationComponent } from './mentation.js';
import type { ScoreBand, ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';

/** Vitals older than this (hours before the evaluation time) are not used: NEWS2 observations are at least 12-hourly. */
export const NEWS2_WINDOW_HOURS = 12;

const REFERENCE =
  'Royal College of Physicians. National Early Warning Score (NEWS) 2: Standardising the assessment of acute-illness severity in the NHS. London: RCP, 2017';

/** Respiration rate points (rounded to an integer first). */
export function news2RespPoints(rr: number): number {
  return rr <= 8 ? 3 : rr <= 11 ? 1 : rr <= 20 ? 0 : rr <= 24 ? 2 : 3;
}

/** SpO2 scale 1 points. */
export function news2Spo2Scale1Points(spo2: number): number {
  return spo2 <= 91 ? 3 : spo2 <= 93 ? 2 : spo2 <= 95 ? 1 : 0;
}

/** SpO2 scale 2 points (hypercapnic respiratory failure); above 92% the points depend on oxygen. */
export function news2Spo2Scale2Points(spo2: number, oxygen: boolean): number {
  if (spo2 <= 83) {
    return 3;
  }
  if (spo2 <= 85) {
    return 2;
  }
  if (spo2 <= 87) {
    return 1;
  }
  if (spo2 <= 92 || !oxygen) {
    return 0;
  }
  return spo2 <= 94 ? 1 : spo2 <= 96 ? 2 : 3;
}

/** Systolic blood pressure points. */
export function news2SystolicPoints(sbp: number): number {
  return sbp <= 90 ? 3 : sbp <= 100 ? 2 : sbp <= 110 ? 1 : sbp <= 219 ? 0 : 3;
}

/** Pulse points. */
export function news2PulsePoints(hr: number): number {
  return hr <= 40 ? 3 : hr <= 50 ? 1 : hr <= 90 ? 0 : hr <= 110 ? 1 : hr <= 130 ? 2 : 3;
}

/** Temperature points (°C rounded to one decimal first). */
export function news2TemperaturePoints(t: number): number {
  return t <= 35.0 ? 3 : t <= 36.0 ? 1 : t <= 38.0 ? 0 : t <= 39.0 ? 1 : 2;
}

function bandOf(total: number, anyThree: boolean): ScoreBand {
  if (total >= 7) {
    return band('RCP 2017', 'high', 'High (emergency response, continuous monitoring)');
  }
  if (total >= 5) {
    return band('RCP 2017', 'medium', 'Medium (key threshold for urgent response, at least hourly)');
  }
  if (anyThree) {
    return band('RCP 2017', 'low-medium', 'Low-medium (single parameter scoring 3: urgent ward-based response)');
  }
  return total === 0
    ? band('RCP 2017', 'low-zero', 'Low (score 0: routine monitoring, at least 12-hourly)')
    : band('RCP 2017', 'low', 'Low (ward-based response, 4-6-hourly)');
}

function oxygenStatus(b: ScoreBuilder, extra: boolean | undefined): boolean | null {
  const base = { id: 'air-or-oxygen', label: 'Air or oxygen' };
  if (extra !== undefined) {
    b.add({ ...base, input: extra ? 'oxygen' : 'air', points: extra ? 2 : 0, basis: 'extra' });
    return extra;
  }
  const flow = latestVital(b, 'inspired-o2-flow', 'L/min', NEWS2_WINDOW_HOURS);
  const fio2 = latestVital(b, 'inspired-o2-fraction', '%', NEWS2_WINDOW_HOURS);
  const newest = [flow, fio2].filter((r) => r !== null).sort((x, y) => Date.parse(y.time) - Date.parse(x.time))[0];
  if (newest) {
    const onOxygen = newest === flow ? newest.value > 0 : newest.value > 21;
    const input = onOxygen ? 'oxygen' : 'air';
    b.add({ ...base, input, points: onOxygen ? 2 : 0, basis: 'chart', facts: [newest.fact] });
    return onOxygen;
  }
  const meds = b.reader.medications(MEDICATION_SETS.oxygen);
  if (meds.length > 0) {
    b.add({ ...base, input: 'oxygen', points: 2, basis: 'chart', facts: meds, note: 'active oxygen order' });
    return true;
  }
  b.add({
    ...base,
    input: null,
    points: null,
    basis: 'missing',
    possible: [0, 2],
    extraKey: 'news2.supplementalOxygen',
    missingReason: `no inspired O2 flow/FiO2 within ${String(NEWS2_WINDOW_HOURS)} h and no active oxygen order`,
  });
  return null;
}

function vitalComponent(
  b: ScoreBuilder,
  spec: { id: string; label: string; sign: Parameters<ChartReader['vital']>[0]; unit: string; decimals: number },
  points: (v: number) => number,
  possible: readonly [number, number],
): void {
  const r = latestVital(b, spec.sign, spec.unit, NEWS2_WINDOW_HOURS);
  if (!r) {
    b.add({ id: spec.id, label: spec.label, input: null, unit: spec.unit, points: null, basis: 'missing', possible });
    return;
  }
  const v = roundTo(r.value, spec.decimals);
  b.add({
    id: spec.id,
    label: spec.label,
    input: v,
    unit: spec.unit,
    points: points(v),
    basis: 'chart',
    facts: [r.fact],
  });
}

function spo2Component(b: ScoreBuilder, scale: 1 | 2, oxygen: boolean | null): void {
  const label = `SpO2 (scale ${String(scale)})`;
  const r = latestVital(b, 'spo2', '%', NEWS2_WINDOW_HOURS);
  if (!r) {
    b.add({ id: 'spo2', label, input: null, unit: '%', points: null, basis: 'missing', possible: [0, 3] });
    return;
  }
  const v = roundTo(r.value, 0);
  if (scale === 1) {
    b.add({
      id: 'spo2',
      label,
      input: v,
      unit: '%',
      points: news2Spo2Scale1Points(v),
      basis: 'chart',
      facts: [r.fact],
    });
    return;
  }
  if (oxygen === null && v >= 93) {
    b.add({
      id: 'spo2',
      label,
      input: v,
      unit: '%',
      points: null,
      basis: 'missing',
      facts: [r.fact],
      possible: [0, news2Spo2Scale2Points(v, true)],
      extraKey: 'news2.supplementalOxygen',
      missingReason: 'scale 2 points above 92% depend on whether the patient is on oxygen',
    });
    return;
  }
  const points = news2Spo2Scale2Points(v, oxygen === true);
  b.add({ id: 'spo2', label, input: v, unit: '%', points, basis: 'chart', facts: [r.fact] });
}

function consciousnessComponent(b: ScoreBuilder, extra: ScoreOptions['extra']): void {
  addMentationComponent(b, {
    id: 'consciousness',
    label: 'Consciousness (ACVPU)',
    windowHours: NEWS2_WINDOW_HOURS,
    given: extra?.news2?.consciousness,
    extraKey: 'news2.consciousness',
    missingReason: `no level of consciousness or GCS within ${String(NEWS2_WINDOW_HOURS)} h`,
    fromChart: (m) => m.level,
    points: (level) => (level === 'alert' ? 0 : 3),
    possible: [0, 3],
  });
}

/** NEWS2 from the latest observations within 12 h; SpO2 scale 2 only when the clinician says so (extra.news2). */
export function news2(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const reader = new ChartReader(ctx, options.now ?? new Date(ctx.asOf));
  const b = new ScoreBuilder(reader);
  b.requireAge(16, 'NEWS2');
  const scale = options.extra?.news2?.spo2Scale ?? 1;
  const hypercapnic = reader.problems(CONDITION_SETS.hypercapnicRespiratoryFailure);
  if (scale === 1 && hypercapnic.length > 0) {
    hypercapnic.forEach((p) => {
      b.use(p);
    });
    b.assumptions.push(
      'Hypercapnic respiratory failure documented: a clinician may prescribe SpO2 scale 2 (extra.news2.spo2Scale = 2)',
    );
    b.flags.push('consider-spo2-scale-2');
  }
  if (scale === 2) {
    b.assumptions.push(
      "SpO2 scale 2 used at the clinician's request (confirmed hypercapnic respiratory failure, target 88-92%)",
    );
  }
  vitalComponent(
    b,
    { id: 'respiratory-rate', label: 'Respiration rate', sign: 'respiratory-rate', unit: '/min', decimals: 0 },
    news2RespPoints,
    [0, 3],
  );
  const oxygen = oxygenStatus(b, options.extra?.news2?.supplementalOxygen);
  spo2Component(b, scale, oxygen);
  vitalComponent(
    b,
    { id: 'systolic-bp', label: 'Systolic blood pressure', sign: 'systolic-bp', unit: 'mm[Hg]', decimals: 0 },
    news2SystolicPoints,
    [0, 3],
  );
  vitalComponent(
    b,
    { id: 'pulse', label: 'Pulse', sign: 'heart-rate', unit: '/min', decimals: 0 },
    news2PulsePoints,
    [0, 3],
  );
  consciousnessComponent(b, options.extra);
  vitalComponent(
    b,
    { id: 'temperature', label: 'Temperature', sign: 'temperature', unit: 'Cel', decimals: 1 },
    news2TemperaturePoints,
    [0, 3],
  );
  const anyThree = b.components.some((c) => c.points === 3);
  const canBeThree = anyThree || b.missing.length > 0;
  const meta = {
    id: 'news2' as const,
    name: 'NEWS2',
    version: `NEWS2 (RCP 2017), SpO2 scale ${String(scale)}`,
    reference: REFERENCE,
  };
  return b.finishSum(meta, (value, range) => {
    const low = bandOf(range.min, anyThree);
    const high = bandOf(range.max, canBeThree);
    const decided = low.id === high.id ? low : null;
    const text = decided
      ? `NEWS2 ${String(value)}: ${decided.label}`
      : `NEWS2 ${String(value)} from known parameters (could be ${String(range.min)}-${String(range.max)}): band undecided until the missing parameters are recorded`;
    if (anyThree) {
      b.reasons.push('a single parameter scores 3');
      b.flags.push('single-parameter-3');
    }
    return { band: decided, interpretation: text };
  });
}
