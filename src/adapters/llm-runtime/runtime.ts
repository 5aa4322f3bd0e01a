import { readFileSync } from 'node:fs';
import type { Config } from '../../core/config.js';
import { AppError } from '../../core/errors.js';
import { LlmError } from '../../llm/errors.js';
import { parseModelSpecs, shortcutModels, type ModelSpec } from '../../llm/registry.js';
import { withResilience } from '../../llm/resilient.js';
import { LlmRouter, type Deidentifier } from '../../llm/router.js';
import type { LlmProvider, ProviderCapabilities, RawProvider, UsageTotals } from '../../llm/types.js';
import { AnthropicProvider } from '../llm-anthropic/index.js';
import { OpenAiCompatibleProvider } from '../llm-openai-compatible/index.js';

/** Reads the model registry: the models file (VITALIS_MODELS_FILE) plus the env shortcuts. */
export function loadModelSpecs(config: Config): ModelSpec[] {
  const fromFile: unknown[] = [];
  if (config.llmModelsFile) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(config.llmModelsFile, 'utf8')) as unknown;
    } catch (err) {
      throw new AppError('VITALIS_CONFIG', 'VITALIS_MODELS_FILE cannot be read as JSON', { cause: err });
    }
    const file = parseModelSpecs(raw, 'VITALIS_MODELS_FILE');
    fromFile.push(...file);
  }
  const shortcuts = shortcutModels({
    llmModelGguf: config.llmModelGguf,
    llmUrl: config.llmUrl,
    llmModel: config.llmModel,
    llmBoundary: config.llmBoundary,
    llmAnthropicModel: config.llmAnthropicModel,
    llmTimeoutMs: config.llmTimeoutMs,
  });
  return parseModelSpecs({ models: [...fromFile, ...shortcuts] }, 'the model configuration');
}

const CAPABILITIES: Record<ModelSpec['provider'], ProviderCapabilities> = {
  'llama-cpp': { structured: 'grammar', embeddings: true },
  'openai-compatible': { structured: 'json_schema', embeddings: true },
  anthropic: { structured: 'tool', embeddings: false },
};

function apiKey(spec: ModelSpec, env: Record<string, string | undefined>): string | undefined {
  return spec.apiKeyEnv ? env[spec.apiKeyEnv] : undefined;
}

/** Creates the raw transport of a model (GGUF files load on first use). */
export async function createRawProvider(
  spec: ModelSpec,
  env: Record<string, string | undefined> = process.env,
): Promise<RawProvider> {
  switch (spec.provider) {
    case 'llama-cpp': {
      // Loaded on demand: node-llama-cpp is only imported when an in-process model is used.
      const { LlamaCppProvider } = await import('../llm-llama-cpp/index.js');
      return LlamaCppProvider.load({
        modelPath: spec.path ?? '',
        contextSize: spec.contextWindow,
        sequences: spec.maxConcurrency,
        ...(spec.threads === undefined ? {} : { threads: spec.threads }),
      });
    }
    case 'openai-compatible':
      return new OpenAiCompatibleProvider({
        baseUrl: spec.baseUrl ?? '',
        model: spec.model ?? spec.id,
        apiKey: apiKey(spec, env),
      });
    case 'anthropic': {
      const key = apiKey(spec, env);
      if (!key) throw new LlmError('unauthorized', `Set ${spec.apiKeyEnv ?? 'ANTHROPIC_API_KEY'} for model ${spec.id}`);
      return new AnthropicProvider({ baseUrl: spec.baseUrl, model: spec.model ?? spec.id, apiKey: key });
    }
  }
}

/** A raw provider that is created on its first call (so listing models never loads a GGUF file). */
function lazyRaw(spec: ModelSpec, env: Record<string, string | undefined>): RawProvider & { loaded(): boolean } {
  let raw: Promise<RawProvider> | null = null;
  const get = (): Promise<RawProvider> => {
    raw ??= createRawProvider(spec, env).catch((err: unknown) => {
      raw = null;
      throw err;
    });
    return raw;
  };
  return {
    capabilities: CAPABILITIES[spec.provider],
    loaded: () => raw !== null,
    call: async (request, signal) => (await get()).call(request, signal),
    embed: async (texts, signal) => {
      const p = await get();
      if (!p.embed) throw new LlmError('client_error', `Model ${spec.id} does not serve embeddings`);
      return p.embed(texts, signal);
    },
    close: async () => {
      if (raw) await (await raw).close();
      raw = null;
    },
  };
}

/** Wraps a model spec's transport with its timeout, retries, concurrency limit and prices. */
export function providerForSpec(spec: ModelSpec, raw: RawProvider, defaultTimeoutMs = 120_000): LlmProvider {
  return withResilience(raw, {
    modelId: spec.id,
    timeoutMs: spec.timeoutMs ?? defaultTimeoutMs,
    maxRetries: spec.maxRetries,
    retryBaseMs: spec.retryBaseMs,
    maxConcurrency: spec.maxConcurrency,
    price: spec.price ?? (spec.dataBoundary === 'on-prem' ? { input: 0, output: 0 } : null),
  });
}

/** The models of one process: registry, router and one provider per model, closed together. */
export class LlmRuntime {
  readonly router: LlmRouter;
  private readonly providers = new Map<string, LlmProvider>();

  private readonly env: Record<string, string | undefined>;
  private readonly timeoutMs: number | undefined;

  constructor(
    readonly models: readonly ModelSpec[],
    options: {
      deidentifier?: Deidentifier | undefined;
      env?: Record<string, string | undefined>;
      timeoutMs?: number;
    } = {},
  ) {
    this.env = options.env ?? process.env;
    this.timeoutMs = options.timeoutMs;
    this.router = new LlmRouter({
      models,
      deidentifier: options.deidentifier,
      providerFor: (spec) => this.providerOf(spec),
    });
  }

  private providerOf(spec: ModelSpec): LlmProvider {
    let provider = this.providers.get(spec.id);
    if (!provider) {
      provider = providerForSpec(spec, lazyRaw(spec, this.env), this.timeoutMs);
      this.providers.set(spec.id, provider);
    }
    return provider;
  }

  /**
   * The provider of a configured model id, for input that identifies nobody (evaluation questions, health checks).
   * Patient data must go through the router. Throws VITALIS_NOT_FOUND for an unknown id.
   */
  provider(id: string): LlmProvider {
    const spec = this.models.find((m) => m.id === id);
    if (!spec) throw new AppError('VITALIS_NOT_FOUND', `No model "${id}" is configured; \`vitalis models\` lists them`);
    return this.providerOf(spec);
  }

  /** Token and cost totals per model since start. */
  usage(): Record<string, UsageTotals> {
    return Object.fromEntries([...this.providers].map(([id, p]) => [id, p.usage()]));
  }

  async close(): Promise<void> {
    await Promise.all([...this.providers.values()].map((p) => p.close()));
    this.providers.clear();
  }
}

/** Builds the runtime from the configuration (no model loads until a task needs it). */
export function createLlmRuntime(config: Config, options: { deidentifier?: Deidentifier } = {}): LlmRuntime {
  return new LlmRuntime(loadModelSpecs(config), { ...options, timeoutMs: config.llmTimeoutMs });
}
