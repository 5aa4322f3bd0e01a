import { AppError } from '../../core/errors.js';
import type { FetchFn } from './options.js';

/** One raw HTTP exchange: status, headers and the JSON body (undefined when empty). */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Why a call's signal fired: its own deadline, or a cancellation by the caller / close(). */
export interface CallSignal {
  signal: AbortSignal;
  deadline: AbortSignal;
}

/** Combines a fresh deadline with the caller's signals. */
export function callSignal(timeoutMs: number, signals: readonly (AbortSignal | undefined)[]): CallSignal {
  const deadline = AbortSignal.timeout(timeoutMs);
  const all = [deadline, ...signals.filter((s): s is AbortSignal => s !== undefined)];
  return { signal: AbortSignal.any(all), deadline };
}

/** Throws the AppError matching why the call signal fired (no-op when it has not). */
export function throwIfAborted(call: CallSignal, what: string): void {
  if (!call.signal.aborted) {
    return;
  }
  throw abortError(call, what, call.signal.reason);
}

/** The AppError for an aborted call: VITALIS_TIMEOUT for the deadline, VITALIS_UNAVAILABLE for a cancellation. */
export function abortError(call: CallSignal, what: string, cause: unknown): AppError {
  if (call.deadline.aborted) {
    return new AppError('VITALIS_TIMEOUT', `${what}: the FHIR server did not answer in time`, { cause });
  }
  return new AppError('VITALIS_UNAVAILABLE', `${what}: request cancelled`, { cause });
}

/** Error thrown when the network exchange itself failed (connection refused, reset, DNS); retryable. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

export interface ExchangeInput {
  fetch: FetchFn;
  url: string;
  init: RequestInit;
  call: CallSignal;
  maxBytes: number;
  what: string;
}

/**
 * Performs one HTTP exchange without following redirects, reads at most `maxBytes` of body and parses it as JSON.
 * Throws NetworkError for transport failures, AppError for aborts and malformed bodies.
 */
export async function exchange(input: ExchangeInput): Promise<RawResponse> {
  const { call, what } = input;
  let res: Response;
  try {
    res = await input.fetch(input.url, { ...input.init, signal: call.signal, redirect: 'manual' });
  } catch (err) {
    if (call.signal.aborted) {
      throw abortError(call, what, err);
    }
    throw new NetworkError(err);
  }
  let text: string;
  try {
    text = await readLimited(res, input.maxBytes);
  } catch (err) {
    if (err instanceof AppError) {
      throw err;
    }
    if (call.signal.aborted) {
      throw abortError(call, what, err);
    }
    throw new NetworkError(err);
  }
  return { status: res.status, headers: res.headers, body: parseJsonBody(text, res, what) };
}

function parseJsonBody(text: string, res: Response, what: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const type = res.headers.get('content-type') ?? 'none';
    if (res.status >= 400) {
      // An HTML error page or similar: the status carries the meaning; the body is dropped.
      return undefined;
    }
    throw new AppError('VITALIS_UPSTREAM', `${what}: the FHIR server sent a non-JSON body (${type.slice(0, 60)})`, {
      cause,
    });
  }
}

async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!res.body) {
    return '';
  }
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let out = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    out += decoder.decode(value, { stream: true });
  }
  return out + decoder.decode();
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('VITALIS_UPSTREAM', `The FHIR server response exceeds the ${maxBytes}-byte limit`);
}

/** Sleeps for `ms`, rejecting early when the signal fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
