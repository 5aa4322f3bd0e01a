export * from './types.js';
export { LlmError, kindForStatus, parseRetryAfter, type LlmFailureKind } from './errors.js';
export {
  ArchitectureSchema,
  DataBoundarySchema,
  ModelSpecSchema,
  ModelsFileSchema,
  parseModelSpecs,
  shortcutModels,
  type Architecture,
  type DataBoundary,
  type ModelSpec,
  type ModelSpecInput,
  type RegistryShortcuts,
} from './registry.js';
export { withResilience, type ResilienceOptions } from './resilient.js';
export { Semaphore } from './semaphore.js';
export { extractJson, grammarSafeSchema, jsonSchemaFor } from './json-schema.js';
export { generateStructured, totalUsage, type StructuredOutcome, type StructuredRequest } from './structured.js';
export { deidentifyingProvider, LlmRouter, type Deidentifier, type RouteDecision, type RouteRow } from './router.js';
export { HOW_TO_CONFIGURE, TASK_IDS, type TaskDefinition, type TaskId, type TaskOutcome } from './task.js';
export { callOptions, runStructuredTask, type TaskCallOptions } from './task-runner.js';
export * from './grounding/index.js';
export { GroundedTextSchema, CitedSentenceSchema, type GroundedText } from './tasks/sentences.js';
export { prepareSummary, summarizePatient, SUMMARY_TASK, type SummaryResult } from './tasks/summary.js';
export { SUMMARY_TEMPLATE_LABEL, templateSummary } from './tasks/summary-template.js';
export {
  DDX_EXPLANATION_TASK,
  explainDifferential,
  templateDdxExplanation,
  type DdxExplanationResult,
} from './tasks/ddx-explanation.js';
export {
  LetterOptionsSchema,
  LetterSchema,
  PATIENT_LETTER_TASK,
  templateLetter,
  writePatientLetter,
  type Letter,
  type LetterOptions,
  type LetterResult,
} from './tasks/letter.js';
export { readability, syllables, type LetterLanguage, type Readability } from './tasks/readability.js';
export {
  EXTRACTION_TASK,
  ExtractionOutputSchema,
  extractFindings,
  extractionSchema,
  LlmFindingRecognizer,
  toRecognitionResult,
  type ExtractionResult,
  type LlmRecognizerOptions,
  type VocabularyEntry,
} from './tasks/extraction.js';
export { answerSchema, QA_TASK, QaAnswerSchema } from './tasks/qa.js';
import { DDX_EXPLANATION_TASK } from './tasks/ddx-explanation.js';
import { EXTRACTION_TASK } from './tasks/extraction.js';
import { PATIENT_LETTER_TASK } from './tasks/letter.js';
import { QA_TASK } from './tasks/qa.js';
import { SUMMARY_TASK } from './tasks/summary.js';
import type { TaskDefinition } from './task.js';

/** Every task of the LLM layer, in the order `vitalis models` lists them. */
export const ALL_TASKS: readonly TaskDefinition[] = [
  SUMMARY_TASK,
  DDX_EXPLANATION_TASK,
  PATIENT_LETTER_TASK,
  EXTRACTION_TASK,
  QA_TASK,
];
export * from './eval/index.js';
