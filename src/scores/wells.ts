import type { PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreOptions } from './extra-schema.js';
import { chartItem, latestVital, type ChartItem } from './items.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import type { ScoreBand, ScoreResult } from './result-schema.js';
import { band, ScoreBuilder } from './score-builder.js';

/** Heart rate for Wells PE is the latest within this many hours. */
export const WELLS_HR_WINDOW_HOURS = 12;

const DVT_REFERENCE =
  'Wells PS, Anderson DR, Rodger M, et al. Evaluation of D-dimer in the diagnosis of suspected deep-vein thrombosis. N Engl J Med 2003;349:1227-1235';
const PE_REFERENCE =
  'Wells PS, Anderson DR, Rodger M, et al. Thromb Haemost 2000;83:416-420; van Belle A, et al. (Christopher Study) JAMA 2006;295:172-179';

/** Wells DVT two-level (2003): >= 2 likely. */
export function wellsDvtTwoLevel(score: number): ScoreBand {
  return score >= 2
    ? band('two-level (2003)', 'likely', 'DVT likely')
    : band('two-level (2003)', 'unlikely', 'DVT unlikely');
}

/** Wells DVT three-level (1997): <= 0 low, 1-2 moderate, >= 3 high. */
export function wellsDvtThreeLevel(score: number): ScoreBand {
  const s = 'three-level (1997)';
  return score <= 0 ? band(s, 'low', 'Low') : score <= 2 ? band(s, 'moderate', 'Moderate') : band(s, 'high', 'High');
}

/** Wells PE two-level: <= 4 unlikely, > 4 likely. */
export function wellsPeTwoLevel(score: number): ScoreBand {
  return score > 4 ? band('two-level', 'likely', 'PE likely') : band('two-level', 'unlikely', 'PE unlikely');
}

/** Wells PE three-level: < 2 low, 2-6 moderate, > 6 high. */
export function wellsPeThreeLevel(score: number): ScoreBand {
  const s = 'three-level';
  return score < 2 ? band(s, 'low', 'Low') : score <= 6 ? band(s, 'moderate', 'Moderate') : band(s, 'high', 'High');
}

function settle(range: { min: number; max: number }, f: (v: number) => ScoreBand): ScoreBand | null {
  const a = f(range.min);
  return a.id === f(range.max).id ? a : null;
}

const CLINICAL: Partial<ChartItem> = { absenceUnknown: true };

/** Wells DVT (2003 version with previous DVT); clinical-exam items come from `extra.wellsDvt`. */
export function wellsDvt(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  b.requireAge(18, 'Wells DVT');
  const x = options.extra?.wellsDvt;
  type Key = keyof NonNullable<typeof x>;
  const item = (id: string, key: Key, label: string, more: Partial<ChartItem> = CLINICAL): void => {
    chartItem(b, { id, label, points: 1, extra: x?.[key], extraKey: `wellsDvt.${key}`, ...more });
  };
  item('active-cancer', 'activeCancer', 'Active cancer (treatment within 6 months or palliative)', {
    conditions: CONDITION_SETS.activeCancer,
  });
  item('paralysis', 'paralysisOrPlaster', 'Paralysis, paresis or recent plaster immobilisation of a leg');
  item('bedridden-surgery', 'bedriddenOrSurgery', 'Bedridden >= 3 days or major surgery within 12 weeks');
  item('tenderness', 'localisedTenderness', 'Localised tenderness along the deep venous system');
  item('leg-swollen', 'entireLegSwollen', 'Entire leg swollen');
  item('calf-swelling', 'calfSwelling', 'Calf swelling >= 3 cm versus the other leg');
  item('pitting-oedema', 'pittingOedema', 'Pitting oedema confined to the symptomatic leg');
  item('collateral-veins', 'collateralVeins', 'Collateral superficial (non-varicose) veins');
  item('previous-dvt', 'previousDvt', 'Previously documented DVT', { conditions: CONDITION_SETS.previousDvt });
  item('alternative', 'alternativeAsLikely', 'Alternative diagnosis at least as likely as DVT', {
    ...CLINICAL,
    points: -2,
  });
  const meta = {
    id: 'wells-dvt' as const,
    name: 'Wells DVT',
    version: 'Wells DVT 2003 (two-level), three-level 1997 also given',
    reference: DVT_REFERENCE,
  };
  return b.finishSum(meta, (value, range) => {
    const two = settle(range, wellsDvtTwoLevel);
    const three = settle(range, wellsDvtThreeLevel);
    return {
      band: two,
      otherBands: three ? [three] : [],
      interpretation: two
        ? `Wells DVT ${String(value)}: ${two.label}`
        : `Wells DVT ${String(value)} from known items (could be ${String(range.min)} to ${String(range.max)})`,
    };
  });
}

