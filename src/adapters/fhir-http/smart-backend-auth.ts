import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { AuthProvider } from './auth-provider.js';
import { JWT_BEARER_ASSERTION_TYPE, signClientAssertion } from './client-assertion.js';
import type { FetchFn, SmartBackendAuth } from './options.js';
import { parseSigningKey } from './private-key.js';
import { discoverTokenUrl } from './smart-discovery.js';
import { callSignal, exchange, NetworkError, type CallSignal } from './transport.js';

const TokenResponseSchema = z.looseObject({
  access_token: z
    .string()
    .min(1)
    .max(64 * 1024),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be bearer'),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});

const OAuthErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** Runtime dependencies of the SMART Backend Services provider. */
export interface SmartAuthDeps {
  fetch: FetchFn;
  baseUrl: string;
  timeoutMs: number;
  maxBytes: number;
  logger: Logger;
  /** Aborts in-flight token requests (repository close). */
  closed: AbortSignal;
  /** Clock in milliseconds (tests may pin it). */
  now?: () => number;
}

interface CachedToken {
  header: string;
  expiresAt: number;
}

const DEFAULT_LIFETIME_SECONDS = 300;
const WHAT = 'SMART token request';

/**
 * SMART Backend Services (client_credentials with a private_key_jwt assertion). Parses the key eagerly (bad keys
 * fail with VITALIS_CONFIG at construction), discovers the token endpoint once, shares one in-flight token request
 * between concurrent calls and caches the token until shortly before it expires. Tokens are never logged.
 */
export function smartBackendAuth(settings: SmartBackendAuth, deps: SmartAuthDeps): AuthProvider {
  const signing = parseSigningKey(settings.privateKey, settings.alg, settings.keyId);
  const now = deps.now ?? Date.now;
  let tokenUrl: Promise<string> | undefined =
    settings.tokenUrl === undefined ? undefined : Promise.resolve(settings.tokenUrl);
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;

  const resolveTokenUrl = (call: CallSignal): Promise<string> => {
    tokenUrl ??= discoverTokenUrl({
      fetch: deps.fetch,
      baseUrl: deps.baseUrl,
      alg: settings.alg,
      call,
      maxBytes: deps.maxBytes,
    }).catch((err: unknown) => {
      tokenUrl = undefined; // rediscover next time
      throw err;
    });
    return tokenUrl;
  };

  const fetchToken = async (): Promise<CachedToken> => {
    const call = callSignal(deps.timeoutMs, [deps.closed]);
    const url = await resolveTokenUrl(call);
    const assertion = await signClientAssertion({ clientId: settings.clientId, tokenUrl: url, signing });
    const token = await requestToken({ url, assertion, scope: settings.scope, call, deps });
    const lifetimeMs = (token.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000;
    const margin = Math.min(60_000, lifetimeMs / 10);
    deps.logger.debug('SMART access token obtained', {
      expiresIn: token.expires_in ?? null,
      scope: token.scope ?? null,
    });
    return { header: `Bearer ${token.access_token}`, expiresAt: now() + lifetimeMs - margin };
  };

  return {
    authorization: async (call) => {
      if (cached && now() < cached.expiresAt) {
        return cached.header;
      }
      inflight ??= fetchToken().finally(() => {
        inflight = undefined;
      });
      const fresh = await raceAbort(inflight, call.signal);
      cached = fresh;
      return fresh.header;
    },
    invalidate: (rejected) => {
      if (cached?.header === rejected) {
        cached = undefined;
      }
      return true;
    },
  };
}

interface TokenRequest {
  url: string;
  assertion: string;
  scope: string;
  call: CallSignal;
  deps: SmartAuthDeps;
}

async function requestToken(req: TokenRequest): Promise<z.infer<typeof TokenResponseSchema>> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: req.scope,
    client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
    client_assertion: req.assertion,
  });
  let res;
  try {
    res = await exchange({
      fetch: req.deps.fetch,
      url: req.url,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      },
      call: req.call,
      maxBytes: 1024 * 1024,
      what: WHAT,
    });
  } catch (err) {
    if (err instanceof NetworkError) {
      throw new AppError('VITALIS_UPSTREAM', `${WHAT}: the token endpoint is unreachable`, { cause: err });
    }
    throw err;
  }
  if (res.status === 400 || res.status === 401 || res.status === 403) {
    const oauth = OAuthErrorSchema.safeParse(res.body);
    const reason = oauth.success
      ? `${oauth.data.error.slice(0, 60)}${oauth.data.error_description ? `: ${oauth.data.error_description.slice(0, 200)}` : ''}`
      : `HTTP ${res.status}`;
    throw new AppError('VITALIS_UNAUTHORIZED', `${WHAT}: the authorization server rejected Vitalis (${reason})`);
  }
  if (res.status < 200 || res.status >= 300) {
    throw new AppError('VITALIS_UPSTREAM', `${WHAT}: the token endpoint failed (HTTP ${res.status})`);
  }
  const parsed = TokenResponseSchema.safeParse(res.body);
  if (!parsed.success) {
    throw new AppError('VITALIS_UPSTREAM', `${WHAT}: the token endpoint sent an invalid token response`);
  }
  return parsed.data;
}

/** Waits for a shared promise, but lets this caller give up when its own signal fires. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      reject(signal.reason as Error);
    };
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return Promise.race([promise, aborted]).finally(() => {
    if (onAbort) {
      signal.removeEventListener('abort', onAbort);
    }
  });
}
