import { LlmError } from './errors.js';
import { Semaphore } from './semaphore.js';
import type { GenerateRequest, GenerateResult, LlmProvider, RawProvider, Usage, UsageTotals } from './types.js';

/** Limits and prices applied around a raw provider. */
export interface ResilienceOptions {
  modelId: string;
  timeoutMs: number;
  /** Retries after the first attempt (0 = no retry). */
  maxRetries: number;
  /** First backoff delay; doubles each retry, with jitter, capped at 30 s (Retry-After wins when larger). */
  retryBaseMs: number;
  maxConcurrency: number;
  /** USD per million tokens; null when unknown (on-prem models cost 0). */
  price: { input: number; output: number } | null;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function priced(usage: Usage, price: ResilienceOptions['price']): Usage {
  if (price === null) return { ...usage, costUsd: null };
  return {
    ...usage,
    costUsd: (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000,
  };
}

/** Maps whatever a raw call threw into an LlmError, telling timeout and caller cancellation apart. */
function classify(err: unknown, caller: AbortSignal | undefined, timeout: AbortSignal): LlmError {
  if (caller?.aborted) return new LlmError('aborted', 'The model call was cancelled', { cause: err });
  if (timeout.aborted) return new LlmError('timeout', 'The model did not answer in time', { cause: err });
  if (err instanceof LlmError) return err;
  return new LlmError('network', 'The model call failed', { cause: err });
}

/** Wraps a raw provider with a concurrency limit, timeouts, cancellation, bounded retries with backoff, and accounting. */
export function withResilience(raw: RawProvider, options: ResilienceOptions): LlmProvider {
  const semaphore = new Semaphore(Math.max(1, options.maxConcurrency));
  const totals: UsageTotals = { calls: 0, failures: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };

  const attempt = async (request: GenerateRequest, state: { emitted: boolean }): Promise<GenerateResult> => {
    const timeout = AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const onText = request.onText;
    const tracked: GenerateRequest = onText
      ? {
          ...request,
          onText: (chunk) => {
            state.emitted = true;
            onText(chunk);
          },
        }
      : request;
    const started = performance.now();
    try {
      const result = await raw.call(tracked, signal);
      if (result.finishReason === 'aborted' || signal.aborted) {
        throw classify(new Error('aborted'), request.signal, timeout);
      }
      return {
        ...result,
        usage: priced(result.usage, options.price),
        modelId: options.modelId,
        latencyMs: performance.now() - started,
        attempts: 1,
      };
    } catch (err) {
      throw classify(err, request.signal, timeout);
    }
  };

  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const release = await semaphore.acquire(request.signal);
    const state = { emitted: false };
    try {
      for (let n = 0; ; n += 1) {
        totals.calls += 1;
        try {
          const result = { ...(await attempt(request, state)), attempts: n + 1 };
          totals.promptTokens += result.usage.promptTokens;
          totals.completionTokens += result.usage.completionTokens;
          totals.costUsd += result.usage.costUsd ?? 0;
          return result;
        } catch (err) {
          totals.failures += 1;
          const error = err instanceof LlmError ? err : classify(err, request.signal, AbortSignal.abort());
          if (!error.retryable || n >= options.maxRetries || state.emitted) throw error;
          const backoff = Math.min(30_000, options.retryBaseMs * 2 ** n * (0.5 + Math.random() / 2));
          await sleep(Math.max(backoff, error.retryAfterMs ?? 0), request.signal);
        }
      }
    } finally {
      release();
    }
  };

  return {
    modelId: options.modelId,
    capabilities: raw.capabilities,
    generate,
    embed: async (texts, embedOptions = {}) => {
      const embed = raw.embed?.bind(raw);
      if (!embed) throw new LlmError('client_error', `Model ${options.modelId} does not serve embeddings`);
      const release = await semaphore.acquire(embedOptions.signal);
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = embedOptions.signal ? AbortSignal.any([embedOptions.signal, timeout]) : timeout;
      try {
        return await embed(texts, signal);
      } catch (err) {
        throw classify(err, embedOptions.signal, timeout);
      } finally {
        release();
      }
    },
    usage: () => ({ ...totals }),
    close: () => raw.close(),
  };
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('aborted');
}
