import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../core/config.js';
import { createDeidService, deidPort } from '../../deid/index.js';
import { parseModelSpecs } from '../../llm/registry.js';
import { LlmRouter } from '../../llm/router.js';
import { SUMMARY_TASK } from '../../llm/tasks/summary.js';
import type { GenerateRequest, LlmProvider } from '../../llm/types.js';
import { deidentifierFromPort } from './deid-bridge.js';

/** A scripted external model (routing test only): echoes the user message back. */
function echo(seen: GenerateRequest[]): LlmProvider {
  return {
    modelId: 'cloud',
    capabilities: { structured: 'json_schema', embeddings: false },
    generate: (request) => {
      seen.push(request);
      return Promise.resolve({
        text: `Noted: ${request.messages.at(-1)?.content ?? ''}`,
        finishReason: 'stop',
        usage: { promptTokens: 1, completionTokens: 1, costUsd: null },
        modelId: 'cloud',
        latencyMs: 1,
        attempts: 1,
      });
    },
    embed: () => Promise.resolve([]),
    usage: () => ({ calls: seen.length, failures: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 }),
    close: () => Promise.resolve(),
  };
}

describe('the de-identification engine behind the router', () => {
  it('sends only de-identified text to an external model and re-identifies the answer', async () => {
    const service = createDeidService(ConfigSchema.parse({ dataDir: 'memory://' }));
    const seen: GenerateRequest[] = [];
    const models = parseModelSpecs(
      { models: [{ id: 'cloud', provider: 'openai-compatible', baseUrl: 'https://x.example/v1', model: 'm' }] },
      'test',
    );
    const router = new LlmRouter({
      models,
      providerFor: () => echo(seen),
      deidentifier: deidentifierFromPort(deidPort(service)),
    });
    const decision = router.route(SUMMARY_TASK);
    expect(decision.kind === 'model' && decision.deidentified).toBe(true);
    if (decision.kind !== 'model') return;
    const note = 'Seen by Dr. Gregory House. Patient phone 617-555-0199, MRN 84421907.';
    const result = await decision.provider.generate({ messages: [{ role: 'user', content: note }] });
    const sent = seen[0]?.messages[0]?.content ?? '';
    expect(sent).not.toContain('617-555-0199');
    expect(sent).not.toContain('84421907');
    expect(result.text).toBe(`Noted: ${note}`);
  });

  it('finds the own name of the patient and record number from the chart, even with no cue in the text', async () => {
    const service = createDeidService(ConfigSchema.parse({ dataDir: 'memory://' }));
    const seen: GenerateRequest[] = [];
    const models = parseModelSpecs(
      { models: [{ id: 'cloud', provider: 'openai-compatible', baseUrl: 'https://x.example/v1', model: 'm' }] },
      'test',
    );
    const patient: Patient = {
      resourceType: 'Patient',
      id: 'p1',
      name: [{ family: 'Quennellby', given: ['Zarvine'] }],
      identifier: [{ type: { coding: [{ code: 'MR' }] }, value: 'QX-7731' }],
    };
    const router = new LlmRouter({
      models,
      providerFor: () => echo(seen),
      deidentifier: deidentifierFromPort(deidPort(service), (id) => Promise.resolve(id === 'p1' ? patient : undefined)),
    });
    const decision = router.route(SUMMARY_TASK, { patientId: 'p1' });
    if (decision.kind !== 'model') throw new Error('expected a model route');
    const note = 'zarvine quennellby came back today; record QX-7731 reviewed.';
    const result = await decision.provider.generate({ messages: [{ role: 'user', content: note }] });
    const sent = seen[0]?.messages[0]?.content ?? '';
    expect(sent.toLowerCase()).not.toContain('quennellby');
    expect(sent).not.toContain('QX-7731');
    expect(result.text).toBe(`Noted: ${note}`);
  });
});
