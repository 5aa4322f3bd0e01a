import type { PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreOptions } from './extra-schema.js';
import { latestVital } from './items.js';
import { addMentationComponent } from './mentation.js';
import type { ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';

/** qSOFA reads the latest vitals within this many hours of the evaluation time. */
export const QSOFA_WINDOW_HOURS = 12;

const REFERENCE =
  'Singer M et al. The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). JAMA 2016;315(8):801-810; Seymour CW et al. JAMA 2016;315(8):762-774';

function mentationComponent(b: ScoreBuilder, extra: boolean | undefined): void {
  addMentationComponent(b, {
    id: 'altered-mentation',
    label: 'Altered mentation (GCS < 15)',
    windowHours: QSOFA_WINDOW_HOURS,
    given: extra,
    extraKey: 'qsofa.alteredMentation',
    missingReason: `no GCS or level of consciousness within ${String(QSOFA_WINDOW_HOURS)} h`,
    fromChart: (m) => (m.gcs !== null ? m.gcs < 15 : m.level !== 'alert'),
    points: (altered) => (altered ? 1 : 0),
    possible: [0, 1],
  });
}

/** qSOFA (Sepsis-3): RR >= 22, altered mentation, systolic BP <= 100; >= 2 is positive. */
export function qsofa(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  b.requireAge(18, 'qSOFA (Sepsis-3)');
  const rr = latestVital(b, 'respiratory-rate', '/min', QSOFA_WINDOW_HOURS);
  if (rr) {
    const v = roundTo(rr.value, 0);
    const label = 'Respiratory rate >= 22/min';
    b.add({
      id: 'respiratory-rate',
      label,
      input: v,
      unit: '/min',
      points: v >= 22 ? 1 : 0,
      basis: 'chart',
      facts: [rr.fact],
    });
  } else {
    b.add({
      id: 'respiratory-rate',
      label: 'Respiratory rate >= 22/min',
      input: null,
      unit: '/min',
      points: null,
      basis: 'missing',
      possible: [0, 1],
    });
  }
  mentationComponent(b, options.extra?.qsofa?.alteredMentation);
  const sbp = latestVital(b, 'systolic-bp', 'mm[Hg]', QSOFA_WINDOW_HOURS);
  if (sbp) {
    const v = roundTo(sbp.value, 0);
    const label = 'Systolic blood pressure <= 100 mmHg';
    b.add({
      id: 'systolic-bp',
      label,
      input: v,
      unit: 'mm[Hg]',
      points: v <= 100 ? 1 : 0,
      basis: 'chart',
      facts: [sbp.fact],
    });
  } else {
    b.add({
      id: 'systolic-bp',
      label: 'Systolic blood pressure <= 100 mmHg',
      input: null,
      unit: 'mm[Hg]',
      points: null,
      basis: 'missing',
      possible: [0, 1],
    });
  }
  const meta = { id: 'qsofa' as const, name: 'qSOFA', version: 'qSOFA (Sepsis-3, 2016)', reference: REFERENCE };
  return b.finishSum(meta, (value, range) => {
    if (range.min >= 2) {
      return {
        band: band('Sepsis-3', 'positive', 'Positive (>= 2)'),
        interpretation: `qSOFA ${String(value)}: higher risk of poor outcome if infection is suspected; assess for organ dysfunction (not a diagnosis of sepsis)`,
      };
    }
    if (range.max < 2) {
      return {
        band: band('Sepsis-3', 'negative', 'Negative (< 2)'),
        interpretation: `qSOFA ${String(value)}: negative`,
      };
    }
    return {
      band: null,
      interpretation: `qSOFA ${String(value)} from known items (could reach ${String(range.max)}): record the missing items`,
    };
  });
}
