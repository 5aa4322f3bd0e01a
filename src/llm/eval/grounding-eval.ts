import type { PatientContext } from '../../patient/index.js';
import type { LlmRouter } from '../router.js';
import { summarizePatient } from '../tasks/summary.js';

/** Grounding quality of the summary task over a set of patients. */
export interface GroundingEvalResult {
  patients: number;
  /** Patients for which the model produced a summary. */
  summaries: number;
  sentences: number;
  citations: number;
  /** Citations that name a fact of the record, over all citations. */
  citationValidity: number;
  /** Claim sentences judged unsupported, over claim sentences. */
  unsupportedRate: number;
  contradictedRate: number;
  /** Summaries that passed verification entirely. */
  verifiedRate: number;
  meanScore: number;
  failures: { patient: string; status: string }[];
}

/** Runs the summary task on each context and aggregates the verifier's reports. */
export async function runGroundingEval(
  router: LlmRouter,
  contexts: readonly PatientContext[],
  options: { model?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<GroundingEvalResult> {
  let summaries = 0;
  let sentences = 0;
  let claims = 0;
  let citations = 0;
  let invalid = 0;
  let unsupported = 0;
  let contradicted = 0;
  let verified = 0;
  let scoreSum = 0;
  const failures: GroundingEvalResult['failures'] = [];
  for (const [i, ctx] of contexts.entries()) {
    const result = await summarizePatient(router, ctx, options.model === undefined ? {} : { model: options.model });
    options.onProgress?.(i + 1, contexts.length);
    const report = result.verification;
    if (!report) {
      failures.push({ patient: ctx.patient.id, status: result.status });
      continue;
    }
    summaries += 1;
    sentences += report.sentences.length;
    claims += report.sentences.filter((s) => s.claim).length;
    citations += report.counts.citations;
    invalid += report.counts.invalidCitations;
    unsupported += report.sentences.filter((s) => s.claim && s.status === 'unsupported').length;
    contradicted += report.sentences.filter((s) => s.claim && s.status === 'contradicted').length;
    verified += report.verified ? 1 : 0;
    scoreSum += report.score;
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    patients: contexts.length,
    summaries,
    sentences,
    citations,
    citationValidity: ratio(citations - invalid, citations),
    unsupportedRate: ratio(unsupported, claims),
    contradictedRate: ratio(contradicted, claims),
    verifiedRate: ratio(verified, summaries),
    meanScore: ratio(scoreSum, summaries),
    failures,
  };
}
