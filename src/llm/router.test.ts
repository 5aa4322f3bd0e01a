import { describe, expect, it } from 'vitest';
import { parseModelSpecs, type ModelSpec } from './registry.js';
import { LlmRouter, type Deidentifier } from './router.js';
import { summarizePatient, SUMMARY_TASK } from './tasks/summary.js';
import { EXTRACTION_TASK } from './tasks/extraction.js';
import { QA_TASK } from './tasks/qa.js';
import { demoContexts } from './test-support/demo-contexts.js';
import type { GenerateRequest, LlmProvider } from './types.js';

/** A scripted model (unit tests of routing only): records what it was sent and replies with fixed text. */
function scripted(id: string, reply: string): LlmProvider & { seen: GenerateRequest[] } {
  const seen: GenerateRequest[] = [];
  return {
    seen,
    modelId: id,
    capabilities: { structured: 'json_schema', embeddings: false },
    generate: (request) => {
      seen.push(request);
      return Promise.resolve({
        text: reply,
        finishReason: 'stop',
        usage: { promptTokens: 1, completionTokens: 1, costUsd: 0 },
        modelId: id,
        latencyMs: 1,
        attempts: 1,
      });
    },
    embed: () => Promise.resolve([]),
    usage: () => ({ calls: seen.length, failures: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 }),
    close: () => Promise.resolve(),
  };
}

const specs = (raw: unknown[]): ModelSpec[] => parseModelSpecs({ models: raw }, 'test');
const external = { id: 'cloud', provider: 'openai-compatible', baseUrl: 'https://llm.example/v1', model: 'big' };
const onPrem = { id: 'local', provider: 'llama-cpp', path: '/models/x.gguf' };
const encoder = {
  id: 'bert',
  provider: 'openai-compatible',
  baseUrl: 'http://bert:80/v1',
  model: 'bert',
  architecture: 'encoder',
  dataBoundary: 'on-prem',
};

/** A toy de-identifier for the routing test: swaps one known name for a surrogate and back. */
const swapNames: Deidentifier = {
  deidentify: (texts) =>
    Promise.resolve({
      texts: texts.map((t) => t.replaceAll('Marjorie Simpson', '[PERSON-1]')),
      mapping: { '[PERSON-1]': 'Marjorie Simpson' },
    }),
  reidentify: (text, mapping) =>
    Promise.resolve(text.replaceAll('[PERSON-1]', (mapping as Record<string, string>)['[PERSON-1]'] ?? '')),
};

describe('LlmRouter', () => {
  const [ctx] = demoContexts(1);

  it('refuses to send identifiable text to an external model without a de-identifier, and sends nothing', async () => {
    const cloud = scripted('cloud', '{}');
    let created = 0;
    const router = new LlmRouter({ models: specs([external]), providerFor: () => ((created += 1), cloud) });
    const decision = router.route(SUMMARY_TASK);
    expect(decision.kind).toBe('refused');
    if (!ctx) throw new Error('no demo context');
    const result = await summarizePatient(router, ctx);
    expect(result.status).toBe('refused');
    expect(result.fallback?.label).toMatch(/deterministic/);
    expect(cloud.seen).toHaveLength(0);
    expect(created).toBe(0);
    expect(router.table([SUMMARY_TASK])[0]?.note).toMatch(/refused/);
  });

  it('routes identifiable text to an external model only through the de-identifier, and re-identifies the answer', async () => {
    const cloud = scripted('cloud', 'About [PERSON-1].');
    const router = new LlmRouter({ models: specs([external]), providerFor: () => cloud, deidentifier: swapNames });
    const decision = router.route(SUMMARY_TASK);
    expect(decision.kind).toBe('model');
    if (decision.kind !== 'model') return;
    expect(decision.deidentified).toBe(true);
    const r = await decision.provider.generate({
      messages: [{ role: 'user', content: 'Summarize Marjorie Simpson.' }],
    });
    expect(cloud.seen[0]?.messages[0]?.content).toBe('Summarize [PERSON-1].');
    expect(r.text).toBe('About Marjorie Simpson.');
  });

  it('prefers an on-prem model and lets non-identifiable tasks use external models directly', () => {
    const router = new LlmRouter({ models: specs([external, onPrem]), providerFor: (s) => scripted(s.id, '') });
    const d = router.route(SUMMARY_TASK);
    expect(d.kind === 'model' && d.spec.id).toBe('local');
    const cloudOnly = new LlmRouter({ models: specs([external]), providerFor: (s) => scripted(s.id, '') });
    const qa = cloudOnly.route(QA_TASK);
    expect(qa.kind === 'model' && qa.deidentified).toBe(false);
  });

  it('matches architectures: an encoder may extract but not generate', () => {
    const router = new LlmRouter({ models: specs([encoder]), providerFor: (s) => scripted(s.id, '') });
    expect(router.route(SUMMARY_TASK).kind).toBe('no_model_configured');
    expect(router.route(EXTRACTION_TASK).kind).toBe('model');
  });

  it('says no_model_configured with how to configure one, and the summary falls back to the labelled template', async () => {
    const router = new LlmRouter({ models: [], providerFor: () => scripted('x', '') });
    const d = router.route(SUMMARY_TASK);
    expect(d.kind).toBe('no_model_configured');
    if (d.kind === 'no_model_configured') expect(d.howToConfigure).toMatch(/VITALIS_MODEL_GGUF/);
    if (!ctx) throw new Error('no demo context');
    const result = await summarizePatient(router, ctx);
    expect(result.status).toBe('no_model_configured');
    expect(result.summary).toBeNull();
    expect(result.verified).toBe(false);
    expect(result.fallback?.verification.verified).toBe(true);
  });

  it('rejects a registry with duplicate ids or missing provider fields', () => {
    expect(() => specs([onPrem, onPrem])).toThrow(/Duplicate/);
    expect(() => specs([{ id: 'x', provider: 'llama-cpp' }])).toThrow(/path/);
    expect(specs([external])[0]?.dataBoundary).toBe('external');
    expect(specs([onPrem])[0]?.dataBoundary).toBe('on-prem');
  });
});
