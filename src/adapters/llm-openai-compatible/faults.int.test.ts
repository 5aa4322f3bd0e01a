import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlmError } from '../../llm/errors.js';
import { withResilience } from '../../llm/resilient.js';
import { generateStructured } from '../../llm/structured.js';
import type { LlmProvider } from '../../llm/types.js';
import { AnthropicProvider } from '../llm-anthropic/index.js';
import { OpenAiCompatibleProvider } from './provider.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A real loopback server whose behaviour each test scripts, one handler per request in order. */
class ScriptedServer {
  server: Server;
  script: Handler[] = [];
  requests: { url: string; body: string }[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        this.requests.push({ url: req.url ?? '', body });
        this.inFlight += 1;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        res.on('close', () => (this.inFlight -= 1));
        const handler = this.script.shift() ?? ok('default');
        handler(req, res, body);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(script: Handler[]): void {
    this.script = script;
    this.requests = [];
    this.maxInFlight = 0;
  }
}

function ok(content: string, delayMs = 0): Handler {
  return (_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [{ message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 11, completion_tokens: 3 },
        }),
      );
    }, delayMs);
  };
}

function status(code: number, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(code, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { message: `status ${code}` } }));
  };
}

const hang: Handler = () => undefined;

function sse(events: string[], end = true): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const e of events) res.write(`data: ${e}\n\n`);
    if (end) res.end();
    else setTimeout(() => res.destroy(), 30);
  };
}

const chunk = (content: string, finish: string | null = null): string =>
  JSON.stringify({ choices: [{ delta: { content }, finish_reason: finish }] });

const server = new ScriptedServer();
const options = { timeoutMs: 400, maxRetries: 2, retryBaseMs: 5, maxConcurrency: 2, price: { input: 1, output: 2 } };
let provider: LlmProvider;
const ask = { messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 5 };

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  provider = withResilience(new OpenAiCompatibleProvider({ baseUrl: `${server.url}/v1`, model: 'm', apiKey: 'k' }), {
    ...options,
    modelId: 'scripted',
  });
});

afterAll(async () => {
  server.server.closeAllConnections();
  await new Promise((resolve) => server.server.close(resolve));
});

describe('OpenAI-compatible provider faults over loopback', () => {
  it('answers, with token and cost accounting', async () => {
    server.reset([ok('fine')]);
    const r = await provider.generate(ask);
    expect(r.text).toBe('fine');
    expect(r.usage).toEqual({ promptTokens: 11, completionTokens: 3, costUsd: (11 * 1 + 3 * 2) / 1e6 });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({ model: 'm', max_tokens: 5, stream: false });
  });

  it('times out a hanging endpoint (no retry on timeout)', async () => {
    server.reset([hang, ok('late')]);
    const err = await failure(provider.generate(ask));
    expect(err.kind).toBe('timeout');
    expect(err.code).toBe('VITALIS_TIMEOUT');
    expect(server.requests).toHaveLength(1);
  });

  it('retries HTTP 500 with backoff and succeeds', async () => {
    server.reset([status(500), status(502), ok('third time')]);
    const r = await provider.generate(ask);
    expect(r.text).toBe('third time');
    expect(r.attempts).toBe(3);
  });

  it('gives up after the bounded number of retries', async () => {
    server.reset([status(500), status(500), status(500), ok('never')]);
    const err = await failure(provider.generate(ask));
    expect(err.kind).toBe('server_error');
    expect(server.requests).toHaveLength(3);
  });

  it('retries HTTP 429 after Retry-After', async () => {
    server.reset([status(429, { 'retry-after': '0' }), ok('after wait')]);
    const r = await provider.generate(ask);
    expect(r.text).toBe('after wait');
    expect(r.attempts).toBe(2);
  });

  it('does not retry a 400 or a 401', async () => {
    server.reset([status(400)]);
    expect((await failure(provider.generate(ask))).kind).toBe('client_error');
    server.reset([status(401)]);
    expect((await failure(provider.generate(ask))).kind).toBe('unauthorized');
    expect(server.requests).toHaveLength(1);
  });

  it('treats malformed JSON as a retryable malformed response', async () => {
    const malformed: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"choices": [');
    };
    server.reset([malformed, malformed, malformed]);
    expect((await failure(provider.generate(ask))).kind).toBe('malformed_response');
    server.reset([malformed, ok('recovered')]);
    expect((await provider.generate(ask)).text).toBe('recovered');
  });

  it('streams, and reports a truncated stream', async () => {
    server.reset([sse([chunk('Hel'), chunk('lo', 'stop'), '[DONE]'])]);
    const parts: string[] = [];
    const r = await provider.generate({ ...ask, onText: (c) => parts.push(c) });
    expect(parts).toEqual(['Hel', 'lo']);
    expect(r.text).toBe('Hello');
    server.reset([sse([chunk('Hel')], false)]);
    expect((await failure(provider.generate({ ...ask, onText: () => undefined }))).kind).toBe('truncated_stream');
    server.reset(Array.from({ length: 3 }, () => sse(['{"choices": [{"delta":'])));
    expect((await failure(provider.generate({ ...ask, onText: () => undefined }))).kind).toBe('malformed_response');
  });

  it('retries a stream that broke before any text reached the caller', async () => {
    server.reset([sse([], false), sse([chunk('ok', 'stop'), '[DONE]'])]);
    const r = await provider.generate({ ...ask, onText: () => undefined });
    expect(r.text).toBe('ok');
    expect(r.attempts).toBe(2);
  });

  it('keeps at most maxConcurrency calls in flight', async () => {
    server.reset(Array.from({ length: 6 }, () => ok('x', 40)));
    await Promise.all(Array.from({ length: 6 }, () => provider.generate(ask)));
    expect(server.maxInFlight).toBe(2);
    expect(server.requests).toHaveLength(6);
  });

  it('cancels on the caller signal', async () => {
    server.reset([hang]);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 20);
    expect((await failure(provider.generate({ ...ask, signal: controller.signal }))).kind).toBe('aborted');
  });

  it('sends response_format json_schema and re-validates with one repair, then a typed failure', async () => {
    const schema = z.object({ n: z.number().int().max(10) }).strict();
    server.reset([ok('{"n": 3e65}'), ok('{"n": 7}')]);
    const repaired = await generateStructured(provider, { name: 'n', schema, messages: ask.messages });
    expect(repaired).toMatchObject({ ok: true, value: { n: 7 }, repaired: true });
    const sent = JSON.parse(server.requests[0]?.body ?? '{}') as {
      response_format: { type: string; json_schema: { name: string } };
    };
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.response_format.json_schema.name).toBe('n');
    server.reset([ok('not json'), ok('{"n": "seven"}')]);
    const failed = await generateStructured(provider, { name: 'n', schema, messages: ask.messages });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toBe('invalid_output');
  });
});

