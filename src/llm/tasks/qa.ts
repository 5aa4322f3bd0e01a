import { z } from 'zod';
import type { TaskDefinition } from '../task.js';

/** Multiple-choice answer (evaluation questions identify nobody, so external models may answer them directly). */
export const QaAnswerSchema = z.object({ answer: z.string().min(1).max(8) }).strict();

/** The question-answering task used by the evaluation harness. */
export const QA_TASK: TaskDefinition<z.ZodType<{ question: string }>, typeof QaAnswerSchema> = {
  id: 'qa',
  description: 'multiple-choice medical question answering (evaluation)',
  input: z.object({ question: z.string() }),
  output: QaAnswerSchema,
  architectures: ['decoder', 'encoder-decoder'],
  identifiable: false,
  fallback: 'none',
  maxTokens: 16,
};

/** A schema that only admits the given answer labels (becomes an enum in grammars and JSON Schemas). */
export function answerSchema(labels: readonly [string, ...string[]]): z.ZodType<{ answer: string }> {
  return z.object({ answer: z.enum(labels) }).strict();
}
