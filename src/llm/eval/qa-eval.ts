import { LlmError } from '../errors.js';
import { generateStructured } from '../structured.js';
import { answerSchema } from '../tasks/qa.js';
import type { ChatMessage, LlmProvider } from '../types.js';
import { bootstrapAccuracy, type AccuracyCi } from './bootstrap.js';
import type { QaItem } from './datasets.js';

/** One answered item, as appended to the resumable results file. */
export interface QaRecord {
  id: string;
  answer: string;
  predicted: string | null;
  correct: boolean;
  latencyMs: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  error: string | null;
}

/** The prompt of a multiple-choice item. */
export function qaMessages(item: QaItem): ChatMessage[] {
  const labels = Object.keys(item.options);
  const options = labels.map((k) => (item.options[k] === k ? `- ${k}` : `${k}. ${item.options[k] ?? ''}`)).join('\n');
  return [
    {
      role: 'system',
      content: `You are a medical expert. Answer with the best option as JSON {"answer": one of ${labels.map((l) => `"${l}"`).join(', ')}}.`,
    },
    { role: 'user', content: `${item.question}\n\nOptions:\n${options}` },
  ];
}

/** Answers one item (constrained to the option labels) and scores it; failures are recorded, not thrown. */
export async function answerItem(provider: LlmProvider, item: QaItem, signal?: AbortSignal): Promise<QaRecord> {
  const labels = Object.keys(item.options) as [string, ...string[]];
  const started = performance.now();
  try {
    const outcome = await generateStructured(provider, {
      name: 'answer',
      schema: answerSchema(labels),
      messages: qaMessages(item),
      maxTokens: 16,
      temperature: 0,
      ...(signal ? { signal } : {}),
    });
    const usage = outcome.calls.reduce<{ p: number; c: number; cost: number | null }>(
      (t, c) => ({
        p: t.p + c.usage.promptTokens,
        c: t.c + c.usage.completionTokens,
        cost: t.cost === null || c.usage.costUsd === null ? null : t.cost + c.usage.costUsd,
      }),
      { p: 0, c: 0, cost: 0 },
    );
    const predicted = outcome.ok ? outcome.value.answer : null;
    return {
      id: item.id,
      answer: item.answer,
      predicted,
      correct: predicted === item.answer,
      latencyMs: Math.round(performance.now() - started),
      promptTokens: usage.p,
      completionTokens: usage.c,
      costUsd: usage.cost,
      error: outcome.ok ? null : 'invalid_output',
    };
  } catch (err) {
    if (!(err instanceof LlmError) || err.kind === 'aborted') throw err;
    return {
      id: item.id,
      answer: item.answer,
      predicted: null,
      correct: false,
      latencyMs: Math.round(performance.now() - started),
      promptTokens: 0,
      completionTokens: 0,
      costUsd: null,
      error: err.kind,
    };
  }
}

/** Aggregates: accuracy with its bootstrap CI, latency and cost per item, errors. */
export interface QaSummary {
  accuracy: AccuracyCi;
  meanLatencyMs: number;
  costPerItemUsd: number | null;
  tokensPerItem: number;
  errors: number;
}

/** Summarizes answered items. */
export function summarizeQa(records: readonly QaRecord[]): QaSummary {
  const n = Math.max(1, records.length);
  const costs = records.map((r) => r.costUsd);
  return {
    accuracy: bootstrapAccuracy(records.map((r) => r.correct)),
    meanLatencyMs: Math.round(records.reduce((t, r) => t + r.latencyMs, 0) / n),
    costPerItemUsd: costs.some((c) => c === null) ? null : costs.reduce<number>((t, c) => t + (c ?? 0), 0) / n,
    tokensPerItem: Math.round(records.reduce((t, r) => t + r.promptTokens + r.completionTokens, 0) / n),
    errors: records.filter((r) => r.error !== null).length,
  };
}
