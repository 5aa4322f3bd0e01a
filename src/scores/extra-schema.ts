import { z } from 'zod';

/** ACVPU level of consciousness (NEWS2): alert, new confusion, responds to voice, to pain, unresponsive. */
export const ConsciousnessSchema = z.enum(['alert', 'new-confusion', 'voice', 'pain', 'unresponsive']);

const flag = z.boolean().optional();

/**
 * Clinician-entered inputs the chart cannot hold (or overrides of chart-derived items). Every field is optional;
 * a given value wins over the chart and is marked `basis: 'extra'`.
 */
export const ScoreExtraSchema = z
  .object({
    news2: z
      .object({
        spo2Scale: z.union([z.literal(1), z.literal(2)]).optional(),
        supplementalOxygen: flag,
        consciousness: ConsciousnessSchema.optional(),
      })
      .strict()
      .optional(),
    qsofa: z.object({ alteredMentation: flag }).strict().optional(),
    sofa: z
      .object({
        respiratorySupport: flag,
        gcs: z.number().int().min(3).max(15).optional(),
        urineOutputMlPerDay: z.number().min(0).optional(),
        /** Catecholamine doses in µg/kg/min given for at least 1 h (0 when none). */
        dopamine: z.number().min(0).optional(),
        dobutamine: z.number().min(0).optional(),
        epinephrine: z.number().min(0).optional(),
        norepinephrine: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    cha2ds2vasc: z
      .object({
        heartFailure: flag,
        hypertension: flag,
        diabetes: flag,
        strokeTiaThromboembolism: flag,
        vascularDisease: flag,
      })
      .strict()
      .optional(),
    hasBled: z
      .object({
        uncontrolledHypertension: flag,
        abnormalRenal: flag,
        abnormalLiver: flag,
        stroke: flag,
        bleeding: flag,
        labileInr: flag,
        drugs: flag,
        alcohol: flag,
      })
      .strict()
      .optional(),
    renal: z
      .object({
        weightKg: z.number().positive().optional(),
        onDialysis: flag,
      })
      .strict()
      .optional(),
    meld: z.object({ dialysisTwiceInPastWeek: flag }).strict().optional(),
    wellsDvt: z
      .object({
        activeCancer: flag,
        paralysisOrPlaster: flag,
        bedriddenOrSurgery: flag,
        localisedTenderness: flag,
        entireLegSwollen: flag,
        calfSwelling: flag,
        pittingOedema: flag,
        collateralVeins: flag,
        previousDvt: flag,
        alternativeAsLikely: flag,
      })
      .strict()
      .optional(),
    wellsPe: z
      .object({
        dvtSigns: flag,
        peMostLikely: flag,
        heartRateOver100: flag,
        immobilisationOrSurgery: flag,
        previousDvtOrPe: flag,
        haemoptysis: flag,
        malignancy: flag,
      })
      .strict()
      .optional(),
    curb65: z.object({ confusion: flag }).strict().optional(),
    triage: z
      .object({
        lifeSavingIntervention: flag,
        highRiskSituation: flag,
        newConfusionOrLethargy: flag,
        severePainOrDistress: flag,
        /** Distinct resource types expected (labs, ECG, imaging, IV fluids, IV meds, consult, procedures). */
        expectedResources: z.number().int().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Options of `computeScores`: evaluation time (default: the context's asOf) and clinician-entered inputs. */
export const ScoreOptionsSchema = z
  .object({
    /** Evaluation time; ISO strings are accepted and coerced. */
    now: z.coerce.date().optional(),
    extra: ScoreExtraSchema.optional(),
  })
  .strict();

export type Consciousness = z.infer<typeof ConsciousnessSchema>;
export type ScoreExtra = z.infer<typeof ScoreExtraSchema>;
export type ScoreOptions = z.infer<typeof ScoreOptionsSchema>;
