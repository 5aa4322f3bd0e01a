import type { ObservationFact, PatientContext } from '../patient/index.js';
import { ChartReader, type Reading } from './chart-reader.js';
import type { ScoreExtra, ScoreOptions } from './extra-schema.js';
import { MEDICATION_SETS } from './knowledge/medications.js';
import { OBSERVATION_SETS } from './knowledge/observations.js';
import type { ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';
import {
  sofaBilirubinPoints,
  sofaCardiovascularPoints,
  sofaGcsPoints,
  sofaPlateletPoints,
  sofaRenalPoints,
  sofaRespirationPoints,
  type SofaDoses,
} from './sofa-points.js';

/** SOFA uses the worst value of each organ within this window. */
export const SOFA_WINDOW_HOURS = 24;

const REFERENCE =
  'Vincent JL et al. The SOFA (Sepsis-related Organ Failure Assessment) score to describe organ dysfunction/failure. Intensive Care Med 1996;22:707-710; Singer M et al. JAMA 2016;315(8):801-810 (Sepsis-3)';

type SofaExtra = NonNullable<ScoreExtra['sofa']>;

function worst(readings: Reading[], pick: 'min' | 'max'): Reading | null {
  let best: Reading | null = null;
  for (const r of readings) {
    if (!best || (pick === 'min' ? r.value < best.value : r.value > best.value)) {
      best = r;
    }
  }
  return best;
}

function nearest(readings: Reading[], time: string): Reading | null {
  const t = Date.parse(time);
  let best: Reading | null = null;
  for (const r of readings) {
    if (!best || Math.abs(Date.parse(r.time) - t) < Math.abs(Date.parse(best.time) - t)) {
      best = r;
    }
  }
  return best;
}

function respiration(b: ScoreBuilder, extra: SofaExtra | undefined): void {
  const base = { id: 'respiration', label: 'Respiration (PaO2/FiO2)', unit: 'mm[Hg]' };
  b.window('pao2', SOFA_WINDOW_HOURS);
  b.window('inspired-o2-fraction', SOFA_WINDOW_HOURS);
  const fio2s = b.reader.vitals('inspired-o2-fraction', '%', SOFA_WINDOW_HOURS);
  const pairs = b.reader.labs(OBSERVATION_SETS.pao2, SOFA_WINDOW_HOURS).flatMap((p) => {
    const f = nearest(fio2s, p.time);
    return f && f.value > 0 ? [{ ratio: roundTo(p.value / (f.value / 100), 0), facts: [p.fact, f.fact] }] : [];
  });
  const low = pairs.sort((x, y) => x.ratio - y.ratio)[0];
  if (!low) {
    const reason = 'needs an arterial PaO2 and the FiO2 at that time';
    b.add({ ...base, input: null, points: null, basis: 'missing', possible: [0, 4], missingReason: reason });
    return;
  }
  const support = extra?.respiratorySupport;
  if (support === undefined && low.ratio < 200) {
    const reason = 'P/F < 200 scores 3-4 only with respiratory support';
    b.add({
      ...base,
      input: low.ratio,
      points: null,
      basis: 'missing',
      facts: low.facts,
      possible: [2, low.ratio < 100 ? 4 : 3],
      extraKey: 'sofa.respiratorySupport',
      missingReason: reason,
    });
    return;
  }
  const points = sofaRespirationPoints(low.ratio, support === true);
  b.add({ ...base, input: low.ratio, points, basis: 'chart', facts: low.facts });
}

interface MapReading {
  value: number;
  facts: ObservationFact[];
}

function meanPressures(b: ScoreBuilder): MapReading[] {
  const out: MapReading[] = b.reader
    .vitals('mean-bp', 'mm[Hg]', SOFA_WINDOW_HOURS)
    .map((r) => ({ value: r.value, facts: [r.fact] }));
  const dias = b.reader.vitals('diastolic-bp', 'mm[Hg]', SOFA_WINDOW_HOURS);
  for (const s of b.reader.vitals('systolic-bp', 'mm[Hg]', SOFA_WINDOW_HOURS)) {
    const d = dias.find((x) => x.time === s.time);
    if (d) {
      out.push({ value: roundTo((s.value + 2 * d.value) / 3, 0), facts: [s.fact, d.fact] });
    }
  }
  return out;
}

function cardiovascular(b: ScoreBuilder, extra: SofaExtra | undefined): void {
  const base = { id: 'cardiovascular', label: 'Cardiovascular (MAP, vasopressors)', unit: 'mm[Hg]' };
  b.window('mean-bp', SOFA_WINDOW_HOURS);
  const low = meanPressures(b).sort((x, y) => x.value - y.value)[0];
  const facts = low?.facts ?? [];
  const doses: SofaDoses = extra ?? {};
  const dosesGiven = [doses.dopamine, doses.dobutamine, doses.epinephrine, doses.norepinephrine].some(
    (d) => d !== undefined,
  );
  const pressors = b.reader.medications(MEDICATION_SETS.vasopressor);
  if (dosesGiven) {
    const points = sofaCardiovascularPoints(low?.value ?? null, doses);
    b.add({
      ...base,
      input: low?.value ?? null,
      points,
      basis: 'extra',
      facts,
      note: 'catecholamine doses given by the clinician',
    });
    return;
  }
  if (pressors.length > 0) {
    const reason = 'an active vasopressor/inotrope order was found but its dose in µg/kg/min is needed';
    b.add({
      ...base,
      input: low?.value ?? null,
      points: null,
      basis: 'missing',
      facts: [...facts, ...pressors],
      possible: [2, 4],
      extraKey: 'sofa.norepinephrine',
      missingReason: reason,
    });
    return;
  }
  if (!low) {
    b.add({
      ...base,
      input: null,
      points: null,
      basis: 'missing',
      possible: [0, 1],
      missingReason: 'no blood pressure within 24 h',
    });
    return;
  }
  b.assumptions.push('SOFA cardiovascular: no vasopressor or inotrope documented, scored from MAP only');
  b.add({
    ...base,
    input: low.value,
    points: sofaCardiovascularPoints(low.value, {}),
    basis: 'chart',
    facts,
    note: 'lowest MAP in 24 h (measured, or (SBP + 2 DBP)/3)',
  });
}

function labOrgan(
  b: ScoreBuilder,
  spec: { id: string; label: string; set: (typeof OBSERVATION_SETS)['platelets' | 'bilirubin']; pick: 'min' | 'max' },
  points: (v: number) => number,
): void {
  b.window(spec.set.id, SOFA_WINDOW_HOURS);
  const r = worst(b.reader.labs(spec.set, SOFA_WINDOW_HOURS), spec.pick);
  const base = { id: spec.id, label: spec.label, unit: spec.set.unit };
  if (!r) {
    b.add({ ...base, input: null, points: null, basis: 'missing', possible: [0, 4] });
    return;
  }
  b.add({ ...base, input: r.value, points: points(r.value), basis: 'chart', facts: [r.fact] });
}

function cns(b: ScoreBuilder, extra: SofaExtra | undefined): void {
  const base = { id: 'cns', label: 'Central nervous system (GCS)', unit: '{score}' };
  if (extra?.gcs !== undefined) {
    b.add({ ...base, input: extra.gcs, points: sofaGcsPoints(extra.gcs), basis: 'extra' });
    return;
  }
  b.window('gcs', SOFA_WINDOW_HOURS);
  const r = worst(b.reader.vitals('gcs', '{score}', SOFA_WINDOW_HOURS), 'min');
  if (!r) {
    b.add({ ...base, input: null, points: null, basis: 'missing', possible: [0, 4], extraKey: 'sofa.gcs' });
    return;
  }
  b.add({ ...base, input: r.value, points: sofaGcsPoints(r.value), basis: 'chart', facts: [r.fact] });
}

function renal(b: ScoreBuilder, extra: SofaExtra | undefined): void {
  const base = { id: 'renal', label: 'Renal (creatinine or urine output)', unit: 'mg/dL' };
  b.window('creatinine', SOFA_WINDOW_HOURS);
  const r = worst(b.reader.labs(OBSERVATION_SETS.creatinine, SOFA_WINDOW_HOURS), 'max');
  const urine = extra?.urineOutputMlPerDay ?? null;
  if (!r && urine === null) {
    b.add({
      ...base,
      input: null,
      points: null,
      basis: 'missing',
      possible: [0, 4],
      extraKey: 'sofa.urineOutputMlPerDay',
    });
    return;
  }
  const points = sofaRenalPoints(r?.value ?? null, urine);
  const note = urine === null ? null : `urine output ${String(urine)} mL/day (clinician-entered)`;
  b.add({
    ...base,
    input: r?.value ?? null,
    points,
    basis: r ? 'chart' : 'extra',
    facts: r ? [r.fact] : [],
    ...(note ? { note } : {}),
  });
}

/** SOFA (Vincent 1996) from the worst values of the last 24 h; organs without data are listed as missing. */
export function sofa(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  b.requireAge(18, 'SOFA (Sepsis-3)');
  const extra = options.extra?.sofa;
  respiration(b, extra);
  labOrgan(
    b,
    { id: 'coagulation', label: 'Coagulation (platelets)', set: OBSERVATION_SETS.platelets, pick: 'min' },
    sofaPlateletPoints,
  );
  labOrgan(
    b,
    { id: 'liver', label: 'Liver (bilirubin)', set: OBSERVATION_SETS.bilirubin, pick: 'max' },
    sofaBilirubinPoints,
  );
  cardiovascular(b, extra);
  cns(b, extra);
  renal(b, extra);
  b.assumptions.push('Baseline SOFA assumed 0 (Sepsis-3 rule when the pre-existing baseline is unknown)');
  const meta = {
    id: 'sofa' as const,
    name: 'SOFA',
    version: 'SOFA (Vincent 1996; Sepsis-3 use)',
    reference: REFERENCE,
  };
  return b.finishSum(meta, (value, range) => {
    if (range.min >= 2) {
      return {
        band: band('Sepsis-3', 'organ-dysfunction', 'Organ dysfunction (acute rise >= 2)'),
        interpretation: `SOFA ${String(value)}: with suspected infection, meets the Sepsis-3 organ-dysfunction criterion`,
      };
    }
    if (range.max < 2) {
      return { band: band('Sepsis-3', 'below-threshold', 'Below 2'), interpretation: `SOFA ${String(value)}` };
    }
    return {
      band: null,
      interpretation: `SOFA ${String(value)} from organs with data (could be ${String(range.min)}-${String(range.max)})`,
    };
  });
}
