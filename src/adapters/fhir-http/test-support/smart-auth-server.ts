import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { listenLoopback, readBody, sendJson } from './loopback.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** A registered SMART Backend Services client. */
export interface RegisteredClient {
  clientId: string;
  jwks: { keys: JWK[] };
}

export interface TestAuthServerOptions {
  clients: RegisteredClient[];
  /** Accepted assertion algorithms (default RS384 and ES384). */
  algorithms?: string[];
  /** Token lifetime in seconds (default 300). */
  expiresIn?: number;
}

/** A token request the server saw, with the verdict. */
export interface TokenRequestRecord {
  clientId: string | undefined;
  scope: string | undefined;
  accepted: boolean;
  reason?: string;
}

/** A SMART Backend Services authorization server on loopback that verifies client assertions and issues tokens. */
export interface TestAuthServer {
  origin: string;
  tokenUrl: string;
  /** Every token request, in order. */
  requests: TokenRequestRecord[];
  /** True when the Authorization header carries a live token issued here. */
  isAuthorized(header: string | undefined): boolean;
  /** Invalidates every issued token (as if they had expired server-side). */
  revokeAll(): void;
  close(): Promise<void>;
}

/**
 * Starts the authorization server. POST /token checks grant_type, client_assertion_type and scope, then verifies the
 * assertion with the client's registered JWKS (jose jwtVerify: alg, typ, iss = sub = client id, aud = token URL, exp at
 * most five minutes ahead, kid present, jti not replayed).
 */
export async function startTestAuthServer(options: TestAuthServerOptions): Promise<TestAuthServer> {
  const algorithms = options.algorithms ?? ['RS384', 'ES384'];
  const expiresIn = options.expiresIn ?? 300;
  const seenJti = new Set<string>();
  const tokens = new Map<string, number>();
  const requests: TokenRequestRecord[] = [];
  let tokenUrl = '';

  const verify = async (form: URLSearchParams): Promise<{ clientId: string } | { error: string; reason: string }> => {
    if (form.get('grant_type') !== 'client_credentials') {
      return { error: 'unsupported_grant_type', reason: 'grant_type must be client_credentials' };
    }
    if (form.get('client_assertion_type') !== JWT_BEARER) {
      return { error: 'invalid_request', reason: 'bad client_assertion_type' };
    }
    if (!form.get('scope')) {
      return { error: 'invalid_scope', reason: 'scope is required' };
    }
    const assertion = form.get('client_assertion') ?? '';
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(assertion).kid;
    } catch {
      return { error: 'invalid_client', reason: 'malformed assertion' };
    }
    if (!kid) {
      return { error: 'invalid_client', reason: 'kid missing' };
    }
    const unverifiedIss = issuerOf(assertion);
    const client = options.clients.find((c) => c.clientId === unverifiedIss);
    if (!client) {
      return { error: 'invalid_client', reason: 'unknown client' };
    }
    try {
      const { payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
        algorithms,
        issuer: client.clientId,
        subject: client.clientId,
        audience: tokenUrl,
        typ: 'JWT',
        requiredClaims: ['exp', 'jti'],
      });
      const now = Math.floor(Date.now() / 1000);
      if ((payload.exp ?? 0) > now + 300 + 5) {
        return { error: 'invalid_client', reason: 'exp more than five minutes ahead' };
      }
      const jti = payload.jti ?? '';
      if (seenJti.has(jti)) {
        return { error: 'invalid_client', reason: 'jti replayed' };
      }
      seenJti.add(jti);
      return { clientId: client.clientId };
    } catch (err) {
      return { error: 'invalid_client', reason: `assertion rejected: ${(err as Error).name}` };
    }
  };

  const loop = await listenLoopback(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/token') {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const verdict = await verify(form);
    if ('error' in verdict) {
      requests.push({
        clientId: issuerOf(form.get('client_assertion') ?? ''),
        scope: form.get('scope') ?? undefined,
        accepted: false,
        reason: verdict.reason,
      });
      sendJson(res, verdict.error === 'invalid_client' ? 401 : 400, {
        error: verdict.error,
        error_description: verdict.reason,
      });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, Date.now() + expiresIn * 1000);
    const scope = form.get('scope') ?? '';
    requests.push({ clientId: verdict.clientId, scope, accepted: true });
    sendJson(
      res,
      200,
      { access_token: token, token_type: 'bearer', expires_in: expiresIn, scope },
      { 'cache-control': 'no-store' },
    );
  });
  tokenUrl = `${loop.origin}/token`;

  return {
    origin: loop.origin,
    tokenUrl,
    requests,
    isAuthorized: (header) => {
      const m = /^Bearer (.+)$/.exec(header ?? '');
      const expiry = m?.[1] === undefined ? undefined : tokens.get(m[1]);
      return expiry !== undefined && expiry > Date.now();
    },
    revokeAll: () => {
      tokens.clear();
    },
    close: () => loop.close(),
  };
}

function issuerOf(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}
