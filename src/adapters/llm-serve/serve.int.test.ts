import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecognitionResultSchema } from '../../ddx/contract.js';
import { answerItem } from '../../llm/eval/qa-eval.js';
import { LlmError } from '../../llm/errors.js';
import { parseModelSpecs } from '../../llm/registry.js';
import { LlmRouter } from '../../llm/router.js';
import { extractFindings } from '../../llm/tasks/extraction.js';
import { withResilience } from '../../llm/resilient.js';
import { generateStructured } from '../../llm/structured.js';
import { haveTinyModel, TINY_MODEL } from '../../llm/test-support/tiny-model.js';
import type { LlmProvider } from '../../llm/types.js';
import { LlamaCppProvider } from '../llm-llama-cpp/index.js';
import { OpenAiCompatibleProvider } from '../llm-openai-compatible/index.js';
import { buildServeApp } from './app.js';

const Answer = z
  .object({
    choice: z.enum(['A', 'B', 'C', 'D']),
    confident: z.boolean(),
    note: z.string().max(12),
    tags: z.array(z.enum(['x', 'y'])).max(2),
  })
  .strict();

const resilience = { timeoutMs: 60_000, maxRetries: 0, retryBaseMs: 10, maxConcurrency: 2, price: null };

describe.skipIf(!haveTinyModel())('in-process GGUF (tiny random model) and `model serve` over loopback', () => {
  let raw: LlamaCppProvider;
  let local: LlmProvider;
  let app: FastifyInstance;
  let remote: LlmProvider;

  beforeAll(async () => {
    raw = await LlamaCppProvider.load({ modelPath: TINY_MODEL, contextSize: 1024, sequences: 2, threads: 1 });
    local = withResilience(raw, { ...resilience, modelId: 'tiny' });
    app = await buildServeApp({ provider: local, modelId: 'tiny' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    remote = withResilience(new OpenAiCompatibleProvider({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'tiny' }), {
      ...resilience,
      modelId: 'tiny-remote',
    });
  });

  afterAll(async () => {
    await app.close();
    await raw.close();
  });

  it('loads the model and streams text, with token accounting', async () => {
    const chunks: string[] = [];
    const result = await local.generate({
      messages: [{ role: 'user', content: 'Say hello.' }],
      maxTokens: 12,
      onText: (c) => chunks.push(c),
    });
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(result.text);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(local.usage().calls).toBeGreaterThanOrEqual(1);
  });

  it('cancels a generation when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = local.generate({
      messages: [{ role: 'user', content: 'Write a long story.' }],
      maxTokens: 2000,
      signal: controller.signal,
      onText: () => {
        controller.abort();
      },
    });
    const err: unknown = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe('aborted');
  });

  it('decodes grammar-constrained JSON that parses with zod', async () => {
    const outcome = await generateStructured(local, {
      name: 'answer',
      schema: Answer,
      messages: [{ role: 'user', content: 'Pick an answer.' }],
      maxTokens: 120,
    });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(Answer.parse(outcome.value)).toEqual(outcome.value);
  });

  it('returns embeddings', async () => {
    const vectors = await local.embed(['fever', 'cough']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]?.length).toBe(8);
    expect(vectors[0]?.every(Number.isFinite)).toBe(true);
  });

  it('serves /v1/models, chat completions, streaming and embeddings to the OpenAI-compatible provider', async () => {
    const port = (app.server.address() as AddressInfo).port;
    const models = (await (await fetch(`http://127.0.0.1:${port}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(['tiny']);
    const plain = await remote.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 8 });
    expect(plain.text.length).toBeGreaterThan(0);
    expect(plain.usage.completionTokens).toBeGreaterThan(0);
    const chunks: string[] = [];
    const streamed = await remote.generate({
      messages: [{ role: 'user', content: 'Hi' }],
      maxTokens: 8,
      onText: (c) => chunks.push(c),
    });
    expect(chunks.join('')).toBe(streamed.text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(streamed.usage.completionTokens).toBeGreaterThan(0);
    const vectors = await remote.embed(['a', 'b', 'c']);
    expect(vectors.map((v) => v.length)).toEqual([8, 8, 8]);
  });

  it('honours response_format json_schema through the OpenAI-compatible provider', async () => {
    const outcome = await generateStructured(remote, {
      name: 'answer',
      schema: Answer,
      messages: [
        { role: 'system', content: 'Answer in JSON.' },
        { role: 'user', content: 'Pick one.' },
      ],
      maxTokens: 120,
    });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(['A', 'B', 'C', 'D']).toContain(outcome.value.choice);
  });

  it('answers 400 in the OpenAI error shape for a bad request', async () => {
    const port = (app.server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [] }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { type: string } };
    expect(body.error.type).toBe('invalid_request_error');
  });

  it('runs structured extraction (vocabulary as a grammar enum) into a valid RecognitionResult', async () => {
    const [spec] = parseModelSpecs(
      { models: [{ id: 'tiny', provider: 'llama-cpp', path: TINY_MODEL, maxOutputTokens: 200 }] },
      'test',
    );
    if (!spec) throw new Error('no spec');
    const router = new LlmRouter({ models: [spec], providerFor: () => local });
    const text = 'Fever and cough for three days; denies chest pain.';
    const out = await extractFindings(text, {
      router,
      vocabulary: [
        { id: 'fever', label: 'Fever' },
        { id: 'cough', label: 'Cough' },
      ],
    });
    expect(['ok', 'failed']).toContain(out.status);
    expect(RecognitionResultSchema.parse(out.result)).toEqual(out.result);
    if (out.status === 'ok') expect(out.recognizer).toBe('llm:tiny');
  });

  it('answers an evaluation item constrained to the option labels', async () => {
    const record = await answerItem(local, {
      id: 'q1',
      question: 'Which vitamin deficiency causes scurvy?',
      options: { A: 'A', B: 'B1', C: 'C', D: 'D' },
      answer: 'C',
    });
    expect(['A', 'B', 'C', 'D']).toContain(record.predicted);
    expect(record.completionTokens).toBeGreaterThan(0);
  });

  it('stops generating when a streaming client disconnects', async () => {
    const port = (app.server.address() as AddressInfo).port;
    const before = local.usage().failures;
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Go on forever' }], max_tokens: 4000, stream: true }),
      signal: controller.signal,
    });
    const reader = res.body?.getReader();
    await reader?.read();
    controller.abort();
    await expect.poll(() => local.usage().failures, { timeout: 10_000 }).toBeGreaterThan(before);
  });
});
