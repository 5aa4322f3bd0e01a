import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import { generateDemoPatients, generateLargeRecordPatient } from '../demo/index.js';
import { GroundedTextSchema, jsonSchemaFor, prepareSummary, templateSummary, withResilience } from '../llm/index.js';
import { contextFromResources } from '../patient/index.js';
import { percentile, round } from './stats.js';

/**
 * `npm run bench:llm`: the overhead Vitalis adds around one summary call (context build, prompt assembly, schema
 * validation, grounding verification; target <= 20 ms), and the tokens/s of the tiny GGUF model (for the record).
 */

const NOW = new Date('2026-06-01T12:00:00Z');
const TINY = fileURLToPath(
  new URL('../../../shared/models/llama-2-tiny-random/llama-2-tiny-random.gguf', import.meta.url),
);

function split(bundle: Bundle): { patient: Patient; resources: Resource[] } {
  const resources = (bundle.entry ?? []).flatMap((e): Resource[] => (e.resource ? [e.resource] : []));
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  if (!patient) throw new Error('bundle without a Patient');
  return { patient, resources };
}

/** One summary's overhead in ms, split by stage; `modelJson` stands in for the model's answer. */
function overhead(record: { patient: Patient; resources: Resource[] }): Record<string, number> {
  const t0 = performance.now();
  const ctx = contextFromResources(record.patient, record.resources, { now: NOW });
  const t1 = performance.now();
  const prepared = prepareSummary(ctx);
  jsonSchemaFor('summary', GroundedTextSchema);
  const t2 = performance.now();
  const modelJson = JSON.stringify(templateSummary(prepared.facts));
  const t3 = performance.now();
  const parsed = GroundedTextSchema.parse(JSON.parse(modelJson));
  const t4 = performance.now();
  prepared.verify(parsed);
  const t5 = performance.now();
  return { context: t1 - t0, prompt: t2 - t1, validate: t4 - t3, verify: t5 - t4, total: t5 - t3 + (t2 - t0) };
}

function measure(
  records: { patient: Patient; resources: Resource[] }[],
  rounds: number,
): Record<string, { p50: number; p95: number }> {
  for (const r of records) overhead(r);
  const samples: Record<string, number[]> = {};
  for (let i = 0; i < rounds; i += 1) {
    for (const r of records) {
      for (const [k, v] of Object.entries(overhead(r))) (samples[k] ??= []).push(v);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([k, v]) => [
      k,
      { p50: round(percentile(v, 50), 3), p95: round(percentile(v, 95), 3) },
    ]),
  );
}

async function tokensPerSecond(): Promise<{ plain: number; grammar: number } | null> {
  if (!existsSync(TINY)) return null;
  const { LlamaCppProvider } = await import('../adapters/llm-llama-cpp/index.js');
  const raw = await LlamaCppProvider.load({ modelPath: TINY, contextSize: 2048 });
  const provider = withResilience(raw, {
    modelId: 'tiny',
    timeoutMs: 120_000,
    maxRetries: 0,
    retryBaseMs: 10,
    maxConcurrency: 1,
    price: null,
  });
  const run = async (structured: boolean): Promise<number> => {
    let tokens = 0;
    let ms = 0;
    for (let i = 0; i < 3; i += 1) {
      const r = await provider.generate({
        messages: [{ role: 'user', content: `Summarize the chart, take ${i}.` }],
        maxTokens: 256,
        ...(structured ? { jsonSchema: jsonSchemaFor('summary', GroundedTextSchema) } : {}),
      });
      tokens += r.usage.completionTokens;
      ms += r.latencyMs;
    }
    return round((tokens / ms) * 1000, 1);
  };
  try {
    return { plain: await run(false), grammar: await run(true) };
  } finally {
    await raw.close();
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const demo = [...generateDemoPatients({ patients: 7, seed: 42 })].map(split);
  const large = [split(generateLargeRecordPatient({ seed: 1, resources: 5000 }))];
  const demoStats = measure(demo, 30);
  const largeStats = measure(large, 10);
  const tps = await tokensPerSecond();
  const result = {
    overheadMs: { demoPatients: demoStats, largeRecord5000: largeStats },
    targetMs: 20,
    meetsTarget: (demoStats['total']?.p50 ?? Infinity) <= 20,
    tinyModelTokensPerSecond: tps,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const line = (name: string, s: Record<string, { p50: number; p95: number }>): string =>
    `  ${name.padEnd(26)} total p50 ${s['total']?.p50} ms, p95 ${s['total']?.p95} ms  (p50/p95: context ${s['context']?.p50}/${s['context']?.p95}, prompt ${s['prompt']?.p50}/${s['prompt']?.p95}, validate ${s['validate']?.p50}/${s['validate']?.p95}, verify ${s['verify']?.p50}/${s['verify']?.p95} ms)`;
  process.stdout.write(
    [
      'Vitalis overhead per summary (context build + prompt + schema validation + grounding verification):',
      line('7 demo patients x 30', demoStats),
      line('large record (5,000 res.)', largeStats),
      `  target <= 20 ms per summary (p50, demo patients): ${result.meetsTarget ? 'met' : 'NOT met'}`,
      tps
        ? `Tiny GGUF model (random weights, for the record): ${tps.plain} tokens/s plain, ${tps.grammar} tokens/s grammar-constrained`
        : 'Tiny GGUF model not found (../shared/models); tokens/s skipped',
    ].join('\n') + '\n',
  );
}

await main();
