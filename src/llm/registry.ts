import { z } from 'zod';
import { AppError } from '../core/errors.js';

/** Model architectures; generation needs a decoder, extraction may use an encoder or a decoder. */
export const ArchitectureSchema = z.enum(['encoder', 'decoder', 'encoder-decoder']);
/** Where a model runs: `on-prem` may see identifiable text, `external` only de-identified text. */
export const DataBoundarySchema = z.enum(['on-prem', 'external']);
export const ProviderKindSchema = z.enum(['llama-cpp', 'openai-compatible', 'anthropic']);

/** One configured model, as written in the models file (or derived from the env shortcuts). */
export const ModelSpecSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, . _ : -'),
    provider: ProviderKindSchema,
    architecture: ArchitectureSchema.default('decoder'),
    /** Task ids this model may serve; `*` for all. */
    tasks: z.array(z.string()).min(1).default(['*']),
    contextWindow: z.number().int().min(128).default(4096),
    /** Defaults to on-prem for in-process GGUF and external for remote endpoints (the safe choice). */
    dataBoundary: DataBoundarySchema.optional(),
    /** GGUF file (llama-cpp). */
    path: z.string().optional(),
    /** Endpoint base URL: `http://host:8000/v1` for OpenAI-compatible, `https://api.anthropic.com` for Anthropic. */
    baseUrl: z.url().optional(),
    /** Model name sent to the endpoint. */
    model: z.string().optional(),
    /** Name of the environment variable holding the API key (keys never live in the models file). */
    apiKeyEnv: z.string().optional(),
    timeoutMs: z.number().int().min(100).optional(),
    maxRetries: z.number().int().min(0).max(10).default(2),
    retryBaseMs: z.number().int().min(1).default(500),
    maxConcurrency: z.number().int().min(1).max(256).default(2),
    maxOutputTokens: z.number().int().min(1).default(2048),
    /** USD per million input/output tokens. */
    price: z
      .object({ input: z.number().min(0), output: z.number().min(0) })
      .strict()
      .nullable()
      .default(null),
    /** CPU threads for in-process models (default: what node-llama-cpp picks). */
    threads: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.provider === 'llama-cpp' && !spec.path) {
      ctx.addIssue({ code: 'custom', message: 'llama-cpp models need `path` (a .gguf file)', path: ['path'] });
    }
    if (spec.provider === 'openai-compatible' && (!spec.baseUrl || !spec.model)) {
      ctx.addIssue({
        code: 'custom',
        message: 'openai-compatible models need `baseUrl` and `model`',
        path: ['baseUrl'],
      });
    }
    if (spec.provider === 'anthropic' && !spec.model) {
      ctx.addIssue({ code: 'custom', message: 'anthropic models need `model`', path: ['model'] });
    }
  })
  .transform((spec) => ({
    ...spec,
    dataBoundary: spec.dataBoundary ?? (spec.provider === 'llama-cpp' ? 'on-prem' : 'external'),
  }));

export const ModelsFileSchema = z.union([
  z.object({ models: z.array(ModelSpecSchema) }).strict(),
  z.array(ModelSpecSchema).transform((models) => ({ models })),
]);

export type Architecture = z.infer<typeof ArchitectureSchema>;
export type DataBoundary = z.infer<typeof DataBoundarySchema>;
export type ProviderKind = z.infer<typeof ProviderKindSchema>;
export type ModelSpec = z.output<typeof ModelSpecSchema>;
export type ModelSpecInput = z.input<typeof ModelSpecSchema>;

/** The env shortcuts of the config that declare a model without a models file. */
export interface RegistryShortcuts {
  llmModelGguf?: string | undefined;
  llmUrl?: string | undefined;
  llmModel?: string | undefined;
  llmBoundary?: DataBoundary | undefined;
  llmAnthropicModel?: string | undefined;
  llmTimeoutMs?: number | undefined;
}

function basenameId(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? 'local';
  return base.replace(/\.gguf$/i, '').replace(/[^A-Za-z0-9._:-]/g, '-') || 'local';
}

/** Builds model specs from the env shortcuts (VITALIS_MODEL_GGUF, VITALIS_LLM_URL + VITALIS_LLM_MODEL, VITALIS_ANTHROPIC_MODEL). */
export function shortcutModels(s: RegistryShortcuts): ModelSpecInput[] {
  const out: ModelSpecInput[] = [];
  const timeout = s.llmTimeoutMs === undefined ? {} : { timeoutMs: s.llmTimeoutMs };
  if (s.llmModelGguf) {
    out.push({ id: basenameId(s.llmModelGguf), provider: 'llama-cpp', path: s.llmModelGguf, ...timeout });
  }
  if (s.llmUrl && s.llmModel) {
    out.push({
      id: s.llmModel.replace(/[^A-Za-z0-9._:-]/g, '-'),
      provider: 'openai-compatible',
      baseUrl: s.llmUrl,
      model: s.llmModel,
      dataBoundary: s.llmBoundary ?? 'external',
      apiKeyEnv: 'VITALIS_LLM_API_KEY',
      ...timeout,
    });
  }
  if (s.llmAnthropicModel) {
    out.push({
      id: s.llmAnthropicModel.replace(/[^A-Za-z0-9._:-]/g, '-'),
      provider: 'anthropic',
      model: s.llmAnthropicModel,
      dataBoundary: 'external',
      apiKeyEnv: 'ANTHROPIC_API_KEY',
      ...timeout,
    });
  }
  return out;
}

/** Parses and checks a list of model specs (unique ids); throws VITALIS_CONFIG naming the bad entry. */
export function parseModelSpecs(raw: unknown, origin: string): ModelSpec[] {
  const parsed = ModelsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError('VITALIS_CONFIG', `Invalid model registry in ${origin}: ${problems.slice(0, 5).join('; ')}`);
  }
  const seen = new Set<string>();
  for (const m of parsed.data.models) {
    if (seen.has(m.id)) throw new AppError('VITALIS_CONFIG', `Duplicate model id "${m.id}" in ${origin}`);
    seen.add(m.id);
  }
  return parsed.data.models;
}
