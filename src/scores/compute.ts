import { AppError } from '../core/errors.js';
import type { PatientContext } from '../patient/index.js';
import { cha2ds2Va, cha2ds2Vasc } from './cha2ds2.js';
import { curb65 } from './curb65.js';
import { ScoreOptionsSchema, type ScoreOptions } from './extra-schema.js';
import { hasBled } from './has-bled.js';
import { meld3Score, meldNaScore } from './meld.js';
import { news2 } from './news2.js';
import { qsofa } from './qsofa.js';
import { ckdStageKdigo, crclCockcroftGault, egfrCkdEpi2021 } from './renal.js';
import type { ScoreResult } from './result-schema.js';
import { sofa } from './sofa.js';
import { triageEsi } from './triage.js';
import { wellsDvt, wellsPe } from './wells.js';

/** A score function: a pure function of the context and options. */
export type ScoreFunction = (ctx: PatientContext, options?: ScoreOptions) => ScoreResult;

/** Every score, in the order `computeScores` returns them. */
export const SCORE_FUNCTIONS: readonly ScoreFunction[] = [
  news2,
  qsofa,
  sofa,
  cha2ds2Vasc,
  cha2ds2Va,
  hasBled,
  egfrCkdEpi2021,
  crclCockcroftGault,
  ckdStageKdigo,
  meldNaScore,
  meld3Score,
  wellsDvt,
  wellsPe,
  curb65,
  triageEsi,
];

/** Validates score options (e.g. an `extra` object from a request body); throws VITALIS_BAD_REQUEST. */
export function parseScoreOptions(input: unknown): ScoreOptions {
  const parsed = ScoreOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new AppError('VITALIS_BAD_REQUEST', `Invalid score options: ${paths}`);
  }
  return parsed.data;
}

/** Computes every score for a patient context at `options.now` (default: the context's asOf). */
export function computeScores(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult[] {
  const parsed = parseScoreOptions(options);
  return SCORE_FUNCTIONS.map((score) => score(ctx, parsed));
}
