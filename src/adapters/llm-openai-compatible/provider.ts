import { z } from 'zod';
import { LlmError } from '../../llm/errors.js';
import type { FinishReason, GenerateRequest, GenerateResult, RawProvider, Usage } from '../../llm/types.js';
import { parseEventJson, postJson, readJson, readSse } from '../llm-http/index.js';

/** Where an OpenAI-compatible endpoint lives (vLLM, Ollama, llama.cpp server, Azure OpenAI, `vitalis model serve`). */
export interface OpenAiCompatibleOptions {
  /** Base URL including `/v1` (e.g. `http://127.0.0.1:8000/v1`). */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
}

const UsageSchema = z
  .object({ prompt_tokens: z.number().default(0), completion_tokens: z.number().default(0) })
  .loose()
  .nullish();

const CompletionSchema = z
  .object({
    choices: z
      .array(
        z
          .object({
            message: z.object({ content: z.string().nullable() }).loose(),
            finish_reason: z.string().nullable().optional(),
          })
          .loose(),
      )
      .min(1),
    usage: UsageSchema,
  })
  .loose();

const ChunkSchema = z
  .object({
    choices: z
      .array(
        z
          .object({
            delta: z.object({ content: z.string().nullish() }).loose().optional(),
            finish_reason: z.string().nullish(),
          })
          .loose(),
      )
      .default([]),
    usage: UsageSchema,
  })
  .loose();

const EmbeddingsSchema = z
  .object({ data: z.array(z.object({ embedding: z.array(z.number()), index: z.number() }).loose()) })
  .loose();

function finish(reason: string | null | undefined): FinishReason {
  return reason === 'length' ? 'length' : 'stop';
}

function usageOf(u: z.infer<typeof UsageSchema>): Usage {
  return { promptTokens: u?.prompt_tokens ?? 0, completionTokens: u?.completion_tokens ?? 0, costUsd: null };
}

/** A chat-completions client for any OpenAI-compatible endpoint; structured output via `response_format: json_schema`. */
export class OpenAiCompatibleProvider implements RawProvider {
  readonly capabilities = { structured: 'json_schema', embeddings: true } as const;
  private readonly base: string;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  private headers(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  async call(
    request: GenerateRequest,
    signal: AbortSignal,
  ): Promise<Omit<GenerateResult, 'modelId' | 'latencyMs' | 'attempts'>> {
    const stream = request.onText !== undefined;
    const body = {
      model: this.options.model,
      messages: request.messages,
      max_tokens: request.maxTokens ?? 512,
      temperature: request.temperature ?? 0,
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
      ...(request.jsonSchema
        ? {
            response_format: {
              type: 'json_schema',
              json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema },
            },
          }
        : {}),
    };
    const response = await postJson(`${this.base}/chat/completions`, body, { headers: this.headers(), signal });
    if (!stream) {
      const parsed = CompletionSchema.safeParse(await readJson(response));
      if (!parsed.success) throw new LlmError('malformed_response', 'The chat completion has an unexpected shape');
      const choice = parsed.data.choices[0];
      return {
        text: choice?.message.content ?? '',
        finishReason: finish(choice?.finish_reason),
        usage: usageOf(parsed.data.usage),
      };
    }
    let text = '';
    let reason: string | null | undefined = null;
    let usage: Usage = { promptTokens: 0, completionTokens: 0, costUsd: null };
    let done = false;
    for await (const event of readSse(response)) {
      if (event.data.trim() === '[DONE]') {
        done = true;
        break;
      }
      const chunk = ChunkSchema.safeParse(parseEventJson(event.data));
      if (!chunk.success) throw new LlmError('malformed_response', 'A stream chunk has an unexpected shape');
      if (chunk.data.usage) usage = usageOf(chunk.data.usage);
      for (const choice of chunk.data.choices) {
        const piece = choice.delta?.content ?? '';
        if (piece) {
          text += piece;
          request.onText?.(piece);
        }
        reason = choice.finish_reason ?? reason;
      }
    }
    if (!done && !reason) throw new LlmError('truncated_stream', 'The model stream ended before it finished');
    return { text, finishReason: finish(reason), usage };
  }

  async embed(texts: readonly string[], signal: AbortSignal): Promise<number[][]> {
    const response = await postJson(
      `${this.base}/embeddings`,
      { model: this.options.model, input: texts },
      { headers: this.headers(), signal },
    );
    const parsed = EmbeddingsSchema.safeParse(await readJson(response));
    if (!parsed.success) throw new LlmError('malformed_response', 'The embeddings answer has an unexpected shape');
    return [...parsed.data.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
