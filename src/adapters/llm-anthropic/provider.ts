import { z } from 'zod';
import { LlmError } from '../../llm/errors.js';
import type { FinishReason, GenerateRequest, GenerateResult, RawProvider } from '../../llm/types.js';
import { parseEventJson, postJson, readJson, readSse } from '../llm-http/index.js';

/** Where the Anthropic Messages API lives, and with which model and key. */
export interface AnthropicOptions {
  baseUrl?: string | undefined;
  model: string;
  apiKey: string;
}

const MessageSchema = z
  .object({
    content: z.array(
      z.union([
        z.object({ type: z.literal('text'), text: z.string() }).loose(),
        z.object({ type: z.literal('tool_use'), name: z.string(), input: z.unknown() }).loose(),
        z.object({ type: z.string() }).loose(),
      ]),
    ),
    stop_reason: z.string().nullish(),
    usage: z.object({ input_tokens: z.number().default(0), output_tokens: z.number().default(0) }).loose(),
  })
  .loose();

const EventSchema = z
  .object({
    type: z.string(),
    message: z
      .object({ usage: z.object({ input_tokens: z.number().default(0) }).loose() })
      .loose()
      .optional(),
    delta: z
      .object({ type: z.string().optional(), text: z.string().optional(), stop_reason: z.string().nullish() })
      .loose()
      .optional(),
    usage: z
      .object({ output_tokens: z.number().default(0) })
      .loose()
      .optional(),
  })
  .loose();

function finish(reason: string | null | undefined): FinishReason {
  return reason === 'max_tokens' ? 'length' : 'stop';
}

/** The Anthropic Messages API: streaming text, structured output through a forced tool call. */
export class AnthropicProvider implements RawProvider {
  readonly capabilities = { structured: 'tool', embeddings: false } as const;
  private readonly base: string;

  constructor(private readonly options: AnthropicOptions) {
    this.base = (options.baseUrl ?? 'https://api.anthropic.com').replace(/\/+$/, '').replace(/\/v1$/, '');
  }

  async call(
    request: GenerateRequest,
    signal: AbortSignal,
  ): Promise<Omit<GenerateResult, 'modelId' | 'latencyMs' | 'attempts'>> {
    const system = request.messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n\n');
    const messages = request.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role, content: m.content }));
    const tool = request.jsonSchema;
    const stream = request.onText !== undefined && tool === undefined;
    const body = {
      model: this.options.model,
      max_tokens: request.maxTokens ?? 512,
      temperature: request.temperature ?? 0,
      ...(system ? { system } : {}),
      messages,
      stream,
      ...(tool
        ? {
            tools: [{ name: tool.name, description: `Return the ${tool.name} result`, input_schema: tool.schema }],
            tool_choice: { type: 'tool', name: tool.name },
          }
        : {}),
    };
    const headers = { 'x-api-key': this.options.apiKey, 'anthropic-version': '2023-06-01' };
    const response = await postJson(`${this.base}/v1/messages`, body, { headers, signal });
    if (!stream) {
      const parsed = MessageSchema.safeParse(await readJson(response));
      if (!parsed.success) throw new LlmError('malformed_response', 'The Messages answer has an unexpected shape');
      const blocks = parsed.data.content;
      const used = blocks.find((b) => b.type === 'tool_use' && 'input' in b);
      const text =
        used && 'input' in used
          ? JSON.stringify(used.input)
          : blocks.map((b) => ('text' in b && typeof b.text === 'string' ? b.text : '')).join('');
      request.onText?.(text);
      return {
        text,
        finishReason: finish(parsed.data.stop_reason),
        usage: {
          promptTokens: parsed.data.usage.input_tokens,
          completionTokens: parsed.data.usage.output_tokens,
          costUsd: null,
        },
      };
    }
    let text = '';
    let promptTokens = 0;
    let completionTokens = 0;
    let reason: string | null | undefined = null;
    let stopped = false;
    for await (const sse of readSse(response)) {
      const event = EventSchema.safeParse(parseEventJson(sse.data));
      if (!event.success) throw new LlmError('malformed_response', 'A stream event has an unexpected shape');
      const e = event.data;
      if (e.type === 'error') throw new LlmError('server_error', 'The Messages stream reported an error');
      if (e.type === 'message_start') promptTokens = e.message?.usage.input_tokens ?? 0;
      if (e.type === 'content_block_delta' && e.delta?.type === 'text_delta' && e.delta.text) {
        text += e.delta.text;
        request.onText?.(e.delta.text);
      }
      if (e.type === 'message_delta') {
        completionTokens = e.usage?.output_tokens ?? completionTokens;
        reason = e.delta?.stop_reason ?? reason;
      }
      if (e.type === 'message_stop') stopped = true;
    }
    if (!stopped) throw new LlmError('truncated_stream', 'The Messages stream ended before message_stop');
    return { text, finishReason: finish(reason), usage: { promptTokens, completionTokens, costUsd: null } };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