/** Wells PE (2000); heart rate and history items come from the chart, clinical judgement from `extra.wellsPe`. */
export function wellsPe(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  b.requireAge(18, 'Wells PE');
  const x = options.extra?.wellsPe;
  chartItem(b, {
    id: 'dvt-signs',
    label: 'Clinical signs and symptoms of DVT',
    points: 3,
    extra: x?.dvtSigns,
    extraKey: 'wellsPe.dvtSigns',
    ...CLINICAL,
  });
  chartItem(b, {
    id: 'pe-most-likely',
    label: 'PE the most likely diagnosis (or equally likely)',
    points: 3,
    extra: x?.peMostLikely,
    extraKey: 'wellsPe.peMostLikely',
    ...CLINICAL,
  });
  const hrLabel = 'Heart rate > 100/min';
  if (x?.heartRateOver100 !== undefined) {
    b.add({
      id: 'heart-rate',
      label: hrLabel,
      input: x.heartRateOver100,
      points: x.heartRateOver100 ? 1.5 : 0,
      basis: 'extra',
    });
  } else {
    const hr = latestVital(b, 'heart-rate', '/min', WELLS_HR_WINDOW_HOURS);
    if (hr) {
      const v = Math.round(hr.value);
      b.add({
        id: 'heart-rate',
        label: hrLabel,
        input: v,
        unit: '/min',
        points: v > 100 ? 1.5 : 0,
        basis: 'chart',
        facts: [hr.fact],
      });
    } else {
      b.add({
        id: 'heart-rate',
        label: hrLabel,
        input: null,
        unit: '/min',
        points: null,
        basis: 'missing',
        possible: [0, 1.5],
        extraKey: 'wellsPe.heartRateOver100',
      });
    }
  }
  chartItem(b, {
    id: 'immobilisation-surgery',
    label: 'Immobilisation >= 3 days or surgery in the previous 4 weeks',
    points: 1.5,
    extra: x?.immobilisationOrSurgery,
    extraKey: 'wellsPe.immobilisationOrSurgery',
    ...CLINICAL,
  });
  const previous = {
    ...CONDITION_SETS.previousDvt,
    id: 'previous-dvt-or-pe',
    snomed: [...CONDITION_SETS.previousDvt.snomed, ...CONDITION_SETS.previousPe.snomed],
    icd10: [...CONDITION_SETS.previousDvt.icd10, ...CONDITION_SETS.previousPe.icd10],
  };
  chartItem(b, {
    id: 'previous-dvt-pe',
    label: 'Previous DVT or PE',
    points: 1.5,
    extra: x?.previousDvtOrPe,
    extraKey: 'wellsPe.previousDvtOrPe',
    conditions: previous,
  });
  chartItem(b, {
    id: 'haemoptysis',
    label: 'Haemoptysis',
    points: 1,
    extra: x?.haemoptysis,
    extraKey: 'wellsPe.haemoptysis',
    conditions: CONDITION_SETS.haemoptysis,
  });
  chartItem(b, {
    id: 'malignancy',
    label: 'Malignancy (treated within 6 months or palliative)',
    points: 1,
    extra: x?.malignancy,
    extraKey: 'wellsPe.malignancy',
    conditions: CONDITION_SETS.activeCancer,
  });
  const meta = {
    id: 'wells-pe' as const,
    name: 'Wells PE',
    version: 'Wells PE 2000 (two-level per Christopher Study; three-level also given)',
    reference: PE_REFERENCE,
  };
  return b.finishSum(meta, (value, range) => {
    const two = settle(range, wellsPeTwoLevel);
    const three = settle(range, wellsPeThreeLevel);
    return {
      band: two,
      otherBands: three ? [three] : [],
      interpretation: two
        ? `Wells PE ${String(value)}: ${two.label}`
        : `Wells PE ${String(value)} from known items (could be ${String(range.min)} to ${String(range.max)})`,
    };
  });
}
