import { DdxResultSchema, type DdxResult } from '../../ddx/contract.js';
import { factsFromDdx } from '../grounding/facts.js';
import { buildGroundingIndex, verifyGrounding, type GroundingReport } from '../grounding/verify.js';
import type { LlmRouter } from '../router.js';
import { runStructuredTask, type TaskCallOptions } from '../task-runner.js';
import type { TaskDefinition, TaskOutcome } from '../task.js';
import type { ChatMessage, Usage } from '../types.js';
import { GROUNDING_RULES, GroundedTextSchema, type GroundedText } from './sentences.js';

/** The label of the deterministic differential narrative. */
export const DDX_TEMPLATE_LABEL = 'deterministic-template (no language model)';

/** Differential explanation: a narrative of the diagnosis engine's output, grounded in its findings. */
export const DDX_EXPLANATION_TASK: TaskDefinition<typeof DdxResultSchema, typeof GroundedTextSchema> = {
  id: 'ddx-explanation',
  description: "narrative of the diagnosis engine's differential, citing findings and conditions",
  input: DdxResultSchema,
  output: GroundedTextSchema,
  architectures: ['decoder', 'encoder-decoder'],
  identifiable: true,
  fallback: DDX_TEMPLATE_LABEL,
  maxTokens: 700,
};

const pct = (p: number): string => `${Math.round(p * 1000) / 10} %`;

/** A fully cited narrative of a differential, built without a model. */
export function templateDdxExplanation(result: DdxResult): GroundedText {
  const findingIds = new Set(result.findings.map((f) => f.id));
  const sentences: GroundedText['sentences'] = [];
  const [top, ...rest] = result.differential;
  if (!top) return { sentences: [{ text: 'The diagnosis engine returned no differential.', citations: [] }] };
  sentences.push({
    text: `The leading diagnosis is ${top.name} (${pct(top.probability)}, ${top.group}).`,
    citations: [top.condition],
  });
  const support = top.for.filter((w) => findingIds.has(w.finding)).slice(0, 7);
  if (support.length > 0) {
    sentences.push({
      text: `Findings for it: ${support.map((w) => w.label).join('; ')}.`,
      citations: [top.condition, ...support.map((w) => w.finding)],
    });
  }
  const against = top.against.filter((w) => findingIds.has(w.finding)).slice(0, 7);
  if (against.length > 0) {
    sentences.push({
      text: `Findings against it: ${against.map((w) => w.label).join('; ')}.`,
      citations: [top.condition, ...against.map((w) => w.finding)],
    });
  }
  const others = rest.slice(0, 4);
  if (others.length > 0) {
    sentences.push({
      text: `Also considered: ${others.map((d) => `${d.name} (${pct(d.probability)})`).join('; ')}.`,
      citations: others.map((d) => d.condition),
    });
  }
  const cantMiss = result.differential.filter((d) => d.group === 'cant-miss' && d !== top).slice(0, 3);
  if (cantMiss.length > 0) {
    sentences.push({
      text: `Not to be missed: ${cantMiss.map((d) => d.name).join('; ')}.`,
      citations: cantMiss.map((d) => d.condition),
    });
  }
  return { sentences };
}

/** What the API returns for a differential explanation. */
export interface DdxExplanationResult {
  status: TaskOutcome<GroundedText>['status'];
  explanation: GroundedText | null;
  verification: GroundingReport | null;
  verified: boolean;
  model: string | null;
  usage: Usage | null;
  message: string | null;
  fallback: { label: string; explanation: GroundedText; verification: GroundingReport } | null;
}

/** Runs the differential explanation, verifies it against the engine's output, and falls back to the template. */
export async function explainDifferential(
  router: LlmRouter,
  result: DdxResult,
  options: TaskCallOptions = {},
): Promise<DdxExplanationResult> {
  const facts = factsFromDdx(result);
  const index = buildGroundingIndex(facts);
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content:
        "You explain a diagnosis engine's differential to a physician in 3 to 8 sentences: the leading diagnoses with " +
        `their probabilities, the findings for and against, and what is not to be missed.\n${GROUNDING_RULES}`,
    },
    { role: 'user', content: `Findings and conditions:\n${facts.map((f) => f.line).join('\n')}` },
  ];
  const outcome = await runStructuredTask(router, DDX_EXPLANATION_TASK, messages, options);
  const fallback = (): DdxExplanationResult['fallback'] => {
    const explanation = templateDdxExplanation(result);
    return { label: DDX_TEMPLATE_LABEL, explanation, verification: verifyGrounding(explanation.sentences, index) };
  };
  if (outcome.status !== 'ok') {
    return {
      status: outcome.status,
      explanation: null,
      verification: null,
      verified: false,
      model: null,
      usage: null,
      message: outcome.message,
      fallback: fallback(),
    };
  }
  const verification = verifyGrounding(outcome.value.sentences, index);
  return {
    status: 'ok',
    explanation: outcome.value,
    verification,
    verified: verification.verified,
    model: outcome.model,
    usage: outcome.usage,
    message: verification.verified
      ? null
      : 'The explanation failed verification; it is shown unverified with the report.',
    fallback: verification.verified ? null : fallback(),
  };
}