describe('Anthropic Messages provider over loopback', () => {
  let anthropic: LlmProvider;
  beforeAll(() => {
    anthropic = withResilience(new AnthropicProvider({ baseUrl: server.url, model: 'claude-x', apiKey: 'secret' }), {
      ...options,
      modelId: 'anthropic',
    });
  });

  it('forces a tool call for structured output and reads its input', async () => {
    server.reset([
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            content: [{ type: 'tool_use', id: 't1', name: 'n', input: { n: 4 } }],
            stop_reason: 'tool_use',
            usage: { input_tokens: 20, output_tokens: 5 },
          }),
        );
      },
    ]);
    const schema = z.object({ n: z.number() });
    const r = await generateStructured(anthropic, {
      name: 'n',
      schema,
      messages: [{ role: 'system', content: 's' }, ...ask.messages],
    });
    expect(r).toMatchObject({ ok: true, value: { n: 4 } });
    const sent = JSON.parse(server.requests[0]?.body ?? '{}') as Record<string, unknown>;
    expect(sent['tool_choice']).toEqual({ type: 'tool', name: 'n' });
    expect(sent['system']).toBe('s');
    expect(server.requests[0]?.url).toBe('/v1/messages');
  });

  it('streams text and reports a stream without message_stop as truncated', async () => {
    const events = [
      JSON.stringify({ type: 'message_start', message: { usage: { input_tokens: 9 } } }),
      JSON.stringify({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'Hi ' } }),
      JSON.stringify({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'there' } }),
      JSON.stringify({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } }),
    ];
    server.reset([sse([...events, JSON.stringify({ type: 'message_stop' })])]);
    const parts: string[] = [];
    const r = await anthropic.generate({ ...ask, onText: (c) => parts.push(c) });
    expect(r.text).toBe('Hi there');
    expect(r.usage.promptTokens).toBe(9);
    expect(r.usage.completionTokens).toBe(2);
    server.reset([sse(events.slice(0, 2), false), sse(events.slice(0, 2), false), sse(events.slice(0, 2), false)]);
    expect((await failure(anthropic.generate({ ...ask, onText: () => undefined }))).kind).toBe('truncated_stream');
  });
});
