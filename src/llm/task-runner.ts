import type { z } from 'zod';
import { LlmError } from './errors.js';
import type { LlmRouter } from './router.js';
import { generateStructured, totalUsage } from './structured.js';
import type { TaskDefinition, TaskOutcome } from './task.js';
import type { ChatMessage } from './types.js';

/** Per-call options every task accepts. */
export interface TaskCallOptions {
  /** Force one configured model id (else the router chooses). */
  model?: string;
  patientId?: string;
  signal?: AbortSignal;
  temperature?: number;
  /** Receives the model's text as it is generated (progress display). */
  onText?: (chunk: string) => void;
}

/** Builds a task's messages for a prompt budget in characters (the model's context minus its output reserve). */
export type PromptBuilder = (budgetChars: number) => ChatMessage[];

/** Characters per token assumed when fitting a prompt into a context window (conservative for English and JSON). */
export const CHARS_PER_TOKEN = 3;

/** Routes a task, runs one structured generation (with one repair), and maps every failure into a typed outcome. */
export async function runStructuredTask<O extends z.ZodType>(
  router: LlmRouter,
  task: TaskDefinition<z.ZodType, O>,
  prompt: ChatMessage[] | PromptBuilder,
  options: TaskCallOptions = {},
): Promise<TaskOutcome<z.output<O>>> {
  const decision = router.route(task, {
    ...(options.patientId === undefined ? {} : { patientId: options.patientId }),
    ...(options.model === undefined ? {} : { model: options.model }),
  });
  if (decision.kind === 'no_model_configured') {
    return {
      status: 'no_model_configured',
      task: task.id,
      message: decision.message,
      howToConfigure: decision.howToConfigure,
    };
  }
  if (decision.kind === 'refused') return { status: 'refused', task: task.id, message: decision.message };
  const maxTokens = Math.min(task.maxTokens, decision.spec.maxOutputTokens);
  const budgetChars = Math.max(0, (decision.spec.contextWindow - maxTokens) * CHARS_PER_TOKEN);
  const messages = typeof prompt === 'function' ? prompt(budgetChars) : prompt;
  try {
    const outcome = await generateStructured(decision.provider, {
      name: task.id.replace(/-/g, '_'),
      schema: task.output,
      messages,
      maxTokens,
      ...(options.onText === undefined ? {} : { onText: options.onText }),
      temperature: options.temperature ?? 0.2,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const usage = totalUsage(outcome.calls);
    const latencyMs = outcome.calls.reduce((t, c) => t + c.latencyMs, 0);
    if (!outcome.ok) {
      return {
        status: 'failed',
        task: task.id,
        error: 'invalid_output',
        message: `Model ${decision.spec.id} did not produce valid ${task.id} output after one repair attempt`,
        issues: outcome.issues,
      };
    }
    return {
      status: 'ok',
      value: outcome.value,
      model: decision.spec.id,
      usage,
      latencyMs,
      repaired: outcome.repaired,
      deidentified: decision.deidentified,
    };
  } catch (err) {
    if (err instanceof LlmError) {
      return { status: 'failed', task: task.id, error: err.kind, message: err.message, issues: [] };
    }
    throw err;
  }
}

/** Picks the per-call options out of a larger options object. */
export function callOptions(o: TaskCallOptions): TaskCallOptions {
  return {
    ...(o.model === undefined ? {} : { model: o.model }),
    ...(o.patientId === undefined ? {} : { patientId: o.patientId }),
    ...(o.signal === undefined ? {} : { signal: o.signal }),
    ...(o.temperature === undefined ? {} : { temperature: o.temperature }),
    ...(o.onText === undefined ? {} : { onText: o.onText }),
  };
}
