/** The provider port of the LLM layer: one interface for in-process GGUF, OpenAI-compatible and Anthropic models. */

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A JSON Schema the output must follow (from a zod schema via `z.toJSONSchema`). */
export interface JsonSchemaSpec {
  name: string;
  schema: Record<string, unknown>;
}

/** One generation request; `onText` receives streamed chunks when given. */
export interface GenerateRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /** Constrains the output to this JSON Schema (grammar, response_format or tool use, by provider). */
  jsonSchema?: JsonSchemaSpec;
  signal?: AbortSignal;
  /** Per-call timeout; defaults to the model's configured timeout. */
  timeoutMs?: number;
  onText?: (chunk: string) => void;
}

/** Token counts and cost of one call (cost null when the model has no price). */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
}

export type FinishReason = 'stop' | 'length' | 'aborted';

/** What a generation returns. */
export interface GenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  modelId: string;
  latencyMs: number;
  /** Attempts made (1 when the first succeeded). */
  attempts: number;
}

/** Running totals of a provider since it was created. */
export interface UsageTotals {
  calls: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** What a provider can do; task code asks these instead of branching on provider names. */
export interface ProviderCapabilities {
  /** How structured output is enforced. */
  structured: 'grammar' | 'json_schema' | 'tool';
  embeddings: boolean;
}

/** The raw transport a provider adapter implements; resilience (retry, timeout, concurrency) is added around it. */
export interface RawProvider {
  readonly capabilities: ProviderCapabilities;
  /** Calls the model once; throws LlmError on failure. The signal combines caller cancellation and timeout. */
  call(
    request: GenerateRequest,
    signal: AbortSignal,
  ): Promise<Omit<GenerateResult, 'modelId' | 'latencyMs' | 'attempts'>>;
  embed?(texts: readonly string[], signal: AbortSignal): Promise<number[][]>;
  close(): Promise<void>;
}

/** A ready-to-use model: generation, optional embeddings, accounting. */
export interface LlmProvider {
  readonly modelId: string;
  readonly capabilities: ProviderCapabilities;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  embed(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
  usage(): UsageTotals;
  close(): Promise<void>;
}
