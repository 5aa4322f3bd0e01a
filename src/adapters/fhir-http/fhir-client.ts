import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { AuthProvider } from './auth-provider.js';
import { httpError, isRetryableStatus } from './http-errors.js';
import type { ResolvedRemoteOptions } from './options.js';
import {
  abortError,
  callSignal,
  exchange,
  NetworkError,
  sleep,
  throwIfAborted,
  type CallSignal,
  type RawResponse,
} from './transport.js';

/** One FHIR REST interaction, relative to the server base. */
export interface FhirRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, starting with `/` (or empty for the base itself). Already URL-encoded. */
  path: string;
  /** For messages and logs, e.g. `read Patient`: never ids of people, queries or content. */
  what: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends FHIR requests with auth, a per-call deadline, cancellation and bounded retries. */
export interface FhirClient {
  /** Resolves with a 2xx response; throws AppError otherwise. */
  send(req: FhirRequest, signal?: AbortSignal): Promise<RawResponse>;
}

export interface FhirClientDeps {
  options: ResolvedRemoteOptions;
  auth: AuthProvider;
  closed: AbortSignal;
  logger: Logger;
}

const MAX_RETRY_AFTER_MS = 10_000;

/** Creates the client: GETs are retried on 5xx/429/network errors, and any 401 gets one fresh token. */
export function createFhirClient(deps: FhirClientDeps): FhirClient {
  const { options, auth, logger } = deps;
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));

  const backoff = async (attempt: number, retryAfter: string | null, call: CallSignal, what: string): Promise<void> => {
    const exp = options.retryBaseDelayMs * 2 ** (attempt - 1);
    const jittered = exp / 2 + Math.random() * (exp / 2);
    const delay = Math.max(jittered, Math.min(parseRetryAfter(retryAfter), MAX_RETRY_AFTER_MS));
    try {
      await sleep(delay, call.signal);
    } catch (err) {
      throw abortError(call, what, err);
    }
  };

  const authorize = async (call: CallSignal, what: string): Promise<string | undefined> => {
    try {
      return await auth.authorization(call);
    } catch (err) {
      if (call.signal.aborted) {
        throw abortError(call, what, err);
      }
      throw err;
    }
  };

  return {
    send: async (req, signal) => {
      const call = callSignal(options.timeoutMs, [options.signal, deps.closed, signal]);
      if (deps.closed.aborted) {
        throw new AppError('VITALIS_UNAVAILABLE', `${req.what}: the remote repository is closed`);
      }
      const idempotent = req.method === 'GET';
      let attempt = 0;
      let refreshed = false;
      for (;;) {
        throwIfAborted(call, req.what);
        const authorization = await authorize(call, req.what);
        let res: RawResponse;
        try {
          res = await exchange({
            fetch: fetchFn,
            url: options.baseUrl + req.path,
            init: { method: req.method, headers: headersFor(req, authorization), ...bodyFor(req) },
            call,
            maxBytes: options.maxResponseBytes,
            what: req.what,
          });
        } catch (err) {
          if (!(err instanceof NetworkError)) {
            throw err;
          }
          if (idempotent && attempt < options.retries) {
            attempt += 1;
            logger.warn('FHIR request retry', { op: req.what, reason: 'network', attempt });
            await backoff(attempt, null, call, req.what);
            continue;
          }
          throw new AppError('VITALIS_UPSTREAM', `${req.what}: the FHIR server is unreachable`, { cause: err });
        }
        if (res.status === 401 && !refreshed && auth.invalidate(authorization)) {
          refreshed = true;
          logger.info('FHIR request got 401; retrying once with a fresh token', { op: req.what });
          continue;
        }
        if (idempotent && isRetryableStatus(res.status) && attempt < options.retries) {
          attempt += 1;
          logger.warn('FHIR request retry', { op: req.what, status: res.status, attempt });
          await backoff(attempt, res.headers.get('retry-after'), call, req.what);
          continue;
        }
        if (res.status >= 200 && res.status < 300) {
          return res;
        }
        throw httpError({ what: req.what, hadBody: req.body !== undefined }, res.status, res.body);
      }
    },
  };
}

function headersFor(req: FhirRequest, authorization: string | undefined): Record<string, string> {
  return {
    accept: 'application/fhir+json',
    ...(req.body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
    ...(authorization === undefined ? {} : { authorization }),
    ...req.headers,
  };
}

function bodyFor(req: FhirRequest): { body?: string } {
  return req.body === undefined ? {} : { body: JSON.stringify(req.body) };
}

/** Milliseconds to wait from a Retry-After header (seconds or HTTP date); 0 when absent or invalid. */
export function parseRetryAfter(value: string | null): number {
  if (value === null || value.trim() === '') {
    return 0;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}
