export {
  buildGroundingIndex,
  GroundingReportSchema,
  SentenceReportSchema,
  sentencesFromText,
  splitInlineCitations,
  verifyGrounding,
  type CitedSentence,
  type GroundingIndex,
  type GroundingProblem,
  type GroundingReport,
  type SentenceReport,
} from './verify.js';
export { factsFromDdx, groundingFact, keyTerms, patientFact, type GroundingFact } from './facts.js';
export {
  contextGroundingIndex,
  flattenSummaryFacts,
  SUMMARY_LIMITS,
  summaryFacts,
  type SummaryFacts,
} from './context-facts.js';
export { extractDates, extractLaterality, extractNumbers, numbersAgree, unitKey } from './extract.js';
