import type { z } from 'zod';
import { extractJson, jsonSchemaFor } from './json-schema.js';
import type { ChatMessage, GenerateResult, LlmProvider, Usage } from './types.js';

/** A structured generation: the typed value, or a typed failure after one repair attempt. */
export type StructuredOutcome<T> =
  | { ok: true; value: T; calls: GenerateResult[]; repaired: boolean }
  | { ok: false; error: 'invalid_output'; issues: string[]; calls: GenerateResult[] };

/** Options of a structured call. */
export interface StructuredRequest<S extends z.ZodType> {
  name: string;
  schema: S;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  onText?: (chunk: string) => void;
}

function check<S extends z.ZodType>(schema: S, text: string): { value: z.output<S> } | { issues: string[] } {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch {
    return { issues: ['the output is not valid JSON'] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  return {
    issues: parsed.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

/** Sums the usage of several calls. */
export function totalUsage(calls: readonly GenerateResult[]): Usage {
  let cost: number | null = 0;
  let prompt = 0;
  let completion = 0;
  for (const c of calls) {
    prompt += c.usage.promptTokens;
    completion += c.usage.completionTokens;
    cost = cost === null || c.usage.costUsd === null ? null : cost + c.usage.costUsd;
  }
  return { promptTokens: prompt, completionTokens: completion, costUsd: cost };
}

/**
 * Asks the model for JSON following a zod schema (enforced by the provider: grammar, response_format or tool use),
 * always re-validates with zod, and makes one repair attempt that shows the model its errors.
 */
export async function generateStructured<S extends z.ZodType>(
  provider: LlmProvider,
  request: StructuredRequest<S>,
): Promise<StructuredOutcome<z.output<S>>> {
  const jsonSchema = jsonSchemaFor(request.name, request.schema);
  const base = {
    jsonSchema,
    ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.onText === undefined ? {} : { onText: request.onText }),
  };
  const calls: GenerateResult[] = [];
  const first = await provider.generate({ ...base, messages: request.messages });
  calls.push(first);
  const firstCheck = check(request.schema, first.text);
  if ('value' in firstCheck) return { ok: true, value: firstCheck.value, calls, repaired: false };
  const repairMessages: ChatMessage[] = [
    ...request.messages,
    { role: 'assistant', content: first.text.slice(0, 4000) },
    {
      role: 'user',
      content:
        `That output does not follow the required JSON Schema: ${firstCheck.issues.join('; ')}. ` +
        'Answer again with only the corrected JSON object.',
    },
  ];
  const second = await provider.generate({ ...base, messages: repairMessages });
  calls.push(second);
  const secondCheck = check(request.schema, second.text);
  if ('value' in secondCheck) return { ok: true, value: secondCheck.value, calls, repaired: true };
  return { ok: false, error: 'invalid_output', issues: secondCheck.issues, calls };
}
