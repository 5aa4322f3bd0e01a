import { z } from 'zod';
import type { PatientContext } from '../../patient/index.js';
import { contextGroundingIndex, flattenSummaryFacts, summaryFacts } from '../grounding/context-facts.js';
import { verifyGrounding, type GroundingReport } from '../grounding/verify.js';
import type { LlmRouter } from '../router.js';
import { runStructuredTask, type TaskCallOptions } from '../task-runner.js';
import type { TaskDefinition, TaskOutcome } from '../task.js';
import type { ChatMessage, Usage } from '../types.js';
import { GROUNDING_RULES, GroundedTextSchema, type GroundedText } from './sentences.js';
import { SUMMARY_TEMPLATE_LABEL, templateSummary } from './summary-template.js';

/** The grounded patient summary task: a clinician-facing summary where every sentence cites its facts. */
export const SUMMARY_TASK: TaskDefinition<z.ZodType<PatientContext>, typeof GroundedTextSchema> = {
  id: 'summary',
  description: 'clinician-facing patient summary, every sentence citing fact ids',
  input: z.custom<PatientContext>((v) => typeof v === 'object' && v !== null && 'patient' in v),
  output: GroundedTextSchema,
  architectures: ['decoder', 'encoder-decoder'],
  identifiable: true,
  fallback: SUMMARY_TEMPLATE_LABEL,
  maxTokens: 1500,
};

/**
 * Builds the summary prompt from the selected facts (no names: the context's display block is never sent). When the
 * prompt exceeds `budgetChars`, the lowest-priority facts (reports, procedures, encounters, then labs...) are left out.
 */
export function summaryPrompt(
  facts: ReturnType<typeof summaryFacts>,
  budgetChars = Number.POSITIVE_INFINITY,
): ChatMessage[] {
  const lines = flattenSummaryFacts(facts).map((f) => f.line);
  const fixed = 1200;
  let size = lines.reduce((n, l) => n + l.length + 1, fixed);
  while (size > budgetChars && lines.length > 1) {
    size -= (lines.pop() ?? '').length + 1;
  }
  return [
    {
      role: 'system',
      content:
        'You write concise clinical summaries for physicians from a patient record.\n' +
        `${GROUNDING_RULES}\nWrite 4 to 10 sentences: who the patient is, active problems, medications, allergies, ` +
        'abnormal or recent results, and what needs attention.',
    },
    { role: 'user', content: `Facts of the record:\n${lines.join('\n')}` },
  ];
}

/** What the API and CLI return for a summary request. */
export interface SummaryResult {
  patient: string;
  status: TaskOutcome<GroundedText>['status'];
  /** The model's summary, or null. */
  summary: GroundedText | null;
  /** The verifier's report of the model's summary; a summary that fails is shown as unverified. */
  verification: GroundingReport | null;
  verified: boolean;
  model: string | null;
  usage: Usage | null;
  latencyMs: number | null;
  deidentified: boolean;
  /** Why there is no (verified) model summary, and what to do. */
  message: string | null;
  howToConfigure: string | null;
  /** The deterministic summary, labelled, when no model summary is available. */
  fallback: { label: string; summary: GroundedText; verification: GroundingReport } | null;
}

/** Overhead parts of a summary (context facts, prompt, verification), usable without a model for benchmarks. */
export function prepareSummary(ctx: PatientContext): {
  facts: ReturnType<typeof summaryFacts>;
  messages: ChatMessage[];
  prompt: (budgetChars: number) => ChatMessage[];
  verify: (text: GroundedText) => GroundingReport;
} {
  const facts = summaryFacts(ctx);
  const index = contextGroundingIndex(ctx, facts);
  return {
    facts,
    messages: summaryPrompt(facts),
    prompt: (budget) => summaryPrompt(facts, budget),
    verify: (text) => verifyGrounding(text.sentences, index),
  };
}

/** Runs the grounded summary task on a context, verifies the output, and falls back to the labelled template. */
export async function summarizePatient(
  router: LlmRouter,
  ctx: PatientContext,
  options: TaskCallOptions = {},
): Promise<SummaryResult> {
  const prepared = prepareSummary(ctx);
  const outcome = await runStructuredTask(router, SUMMARY_TASK, prepared.prompt, {
    ...options,
    patientId: ctx.patient.id,
  });
  const fallback = (): SummaryResult['fallback'] => {
    const summary = templateSummary(prepared.facts);
    return { label: SUMMARY_TEMPLATE_LABEL, summary, verification: prepared.verify(summary) };
  };
  const base = { patient: ctx.patient.id, status: outcome.status, howToConfigure: null, deidentified: false };
  if (outcome.status !== 'ok') {
    return {
      ...base,
      summary: null,
      verification: null,
      verified: false,
      model: null,
      usage: null,
      latencyMs: null,
      message: outcome.message,
      howToConfigure: outcome.status === 'no_model_configured' ? outcome.howToConfigure : null,
      fallback: fallback(),
    };
  }
  const verification = prepared.verify(outcome.value);
  return {
    ...base,
    summary: outcome.value,
    verification,
    verified: verification.verified,
    model: outcome.model,
    usage: outcome.usage,
    latencyMs: outcome.latencyMs,
    deidentified: outcome.deidentified,
    message: verification.verified
      ? null
      : `The model's summary failed verification (groundedness ${Math.round(verification.score * 100)} %); it is shown unverified with the report.`,
    fallback: verification.verified ? null : fallback(),
  };
}
