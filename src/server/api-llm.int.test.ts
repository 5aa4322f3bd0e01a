import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.js';
import type { DdxExplanationResult, ExtractionResult, LetterResult, SummaryResult } from '../llm/index.js';
import { haveTinyModel, TINY_MODEL } from '../llm/test-support/tiny-model.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('LLM API without a model (pglite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 7, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers no_model_configured with how to configure one and the labelled, verified template summary', async () => {
    const res = await fetchJson<SummaryResult>(`${server.url}/api/patients/showcase-warfarin-nsaid/summary`, post({}));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('no_model_configured');
    expect(res.body.verified).toBe(false);
    expect(res.body.howToConfigure).toMatch(/VITALIS_MODEL_GGUF/);
    expect(res.body.fallback?.label).toMatch(/deterministic-template/);
    expect(res.body.fallback?.verification.verified).toBe(true);
    expect(JSON.stringify(res.body.fallback?.summary)).toMatch(/warfarin/i);
  });

  it('falls back for letters (with readability) and extraction (rule-based recognizer, labelled)', async () => {
    const letter = await fetchJson<LetterResult>(
      `${server.url}/api/patients/showcase-warfarin-nsaid/letter`,
      post({ language: 'fr', readingGrade: 7 }),
    );
    expect(letter.body.status).toBe('no_model_configured');
    expect(letter.body.fallback?.letter.title).toBe('Votre dossier de santé');
    expect(letter.body.fallback?.readability.measure).toBe('kandel-moles');
    const extract = await fetchJson<ExtractionResult>(
      `${server.url}/api/llm/extract`,
      post({ text: '61 year old man with crushing chest pain radiating to the left arm; denies fever.' }),
    );
    expect(extract.status).toBe(200);
    expect(extract.body.recognizer).toBe('rules (fallback)');
    expect(extract.body.result.findings.length).toBeGreaterThan(0);
  });

  it("explains the engine's differential of a chart with the cited, verified template", async () => {
    const res = await fetchJson<{
      differential: { differential: { condition: string }[] };
      explanation: DdxExplanationResult;
    }>(`${server.url}/api/patients/showcase-pediatric-meningitis/ddx-explanation`, post({}));
    expect(res.status).toBe(200);
    expect(res.body.differential.differential.length).toBeGreaterThan(0);
    expect(res.body.explanation.status).toBe('no_model_configured');
    expect(res.body.explanation.fallback?.verification.verified).toBe(true);
  });

  it('lists the routing and rejects bad input', async () => {
    const models = await fetchJson<{ models: unknown[]; routing: { task: string; model: string | null }[] }>(
      `${server.url}/api/models`,
    );
    expect(models.body.models).toEqual([]);
    expect(models.body.routing.map((r) => r.task)).toContain('summary');
    expect((await fetchJson(`${server.url}/api/patients/no-such-patient/summary`, post({}))).status).toBe(404);
    expect(
      (await fetchJson(`${server.url}/api/patients/showcase-sepsis/letter`, post({ language: 'xx' }))).status,
    ).toBe(400);
  });
});

describe.skipIf(!haveTinyModel())('LLM API with the tiny GGUF configured (pglite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { llmModelGguf: TINY_MODEL });
    await seedDemo(server.repo, { patients: 2, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('routes the summary to the on-prem model and never presents its gibberish as verified', async () => {
    const res = await fetchJson<SummaryResult>(`${server.url}/api/patients/showcase-sepsis/summary`, post({}));
    expect(res.status).toBe(200);
    expect(['ok', 'failed']).toContain(res.body.status);
    expect(res.body.verified).toBe(false);
    if (res.body.status === 'ok') {
      expect(res.body.model).toBe('llama-2-tiny-random');
      expect(res.body.verification?.sentences.length).toBeGreaterThan(0);
      expect(res.body.usage?.completionTokens).toBeGreaterThan(0);
    }
    expect(res.body.fallback?.verification.verified).toBe(true);
    const models = await fetchJson<{ routing: { task: string; model: string | null; boundary: string }[] }>(
      `${server.url}/api/models`,
    );
    expect(models.body.routing.find((r) => r.task === 'summary')).toMatchObject({
      model: 'llama-2-tiny-random',
      boundary: 'on-prem',
    });
  });
});
