import { kindForStatus, LlmError, parseRetryAfter } from '../../llm/errors.js';

/** POSTs JSON to a model endpoint; non-2xx answers become LlmErrors (429/5xx retryable, with Retry-After). */
export async function postJson(
  url: string,
  body: unknown,
  options: { headers: Record<string, string>; signal: AbortSignal },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if (options.signal.aborted) throw err;
    throw new LlmError('network', 'The model endpoint could not be reached', { cause: err });
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
    throw new LlmError(
      kindForStatus(response.status),
      `The model endpoint answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`,
      {
        httpStatus: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      },
    );
  }
  return response;
}

/** Reads a JSON body, turning malformed JSON into a retryable `malformed_response`. */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new LlmError('malformed_response', 'The model endpoint answered malformed JSON', { cause: err });
  }
}

/** One server-sent event. */
export interface SseEvent {
  event: string | null;
  data: string;
}

/** Parses a text/event-stream body into events; a body that ends mid-event is reported by the caller. */
export async function* readSse(response: Response): AsyncGenerator<SseEvent> {
  const body = response.body;
  if (!body) throw new LlmError('malformed_response', 'The model endpoint sent no stream body');
  const decoder = new TextDecoder();
  let buffer = '';
  let event: string | null = null;
  let data: string[] = [];
  try {
    for await (const chunk of body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line === '') {
          if (data.length > 0) yield { event, data: data.join('\n') };
          event = null;
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        } else if (line.startsWith('event:')) {
          event = line.slice(6).trim();
        }
      }
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw new LlmError('truncated_stream', 'The model stream broke off', { cause: err });
  }
  if (data.length > 0) yield { event, data: data.join('\n') };
}

/** Parses one SSE data payload as JSON or throws `malformed_response`. */
export function parseEventJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch (err) {
    throw new LlmError('malformed_response', 'The model stream carried malformed JSON', { cause: err });
  }
}
