// Renal dosing of common renally cleared drugs, in our words from the US prescribing information (and KDIGO for
// metformin/SGLT2). Bands are checked from the lowest threshold up; the first that applies wins.
import { REF } from './references.js';
import type { RenalRule } from './schema.js';

/** Renal dosing rules. */
export const RENAL_RULES: readonly RenalRule[] = [
  {
    id: 'renal-metformin',
    ingredients: ['6809'],
    label: 'metformin',
    measure: 'egfr',
    bands: [
      { below: 30, tier: 'interruptive', advice: 'Contraindicated below eGFR 30: stop metformin.', action: 'stop' },
      {
        below: 45,
        atLeast: 30,
        tier: 'informational',
        advice: 'eGFR 30-44: do not start; if already taking, reduce to at most 1000 mg/day and review.',
        action: 'adjust-dose',
      },
    ],
    reference: `${REF.fdaMetformin}; ${REF.kdigoDiabetes}`,
  },
  {
    id: 'renal-apixaban',
    ingredients: ['1364430'],
    label: 'apixaban',
    measure: 'crcl',
    bands: [
      {
        below: 15,
        tier: 'interruptive',
        advice: 'CrCl < 15 mL/min: limited data; avoid unless on dialysis per label.',
        action: 'avoid-start',
      },
      {
        below: 25,
        atLeast: 15,
        tier: 'informational',
        advice: 'CrCl 15-24: use 2.5 mg twice daily if 2 of age ≥ 80, weight ≤ 60 kg, creatinine ≥ 1.5 mg/dL.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.doacLabels,
  },
  {
    id: 'renal-rivaroxaban',
    ingredients: ['1114195'],
    label: 'rivaroxaban',
    measure: 'crcl',
    bands: [
      { below: 15, tier: 'interruptive', advice: 'CrCl < 15 mL/min: avoid.', action: 'stop' },
      {
        below: 50,
        atLeast: 15,
        tier: 'interruptive',
        advice: 'CrCl 15-50 (atrial fibrillation): 15 mg once daily with the evening meal.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.doacLabels,
  },
  {
    id: 'renal-dabigatran',
    ingredients: ['1037042'],
    label: 'dabigatran',
    measure: 'crcl',
    bands: [
      { below: 15, tier: 'interruptive', advice: 'CrCl < 15 mL/min: do not use.', action: 'stop' },
      {
        below: 30,
        atLeast: 15,
        tier: 'interruptive',
        advice: 'CrCl 15-30: 75 mg twice daily (US); avoid with P-gp inhibitors.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.doacLabels,
  },
  {
    id: 'renal-edoxaban',
    ingredients: ['1599538'],
    label: 'edoxaban',
    measure: 'crcl',
    bands: [
      { below: 15, tier: 'interruptive', advice: 'CrCl < 15 mL/min: not recommended.', action: 'stop' },
      { below: 51, atLeast: 15, tier: 'interruptive', advice: 'CrCl 15-50: 30 mg once daily.', action: 'adjust-dose' },
    ],
    reference: REF.doacLabels,
  },
  {
    id: 'renal-enoxaparin',
    ingredients: ['67108'],
    label: 'enoxaparin',
    measure: 'crcl',
    bands: [
      {
        below: 30,
        tier: 'interruptive',
        advice:
          'CrCl < 30 mL/min: treatment 1 mg/kg once daily (not twice); prophylaxis 30 mg once daily; consider anti-Xa levels.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-gabapentin',
    ingredients: ['25480'],
    label: 'gabapentin',
    measure: 'crcl',
    bands: [
      { below: 15, tier: 'interruptive', advice: 'CrCl < 15: 100-300 mg/day.', action: 'adjust-dose' },
      {
        below: 30,
        atLeast: 15,
        tier: 'interruptive',
        advice: 'CrCl 15-29: 200-700 mg/day in one dose.',
        action: 'adjust-dose',
      },
      {
        below: 60,
        atLeast: 30,
        tier: 'informational',
        advice: 'CrCl 30-59: 400-1400 mg/day in two doses.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-pregabalin',
    ingredients: ['187832'],
    label: 'pregabalin',
    measure: 'crcl',
    bands: [
      {
        below: 30,
        tier: 'interruptive',
        advice: 'CrCl < 30: 25-150 mg/day (quarter of the usual dose).',
        action: 'adjust-dose',
      },
      {
        below: 60,
        atLeast: 30,
        tier: 'informational',
        advice: 'CrCl 30-59: half the usual daily dose.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-nitrofurantoin',
    ingredients: ['7454'],
    label: 'nitrofurantoin',
    measure: 'crcl',
    bands: [
      {
        below: 30,
        tier: 'interruptive',
        advice: 'CrCl < 30: avoid (ineffective in urine, toxic metabolites); choose another antibiotic.',
        action: 'stop',
      },
    ],
    reference: `${REF.renalLabels}; ${REF.stoppv3}`,
  },
  {
    id: 'renal-tmp-smx',
    ingredients: ['10180', '10829'],
    label: 'trimethoprim-sulfamethoxazole',
    measure: 'crcl',
    bands: [
      { below: 15, tier: 'interruptive', advice: 'CrCl < 15: not recommended.', action: 'avoid-start' },
      {
        below: 30,
        atLeast: 15,
        tier: 'interruptive',
        advice: 'CrCl 15-30: half the usual dose.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-levetiracetam',
    ingredients: ['114477'],
    label: 'levetiracetam',
    measure: 'crcl',
    bands: [
      { below: 30, tier: 'informational', advice: 'CrCl < 30: 250-500 mg every 12 h.', action: 'adjust-dose' },
      {
        below: 50,
        atLeast: 30,
        tier: 'informational',
        advice: 'CrCl 30-50: 250-750 mg every 12 h.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-sitagliptin',
    ingredients: ['593411'],
    label: 'sitagliptin',
    measure: 'egfr',
    bands: [
      { below: 30, tier: 'informational', advice: 'eGFR < 30: 25 mg once daily.', action: 'adjust-dose' },
      { below: 45, atLeast: 30, tier: 'informational', advice: 'eGFR 30-44: 50 mg once daily.', action: 'adjust-dose' },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-glyburide',
    ingredients: ['4815'],
    label: 'glyburide',
    measure: 'egfr',
    bands: [
      {
        below: 60,
        tier: 'informational',
        advice: 'Active metabolites accumulate: avoid; prefer glipizide.',
        action: 'avoid-start',
      },
    ],
    reference: `${REF.renalLabels}; ${REF.kdigoDiabetes}`,
  },
  {
    id: 'renal-spironolactone',
    ingredients: ['9997', '298869'],
    label: 'spironolactone or eplerenone',
    measure: 'egfr',
    bands: [
      {
        below: 30,
        tier: 'interruptive',
        advice: 'eGFR < 30: hyperkalaemia risk; avoid or monitor potassium closely.',
        action: 'avoid-start',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-nsaid',
    ingredients: ['5640', '7258', '3355', '140587', '41493', '35827', '5781'],
    label: 'systemic NSAIDs',
    measure: 'egfr',
    bands: [
      {
        below: 30,
        tier: 'interruptive',
        advice: 'eGFR < 30: avoid NSAIDs (acute kidney injury, hyperkalaemia).',
        action: 'stop',
      },
    ],
    reference: `${REF.renalLabels}; ${REF.stoppv3}`,
  },
  {
    id: 'renal-famotidine',
    ingredients: ['4278'],
    label: 'famotidine',
    measure: 'crcl',
    bands: [
      {
        below: 60,
        tier: 'informational',
        advice: 'CrCl < 60: halve the dose or double the interval (CNS effects).',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-tramadol',
    ingredients: ['10689'],
    label: 'tramadol',
    measure: 'crcl',
    bands: [
      {
        below: 30,
        tier: 'informational',
        advice: 'CrCl < 30: every 12 h, at most 200 mg/day; no extended release.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
  {
    id: 'renal-sglt2',
    ingredients: ['1545653', '1488564', '1373458'],
    label: 'SGLT2 inhibitor',
    measure: 'egfr',
    bands: [
      {
        below: 20,
        tier: 'informational',
        advice: 'eGFR < 20: do not start (continuing until dialysis is acceptable).',
        action: 'avoid-start',
      },
    ],
    reference: REF.kdigoDiabetes,
  },
  {
    id: 'renal-colchicine',
    ingredients: ['2683'],
    label: 'colchicine',
    measure: 'crcl',
    bands: [
      {
        below: 30,
        tier: 'interruptive',
        advice: 'CrCl < 30: reduce the dose, do not repeat gout courses within 14 days.',
        action: 'adjust-dose',
      },
    ],
    reference: REF.colchicineLabel,
  },
  {
    id: 'renal-methotrexate',
    ingredients: ['6851'],
    label: 'methotrexate',
    measure: 'crcl',
    bands: [{ below: 30, tier: 'interruptive', advice: 'CrCl < 30: avoid low-dose methotrexate.', action: 'stop' }],
    reference: REF.methotrexateLabel,
  },
  {
    id: 'renal-dofetilide',
    ingredients: ['49247'],
    label: 'dofetilide',
    measure: 'crcl',
    bands: [
      { below: 20, tier: 'hard-stop', advice: 'CrCl < 20: contraindicated.', action: 'stop' },
      {
        below: 60,
        atLeast: 20,
        tier: 'interruptive',
        advice: 'CrCl 20-60: reduce the dose (250 or 125 µg twice daily).',
        action: 'adjust-dose',
      },
    ],
    reference: REF.renalLabels,
  },
];
