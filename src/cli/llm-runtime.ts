import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { deidentifierFromPort, LlmRuntime, loadModelSpecs } from '../adapters/llm-runtime/index.js';
import type { Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import { createDeidService, deidPort } from '../deid/index.js';
import { parseModelSpecs, type Deidentifier } from '../llm/index.js';

/** De-identification before any external model (the CLI reads no Patient here: the engine's detectors apply). */
function deidentifier(config: Config): Deidentifier {
  return deidentifierFromPort(deidPort(createDeidService(config)));
}

/** The CLI's model runtime: the configured registry, plus an ad-hoc on-prem model when `--model` names a .gguf file. */
export function cliRuntime(config: Config, model?: string): { runtime: LlmRuntime; modelId: string | undefined } {
  const specs = loadModelSpecs(config);
  if (model !== undefined && /\.gguf$/i.test(model)) {
    if (!existsSync(model)) throw new AppError('VITALIS_CONFIG', `--model: no such GGUF file (${basename(model)})`);
    const id = basename(model)
      .replace(/\.gguf$/i, '')
      .replace(/[^A-Za-z0-9._:-]/g, '-');
    const extra = parseModelSpecs({ models: [{ id, provider: 'llama-cpp', path: model }] }, '--model');
    return {
      runtime: new LlmRuntime([...specs.filter((s) => s.id !== id), ...extra], {
        timeoutMs: config.llmTimeoutMs,
        deidentifier: deidentifier(config),
      }),
      modelId: id,
    };
  }
  if (model !== undefined && !specs.some((s) => s.id === model)) {
    throw new AppError(
      'VITALIS_NOT_FOUND',
      `No model "${model}" is configured; \`vitalis models\` lists them (or pass a .gguf path)`,
    );
  }
  return {
    runtime: new LlmRuntime(specs, { timeoutMs: config.llmTimeoutMs, deidentifier: deidentifier(config) }),
    modelId: model,
  };
}
