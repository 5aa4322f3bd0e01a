import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../core/config.js';
import { isAppError } from '../../core/errors.js';
import { ALL_TASKS, summarizePatient } from '../../llm/index.js';
import { demoContexts } from '../../llm/test-support/demo-contexts.js';
import { createLlmRuntime, loadModelSpecs } from './runtime.js';

describe('model registry from a models file and env shortcuts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitalis-models-'));
    await writeFile(
      join(dir, 'models.json'),
      JSON.stringify({
        models: [
          {
            id: 'vllm',
            provider: 'openai-compatible',
            baseUrl: 'http://127.0.0.1:9/v1',
            model: 'x',
            dataBoundary: 'on-prem',
            tasks: ['summary'],
          },
          {
            id: 'ner',
            provider: 'openai-compatible',
            baseUrl: 'http://127.0.0.1:9/v1',
            model: 'bert',
            architecture: 'encoder',
            dataBoundary: 'on-prem',
          },
        ],
      }),
    );
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ models: [{ id: 'x', provider: 'nope' }] }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('merges the file with VITALIS_MODEL_GGUF / VITALIS_LLM_URL shortcuts and routes each task', () => {
    const config = ConfigSchema.parse({
      llmModelsFile: join(dir, 'models.json'),
      llmUrl: 'https://llm.example/v1',
      llmModel: 'gpt-x',
      llmModelGguf: '/models/med.gguf',
    });
    const specs = loadModelSpecs(config);
    expect(specs.map((s) => [s.id, s.provider, s.dataBoundary])).toEqual([
      ['vllm', 'openai-compatible', 'on-prem'],
      ['ner', 'openai-compatible', 'on-prem'],
      ['med', 'llama-cpp', 'on-prem'],
      ['gpt-x', 'openai-compatible', 'external'],
    ]);
    const runtime = createLlmRuntime(config);
    const table = runtime.router.table(ALL_TASKS);
    expect(table.find((r) => r.task === 'summary')?.model).toBe('vllm');
    expect(table.find((r) => r.task === 'patient-letter')?.model).toBe('med');
    expect(table.find((r) => r.task === 'extraction')?.model).toBe('ner');
  });

  it('names the variable when the models file is invalid, and unknown model ids', () => {
    const bad = (): unknown => loadModelSpecs(ConfigSchema.parse({ llmModelsFile: join(dir, 'bad.json') }));
    expect(bad).toThrow(/VITALIS_MODELS_FILE/);
    const runtime = createLlmRuntime(ConfigSchema.parse({}));
    expect(runtime.models).toEqual([]);
    let err: unknown;
    try {
      runtime.provider('nope');
    } catch (e) {
      err = e;
    }
    expect(isAppError(err, 'VITALIS_NOT_FOUND')).toBe(true);
  });

  it('loads a GGUF only when a task needs it, and reports a file that does not load as a typed failure', async () => {
    const runtime = createLlmRuntime(ConfigSchema.parse({ llmModelGguf: join(dir, 'missing.gguf') }));
    const [ctx] = demoContexts(1);
    if (!ctx) throw new Error('no context');
    const result = await summarizePatient(runtime.router, ctx);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/GGUF/);
    expect(result.fallback?.verification.verified).toBe(true);
    await runtime.close();
  });
});
