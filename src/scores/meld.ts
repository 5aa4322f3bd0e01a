import type { PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreOptions } from './extra-schema.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import { OBSERVATION_SETS } from './knowledge/observations.js';
import type { ObservationSet } from './knowledge/schema.js';
import type { ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';

/** MELD labs are the latest within this many days (OPTN recertification is at most 30 days for high scores). */
export const MELD_LAB_WINDOW_DAYS = 30;

const MELD_NA_REFERENCE =
  'Kamath PS et al. Hepatology 2001;33:464-470; Kim WR et al. N Engl J Med 2008;359:1018-1026; OPTN Policy 9.1 (MELD-Na, 2016-2023)';
const MELD3_REFERENCE =
  'Kim WR et al. MELD 3.0: the Model for End-Stage Liver Disease updated for the modern era. Gastroenterology 2021;161:1887-1895; OPTN Policy 9.1 (from July 2023)';

/** Lab values for MELD, in mg/dL (creatinine, bilirubin), INR, mmol/L (sodium) and g/dL (albumin). */
export interface MeldLabs {
  creatinine: number;
  bilirubin: number;
  inr: number;
  sodium: number;
  albumin?: number;
  dialysis: boolean;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** MELD(i) rounded to the tenth and multiplied by 10 (OPTN), before the sodium term. */
export function meldInitial(l: MeldLabs): number {
  const cr = l.dialysis ? 4 : clamp(l.creatinine, 1, 4);
  const raw =
    0.957 * Math.log(cr) + 0.378 * Math.log(Math.max(l.bilirubin, 1)) + 1.12 * Math.log(Math.max(l.inr, 1)) + 0.643;
  return Math.round(roundTo(raw, 1) * 10);
}

/** MELD-Na (OPTN 2016): sodium term applied when MELD(i) > 11; rounded, bounded 6-40. */
export function meldNa(l: MeldLabs): { meld: number; meldNa: number; exact: number } {
  const i = meldInitial(l);
  const na = clamp(l.sodium, 125, 137);
  const exact = i > 11 ? i + 1.32 * (137 - na) - 0.033 * i * (137 - na) : i;
  return { meld: clamp(Math.round(i), 6, 40), meldNa: clamp(Math.round(roundTo(exact, 6)), 6, 40), exact };
}

/** MELD 3.0 (OPTN 2023); `female` adds 1.33. Rounded, bounded 6-40. */
export function meld3(l: MeldLabs & { albumin: number }, female: boolean): { value: number; exact: number } {
  const bili = Math.log(Math.max(l.bilirubin, 1));
  const inr = Math.log(Math.max(l.inr, 1));
  const cr = Math.log(l.dialysis ? 3 : clamp(l.creatinine, 1, 3));
  const na = 137 - clamp(l.sodium, 125, 137);
  const alb = 3.5 - clamp(l.albumin, 1.5, 3.5);
  const exact =
    (female ? 1.33 : 0) +
    4.56 * bili +
    0.82 * na -
    0.24 * na * bili +
    9.09 * inr +
    11.14 * cr +
    1.85 * alb -
    1.83 * alb * cr +
    6;
  return { value: clamp(Math.round(roundTo(exact, 6)), 6, 40), exact };
}

interface Collected {
  b: ScoreBuilder;
  values: Partial<Record<'creatinine' | 'bilirubin' | 'inr' | 'sodium' | 'albumin', number>>;
  dialysis: boolean;
}

function collect(ctx: PatientContext, options: ScoreOptions, sets: ObservationSet[]): Collected {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  const hours = MELD_LAB_WINDOW_DAYS * 24;
  const values: Collected['values'] = {};
  for (const set of sets) {
    b.window(set.id, hours);
    const r = b.reader.lab(set, hours);
    if (r) {
      values[set.id as keyof Collected['values']] = r.value;
      b.add({
        id: set.id,
        label: set.label,
        input: roundTo(r.value, 3),
        unit: set.unit,
        points: null,
        basis: 'chart',
        facts: [r.fact],
      });
    } else {
      b.miss(set.id, set.label, `no result within ${String(MELD_LAB_WINDOW_DAYS)} days`);
    }
  }
  const given = options.extra?.meld?.dialysisTwiceInPastWeek;
  let dialysis: boolean;
  if (given !== undefined) {
    dialysis = given;
    b.add({
      id: 'dialysis',
      label: 'Dialysis twice in the past week (or CVVHD 24 h)',
      input: given,
      unit: null,
      points: null,
      basis: 'extra',
    });
  } else {
    const docs = b.reader
      .problems(CONDITION_SETS.renalDialysisOrTransplant)
      .filter((p) => !p.icd10.some((c) => c.startsWith('Z94')));
    dialysis = docs.length > 0;
    b.add({
      id: 'dialysis',
      label: 'Dialysis twice in the past week (or CVVHD 24 h)',
      input: dialysis,
      unit: null,
      points: null,
      basis: dialysis ? 'chart' : 'not-documented',
      facts: docs,
    });
    b.assumptions.push(
      dialysis
        ? 'Dialysis dependence documented: creatinine set to the maximum'
        : 'No dialysis documented (override with extra.meld.dialysisTwiceInPastWeek)',
    );
  }
  return { b, values, dialysis };
}

const BASE = [OBSERVATION_SETS.creatinine, OBSERVATION_SETS.bilirubin, OBSERVATION_SETS.inr, OBSERVATION_SETS.sodium];

/** MELD-Na (OPTN 2016-2023), with the original MELD as a component. */
export function meldNaScore(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const { b, values, dialysis } = collect(ctx, options, BASE);
  b.requireAge(12, 'MELD-Na (PELD applies below 12)');
  const meta = {
    id: 'meld-na' as const,
    name: 'MELD-Na',
    version: 'MELD-Na (OPTN 2016-2023)',
    reference: MELD_NA_REFERENCE,
  };
  const { creatinine, bilirubin, inr, sodium } = values;
  if (creatinine === undefined || bilirubin === undefined || inr === undefined || sodium === undefined) {
    return b.finish(
      meta,
      { value: null, range: null },
      { band: null, interpretation: 'MELD-Na not computable: see missing inputs' },
    );
  }
  const r = meldNa({ creatinine, bilirubin, inr, sodium, dialysis });
  b.add({ id: 'meld', label: 'MELD (before sodium)', input: r.meld, unit: null, points: null, basis: 'derived' });
  return b.finish(
    meta,
    { value: r.meldNa, range: { min: r.meldNa, max: r.meldNa } },
    {
      band: band('OPTN', 'range-6-40', 'Allocation range 6-40'),
      interpretation: `MELD-Na ${String(r.meldNa)} (MELD ${String(r.meld)}; unrounded ${r.exact.toFixed(2)})`,
    },
  );
}

/** MELD 3.0 (OPTN from July 2023); the sex term applies to females aged 12 and over. */
export function meld3Score(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const { b, values, dialysis } = collect(ctx, options, [...BASE, OBSERVATION_SETS.albumin]);
  b.requireAge(12, 'MELD 3.0 (PELD applies below 12)');
  const meta = {
    id: 'meld-3' as const,
    name: 'MELD 3.0',
    version: 'MELD 3.0 (OPTN Policy 9.1, July 2023)',
    reference: MELD3_REFERENCE,
  };
  const sex = b.reader.sex();
  if (sex === null) {
    b.miss('sex', 'Sex', 'administrative sex not male or female');
  }
  const { creatinine, bilirubin, inr, sodium, albumin } = values;
  if (
    creatinine === undefined ||
    bilirubin === undefined ||
    inr === undefined ||
    sodium === undefined ||
    albumin === undefined ||
    sex === null
  ) {
    return b.finish(
      meta,
      { value: null, range: null },
      { band: null, interpretation: 'MELD 3.0 not computable: see missing inputs' },
    );
  }
  const female = sex === 'female' && (b.reader.age() ?? 0) >= 12;
  const r = meld3({ creatinine, bilirubin, inr, sodium, albumin, dialysis }, female);
  return b.finish(
    meta,
    { value: r.value, range: { min: r.value, max: r.value } },
    {
      band: band('OPTN', 'range-6-40', 'Allocation range 6-40'),
      interpretation: `MELD 3.0 ${String(r.value)} (unrounded ${r.exact.toFixed(2)})`,
    },
  );
}
