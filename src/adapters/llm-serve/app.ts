import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../core/errors.js';
import { LlmError } from '../../llm/errors.js';
import type { GenerateRequest, LlmProvider } from '../../llm/types.js';

const ContentSchema = z.union([
  z.string(),
  z
    .array(z.object({ type: z.string(), text: z.string().optional() }).loose())
    .transform((parts) => parts.map((p) => p.text ?? '').join('')),
]);

const ChatRequestSchema = z
  .object({
    model: z.string().optional(),
    messages: z
      .array(z.object({ role: z.enum(['system', 'user', 'assistant', 'developer']), content: ContentSchema }).loose())
      .min(1),
    max_tokens: z.number().int().min(1).max(32_768).optional(),
    max_completion_tokens: z.number().int().min(1).max(32_768).optional(),
    temperature: z.number().min(0).max(2).optional(),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).loose().nullish(),
    response_format: z
      .union([
        z.object({ type: z.literal('text') }).loose(),
        z.object({ type: z.literal('json_object') }).loose(),
        z
          .object({
            type: z.literal('json_schema'),
            json_schema: z
              .object({ name: z.string().default('output'), schema: z.record(z.string(), z.unknown()) })
              .loose(),
          })
          .loose(),
      ])
      .optional(),
  })
  .loose();

const EmbeddingsRequestSchema = z
  .object({ model: z.string().optional(), input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]) })
  .loose();

/** What the serving app needs: the model (any provider) and the id it is published under. */
export interface ServeOptions {
  provider: LlmProvider;
  modelId: string;
}

type ChatRequest = z.infer<typeof ChatRequestSchema>;

function toGenerateRequest(body: ChatRequest, signal: AbortSignal): GenerateRequest {
  const format = body.response_format;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  return {
    messages: body.messages.map((m) => ({ role: m.role === 'developer' ? 'system' : m.role, content: m.content })),
    signal,
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(body.temperature === undefined ? {} : { temperature: body.temperature }),
    ...(format?.type === 'json_schema'
      ? { jsonSchema: { name: format.json_schema.name, schema: format.json_schema.schema } }
      : format?.type === 'json_object'
        ? { jsonSchema: { name: 'json_object', schema: { type: 'object', additionalProperties: true } } }
        : {}),
  };
}

function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const status =
    err instanceof LlmError ? (err.kind === 'client_error' ? 400 : err.status) : isAppError(err) ? err.status : 500;
  const message = err instanceof Error ? err.message : 'internal error';
  return reply
    .code(status)
    .send({ error: { message, type: status < 500 ? 'invalid_request_error' : 'server_error', code: null } });
}

/** An OpenAI-compatible API over one model: /v1/models, /v1/chat/completions (streaming, response_format), /v1/embeddings. */
export async function buildServeApp(options: ServeOptions): Promise<FastifyInstance> {
  const { provider, modelId } = options;
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });
  const created = Math.floor(Date.now() / 1000);

  app.get('/v1/models', (_request, reply) =>
    reply.send({ object: 'list', data: [{ id: modelId, object: 'model', created, owned_by: 'vitalis' }] }),
  );
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok', model: modelId }));

  app.post('/v1/chat/completions', async (request, reply) => {
    const parsed = ChatRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({
        error: {
          message: `Invalid request: ${parsed.error.issues[0]?.message ?? ''}`,
          type: 'invalid_request_error',
          code: null,
        },
      });
    }
    const body = parsed.data;
    const controller = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const id = `chatcmpl-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const generate = toGenerateRequest(body, controller.signal);
    if (!body.stream) {
      try {
        const result = await provider.generate(generate);
        const { promptTokens, completionTokens } = result.usage;
        return await reply.send({
          id,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: modelId,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: result.text },
              finish_reason: result.finishReason === 'length' ? 'length' : 'stop',
            },
          ],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        });
      } catch (err) {
        return await sendError(reply, err);
      }
    }
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: modelId, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    raw.write(chunk({ role: 'assistant', content: '' }, null));
    try {
      const result = await provider.generate({
        ...generate,
        onText: (text) => raw.write(chunk({ content: text }, null)),
      });
      raw.write(chunk({}, result.finishReason === 'length' ? 'length' : 'stop'));
      if (body.stream_options?.include_usage) {
        const { promptTokens, completionTokens } = result.usage;
        raw.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: modelId, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } })}\n\n`,
        );
      }
      raw.end('data: [DONE]\n\n');
    } catch (err) {
      const message = err instanceof Error ? err.message : 'internal error';
      if (!raw.destroyed) raw.end(`data: ${JSON.stringify({ error: { message, type: 'server_error' } })}\n\n`);
    }
    return reply;
  });

  app.post('/v1/embeddings', async (request, reply) => {
    const parsed = EmbeddingsRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({
        error: {
          message: 'Invalid request: input must be a string or an array of strings',
          type: 'invalid_request_error',
          code: null,
        },
      });
    }
    const input = typeof parsed.data.input === 'string' ? [parsed.data.input] : parsed.data.input;
    try {
      const vectors = await provider.embed(input);
      return await reply.send({
        object: 'list',
        model: modelId,
        data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        usage: { prompt_tokens: 0, total_tokens: 0 },
      });
    } catch (err) {
      return await sendError(reply, err);
    }
  });
  await app.ready();
  return app;
}
