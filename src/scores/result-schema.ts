import { z } from 'zod';

/** Identifiers of every score result `computeScores` can return. */
export const SCORE_IDS = [
  'news2',
  'qsofa',
  'sofa',
  'cha2ds2-vasc',
  'cha2ds2-va',
  'has-bled',
  'egfr-ckd-epi-2021',
  'crcl-cockcroft-gault',
  'ckd-stage-kdigo',
  'meld-na',
  'meld-3',
  'wells-dvt',
  'wells-pe',
  'curb-65',
  'triage-esi',
] as const;

export const ScoreIdSchema = z.enum(SCORE_IDS);

/** Where a component's input came from. */
export const InputBasisSchema = z.enum([
  /** Read from a chart fact (see `facts`). */
  'chart',
  /** Given explicitly by the caller (clinician-entered). */
  'extra',
  /** No matching diagnosis/medication in the chart: scored as absent (see `assumptions`). */
  'not-documented',
  /** A default the score's own rules define (e.g. SOFA baseline 0). */
  'rule-default',
  /** Computed from other components (e.g. MAP from systolic and diastolic pressures). */
  'derived',
  /** Not available: the component scores nothing and is listed under `missing`. */
  'missing',
]);

/** One item of a score: the input value read, and the points it scored (null when missing). */
export const ScoreComponentSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** The input as used (numbers in `unit`), null when missing. */
  input: z.union([z.number(), z.string(), z.boolean()]).nullable(),
  unit: z.string().nullable(),
  points: z.number().nullable(),
  basis: InputBasisSchema,
  /** Fact ids used for this component. */
  facts: z.array(z.string()),
  note: z.string().nullable(),
});

/** An input the score needed but could not find. */
export const MissingInputSchema = z.object({
  id: z.string(),
  label: z.string(),
  reason: z.string(),
  /** The key of `extra` through which a clinician may supply it, when there is one. */
  extraKey: z.string().nullable(),
});

/** A chart fact a score read: its stable id and the exact resource version. */
export const ProvenanceFactSchema = z.object({
  id: z.string(),
  source: z.string(),
  kind: z.string(),
  effectiveTime: z.string().nullable(),
});

/** A time window a score looked at, ending at the evaluation time. */
export const LookbackWindowSchema = z.object({
  input: z.string(),
  from: z.string(),
  to: z.string(),
  hours: z.number(),
});

export const ScoreProvenanceSchema = z.object({
  facts: z.array(ProvenanceFactSchema),
  windows: z.array(LookbackWindowSchema),
});

/** An interpretation band of a score value. */
export const ScoreBandSchema = z.object({
  /** Which banding scheme (e.g. 'two-level', 'ESC 2020 men'). */
  scheme: z.string(),
  id: z.string(),
  label: z.string(),
});

/** The result of one score, as served at `/api/patients/{id}/scores` and printed by `vitalis scores`. */
export const ScoreResultSchema = z.object({
  id: ScoreIdSchema,
  name: z.string(),
  /** The exact variant and version computed (e.g. 'NEWS2 (RCP 2017), SpO2 scale 1'). */
  version: z.string(),
  reference: z.string(),
  evaluatedAt: z.string(),
  /** complete: every input known; incomplete: some missing (value = known points only); not-applicable. */
  status: z.enum(['complete', 'incomplete', 'not-applicable']),
  /** The score from known inputs (null when it cannot be computed at all, e.g. a formula input is missing). */
  value: z.number().nullable(),
  /** The values still possible given the missing inputs (min = max when complete). */
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  unit: z.string().nullable(),
  /** Primary interpretation; null when the missing inputs leave it undecided. */
  band: ScoreBandSchema.nullable(),
  /** Other labelled bandings (e.g. Wells three-level, CHA2DS2-VASc thresholds for the other sex). */
  otherBands: z.array(ScoreBandSchema),
  interpretation: z.string(),
  components: z.array(ScoreComponentSchema),
  missing: z.array(MissingInputSchema),
  /** Rules applied instead of data (e.g. "no coded heart failure: scored 0"), in plain words. */
  assumptions: z.array(z.string()),
  /** Reasons behind the result in plain words (used by the triage level). */
  reasons: z.array(z.string()),
  /**
   * Stable machine-readable flags for alerting: 'single-parameter-3' and 'consider-spo2-scale-2' (NEWS2), 'no-anticoagulant' /
   * 'on-anticoagulant' (CHA2DS2-VASc/VA), 'modifiable-risk' (HAS-BLED), 'consider-esi-2' (triage).
   */
  flags: z.array(z.string()),
  provenance: ScoreProvenanceSchema,
});

export type ScoreId = z.infer<typeof ScoreIdSchema>;
export type InputBasis = z.infer<typeof InputBasisSchema>;
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>;
export type MissingInput = z.infer<typeof MissingInputSchema>;
export type ProvenanceFact = z.infer<typeof ProvenanceFactSchema>;
export type LookbackWindow = z.infer<typeof LookbackWindowSchema>;
export type ScoreProvenance = z.infer<typeof ScoreProvenanceSchema>;
export type ScoreBand = z.infer<typeof ScoreBandSchema>;
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
