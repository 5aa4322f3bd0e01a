import { z } from 'zod';
import type { FindingRecognizer, RecognitionResult, RecognizedFinding } from '../../ddx/contract.js';
import type { LlmRouter } from '../router.js';
import { callOptions, runStructuredTask, type TaskCallOptions } from '../task-runner.js';
import type { TaskDefinition, TaskOutcome } from '../task.js';
import type { ChatMessage } from '../types.js';

const ExtractedFindingSchema = z
  .object({
    id: z.string().min(1).max(80),
    label: z.string().min(1).max(120),
    present: z.boolean(),
    temporality: z.enum(['current', 'past', 'family']),
    /** The exact words of the note that state the finding. */
    evidence: z.string().min(1).max(200),
  })
  .strict();

/** What the model writes for a note: findings with negation, time and evidence, plus stated demographics. */
export const ExtractionOutputSchema = z
  .object({
    findings: z.array(ExtractedFindingSchema).max(40),
    age: z.number().int().min(0).max(130).nullable(),
    sex: z.enum(['female', 'male']).nullable(),
  })
  .strict();

export type ExtractionOutput = z.infer<typeof ExtractionOutputSchema>;

/** A finding the extractor may name (the knowledge base's vocabulary). */
export interface VocabularyEntry {
  id: string;
  label: string;
}

/** Structured extraction from notes: problems, medications and symptoms with negation and time. */
export const EXTRACTION_TASK: TaskDefinition<z.ZodType<{ text: string }>, typeof ExtractionOutputSchema> = {
  id: 'extraction',
  description: 'coded findings (with negation and time) from free text',
  input: z.object({ text: z.string() }),
  output: ExtractionOutputSchema,
  architectures: ['encoder', 'decoder', 'encoder-decoder'],
  identifiable: true,
  fallback: 'the rule-based recognizer',
  maxTokens: 1200,
};

/** The output schema restricted to a vocabulary: finding ids become an enum (a grammar on llama.cpp). */
export function extractionSchema(vocabulary: readonly VocabularyEntry[]): z.ZodType<ExtractionOutput> {
  const ids = vocabulary.map((v) => v.id);
  if (ids.length === 0) return ExtractionOutputSchema;
  return ExtractionOutputSchema.extend({
    findings: z.array(ExtractedFindingSchema.extend({ id: z.enum(ids as [string, ...string[]]) })).max(40),
  });
}

function prompt(text: string, vocabulary: readonly VocabularyEntry[]): ChatMessage[] {
  const vocab =
    vocabulary.length > 0
      ? `Use only these finding ids:\n${vocabulary.map((v) => `${v.id}: ${v.label}`).join('\n')}`
      : 'Use short kebab-case ids (e.g. "chest-pain", "type-2-diabetes", "warfarin").';
  return [
    {
      role: 'system',
      content:
        'You extract clinical findings (problems, medications, symptoms, signs) from clinical notes.\n' +
        'For each finding give: id, label, present (false when negated, e.g. "denies fever"), temporality ' +
        '(current, past, or family for family history), and evidence: the exact words copied from the note.\n' +
        `${vocab}\nAlso give the age and sex the note states (null when not stated). Answer with JSON only.`,
    },
    { role: 'user', content: text },
  ];
}

function slug(id: string): string {
  return (
    id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'finding'
  );
}

/** Anchors model findings in the text: each must quote words of the note (else it is dropped as ungrounded). */
export function toRecognitionResult(
  text: string,
  output: ExtractionOutput,
  vocabulary: readonly VocabularyEntry[] = [],
): { result: RecognitionResult; dropped: number } {
  const labels = new Map(vocabulary.map((v) => [v.id, v.label]));
  const lower = text.toLowerCase();
  const findings: RecognizedFinding[] = [];
  let dropped = 0;
  for (const f of output.findings) {
    const evidence = f.evidence.trim();
    const start = evidence === '' ? -1 : lower.indexOf(evidence.toLowerCase());
    if (start < 0) {
      dropped += 1;
      continue;
    }
    const id = slug(f.id);
    findings.push({
      id,
      label: labels.get(f.id) ?? f.label,
      present: f.present,
      temporality: f.temporality,
      source: { kind: 'text', start, end: start + evidence.length, text: text.slice(start, start + evidence.length) },
    });
  }
  return { result: { findings, demographics: { age: output.age, sex: output.sex } }, dropped };
}

/** An extraction with where it came from: the model, or the labelled fallback recognizer. */
export interface ExtractionResult {
  status: TaskOutcome<ExtractionOutput>['status'];
  result: RecognitionResult;
  /** `llm:<model>`, or `<fallback id> (fallback)`, or `none`. */
  recognizer: string;
  /** Model findings dropped because their evidence is not in the text. */
  dropped: number;
  message: string | null;
}

/** Options of the LLM recognizer. */
export interface LlmRecognizerOptions extends TaskCallOptions {
  router: LlmRouter;
  vocabulary?: readonly VocabularyEntry[];
  /** The deterministic recognizer used (and labelled) when no model can serve the task. */
  fallback?: FindingRecognizer;
}

/** Runs the extraction task; falls back to the rule-based recognizer when there is no model or it fails. */
export async function extractFindings(text: string, options: LlmRecognizerOptions): Promise<ExtractionResult> {
  const vocabulary = options.vocabulary ?? [];
  const task = { ...EXTRACTION_TASK, output: extractionSchema(vocabulary) };
  const { router, fallback } = options;
  const outcome = await runStructuredTask(router, task, prompt(text, vocabulary), callOptions(options));
  if (outcome.status === 'ok') {
    const { result, dropped } = toRecognitionResult(text, outcome.value, vocabulary);
    return { status: 'ok', result, recognizer: `llm:${outcome.model}`, dropped, message: null };
  }
  const empty: RecognitionResult = { findings: [], demographics: { age: null, sex: null } };
  return {
    status: outcome.status,
    result: fallback ? await fallback.recognize(text) : empty,
    recognizer: fallback ? `${fallback.id} (fallback)` : 'none',
    dropped: 0,
    message: outcome.message,
  };
}

/** The LLM extraction task behind the diagnosis engine's recognizer port. */
export class LlmFindingRecognizer implements FindingRecognizer {
  readonly id = 'llm-extraction';

  constructor(private readonly options: LlmRecognizerOptions) {}

  async recognize(text: string): Promise<RecognitionResult> {
    return (await extractFindings(text, this.options)).result;
  }
}
