export { bootstrapAccuracy, type AccuracyCi } from './bootstrap.js';
export { EVAL_TASKS, parseMedQa, parsePubMedQa, PUBLISHED_ANCHORS, type EvalTask, type QaItem } from './datasets.js';
export { answerItem, qaMessages, summarizeQa, type QaRecord, type QaSummary } from './qa-eval.js';
export { runGroundingEval, type GroundingEvalResult } from './grounding-eval.js';
