import type { PatientContext } from '../patient/index.js';
import { ChartReader, type Reading } from './chart-reader.js';
import type { ScoreOptions } from './extra-schema.js';
import { OBSERVATION_SETS } from './knowledge/observations.js';
import { addMentationComponent } from './mentation.js';
import type { ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';

/** Vitals are the latest within this many hours; urea within CURB65_UREA_WINDOW_HOURS. */
export const CURB65_VITALS_WINDOW_HOURS = 12;
export const CURB65_UREA_WINDOW_HOURS = 48;
/** Urea above this (mmol/L) scores; a BUN in mg/dL is converted (1 mmol/L urea = 2.8014 mg/dL BUN, so > 19.6 mg/dL). */
export const CURB65_UREA_MMOL_L = 7;
const BUN_MG_DL_PER_UREA_MMOL_L = 2.8014;

const REFERENCE =
  'Lim WS, van der Eerden MM, Laing R, et al. Defining community acquired pneumonia severity on presentation to hospital. Thorax 2003;58:377-382';

/** Urea in mmol/L from a BUN in mg/dL. */
export function ureaFromBun(bunMgDl: number): number {
  return bunMgDl / BUN_MG_DL_PER_UREA_MMOL_L;
}

function confusion(b: ScoreBuilder, extra: boolean | undefined): void {
  addMentationComponent(b, {
    id: 'confusion',
    label: 'C: new confusion (disorientation or AMT <= 8)',
    windowHours: CURB65_VITALS_WINDOW_HOURS,
    given: extra,
    extraKey: 'curb65.confusion',
    missingReason: 'no level of consciousness or GCS recorded',
    fromChart: (m) => m.level !== 'alert',
    points: (confused) => (confused ? 1 : 0),
    possible: [0, 1],
  });
}

function urea(b: ScoreBuilder): void {
  const label = 'U: urea > 7 mmol/L (BUN > 19.6 mg/dL)';
  b.window('urea', CURB65_UREA_WINDOW_HOURS);
  const molar = b.reader.lab(OBSERVATION_SETS.urea, CURB65_UREA_WINDOW_HOURS);
  const bun = b.reader.lab(OBSERVATION_SETS.bun, CURB65_UREA_WINDOW_HOURS);
  const pick: { r: Reading; mmol: number } | null =
    molar && (!bun || Date.parse(molar.time) >= Date.parse(bun.time))
      ? { r: molar, mmol: molar.value }
      : bun
        ? { r: bun, mmol: ureaFromBun(bun.value) }
        : null;
  if (!pick) {
    b.add({
      id: 'urea',
      label,
      input: null,
      unit: 'mmol/L',
      points: null,
      basis: 'missing',
      possible: [0, 1],
      missingReason: `no urea or BUN within ${String(CURB65_UREA_WINDOW_HOURS)} h`,
    });
    return;
  }
  const mmol = roundTo(pick.mmol, 2);
  const note = pick.r === bun ? `BUN ${String(bun.value)} mg/dL` : null;
  b.add({
    id: 'urea',
    label,
    input: mmol,
    unit: 'mmol/L',
    points: pick.mmol > CURB65_UREA_MMOL_L ? 1 : 0,
    basis: 'chart',
    facts: [pick.r.fact],
    ...(note ? { note } : {}),
  });
}

function bloodPressure(b: ScoreBuilder): void {
  const label = 'B: systolic < 90 or diastolic <= 60 mmHg';
  b.window('blood-pressure', CURB65_VITALS_WINDOW_HOURS);
  const sbp = b.reader.vital('systolic-bp', 'mm[Hg]', CURB65_VITALS_WINDOW_HOURS);
  const dbp = b.reader.vital('diastolic-bp', 'mm[Hg]', CURB65_VITALS_WINDOW_HOURS);
  const facts = [sbp?.fact, dbp?.fact].filter((f) => f !== undefined);
  const low = (sbp !== null && roundTo(sbp.value, 0) < 90) || (dbp !== null && roundTo(dbp.value, 0) <= 60);
  const input = `${sbp ? String(roundTo(sbp.value, 0)) : '?'}/${dbp ? String(roundTo(dbp.value, 0)) : '?'}`;
  if (low || (sbp && dbp)) {
    b.add({ id: 'blood-pressure', label, input, unit: 'mm[Hg]', points: low ? 1 : 0, basis: 'chart', facts });
    return;
  }
  b.add({
    id: 'blood-pressure',
    label,
    input: sbp || dbp ? input : null,
    unit: 'mm[Hg]',
    points: null,
    basis: 'missing',
    facts,
    possible: [0, 1],
  });
}

/** CURB-65 (Lim 2003) for community-acquired pneumonia: 0-1 low, 2 intermediate, 3-5 high. */
export function curb65(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  b.requireAge(18, 'CURB-65');
  confusion(b, options.extra?.curb65?.confusion);
  urea(b);
  b.window('respiratory-rate', CURB65_VITALS_WINDOW_HOURS);
  const rr = b.reader.vital('respiratory-rate', '/min', CURB65_VITALS_WINDOW_HOURS);
  const rrLabel = 'R: respiratory rate >= 30/min';
  if (rr) {
    const v = roundTo(rr.value, 0);
    b.add({
      id: 'respiratory-rate',
      label: rrLabel,
      input: v,
      unit: '/min',
      points: v >= 30 ? 1 : 0,
      basis: 'chart',
      facts: [rr.fact],
    });
  } else {
    b.add({
      id: 'respiratory-rate',
      label: rrLabel,
      input: null,
      unit: '/min',
      points: null,
      basis: 'missing',
      possible: [0, 1],
    });
  }
  bloodPressure(b);
  const age = b.reader.age();
  if (age === null) {
    b.add({ id: 'age', label: 'Age >= 65', input: null, unit: 'a', points: null, basis: 'missing', possible: [0, 1] });
  } else {
    b.add({ id: 'age', label: 'Age >= 65', input: age, unit: 'a', points: age >= 65 ? 1 : 0, basis: 'chart' });
  }
  const meta = {
    id: 'curb-65' as const,
    name: 'CURB-65',
    version: 'CURB-65 (Lim 2003), urea > 7 mmol/L',
    reference: REFERENCE,
  };
  const groupOf = (v: number): ReturnType<typeof band> =>
    v <= 1
      ? band('Lim 2003', 'low', 'Low (0-1): consider home treatment')
      : v === 2
        ? band('Lim 2003', 'intermediate', 'Intermediate (2): consider hospital-supervised treatment')
        : band('Lim 2003', 'high', 'High (3-5): manage as severe; assess for ICU at 4-5');
  return b.finishSum(meta, (value, range) => {
    const a = groupOf(range.min);
    const decided = a.id === groupOf(range.max).id ? a : null;
    return {
      band: decided,
      interpretation: decided
        ? `CURB-65 ${String(value)}: ${decided.label} (for community-acquired pneumonia)`
        : `CURB-65 ${String(value)} from known items (could be ${String(range.min)}-${String(range.max)})`,
    };
  });
}
