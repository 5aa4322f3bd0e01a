import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CodeSchema,
  GrantSchema,
  narrowScopes,
  parseScopes,
  verifyClientAssertion,
  verifyPkce,
  type Client,
  type Grant,
} from '../../auth/index.js';
import { isAppError } from '../../core/errors.js';
import { serverOrigin, type AuthRuntime } from '../auth-state.js';
import { fhirBaseUrl } from '../fhir-reply.js';
import { defineRoute } from '../route-table.js';

const one = z.preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : v), z.string().optional());

const TokenForm = z.object({
  grant_type: one,
  code: one,
  redirect_uri: one,
  code_verifier: one,
  client_id: one,
  refresh_token: one,
  scope: one,
  client_assertion_type: one,
  client_assertion: one,
});

type TokenRequest = z.infer<typeof TokenForm>;

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const REFRESH_TTL_SECONDS = 30 * 24 * 3600;
const ONLINE_REFRESH_TTL_SECONDS = 12 * 3600;

class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

function oauthReply(reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').header('pragma', 'no-cache').send(body);
}

/** Authenticates the client of a token request: private_key_jwt when an assertion is sent, else a public client id. */
async function authenticateClient(
  runtime: AuthRuntime,
  form: TokenRequest,
  tokenUrl: string,
): Promise<{ client: Client; confidential: boolean }> {
  if (form.client_assertion !== undefined || form.client_assertion_type !== undefined) {
    if (form.client_assertion_type !== JWT_BEARER || form.client_assertion === undefined) {
      throw new OAuthError('invalid_client', 'client_assertion_type must be jwt-bearer', 401);
    }
    try {
      const client = await verifyClientAssertion({
        assertion: form.client_assertion,
        clients: runtime.clients,
        tokenUrl,
        replay: runtime.replay,
      });
      if (form.client_id !== undefined && form.client_id !== client.client_id) {
        throw new OAuthError('invalid_client', 'client_id does not match the assertion', 401);
      }
      return { client, confidential: true };
    } catch (err) {
      if (err instanceof OAuthError) {
        throw err;
      }
      throw new OAuthError('invalid_client', isAppError(err) ? err.message : 'Invalid client assertion', 401);
    }
  }
  const client = form.client_id === undefined ? undefined : runtime.clients.get(form.client_id);
  if (!client) {
    throw new OAuthError('invalid_client', 'Unknown client', 401);
  }
  if (client.jwks) {
    throw new OAuthError('invalid_client', 'This client must authenticate with private_key_jwt', 401);
  }
  return { client, confidential: false };
}

interface Issued {
  grant: Grant;
  refresh: boolean;
  nonce?: string | undefined;
}

/** The grant claims of a verified token, without its other claims. */
function grantOf(claims: Grant): Grant {
  return {
    sub: claims.sub,
    client_id: claims.client_id,
    scope: claims.scope,
    ...(claims.patient !== undefined ? { patient: claims.patient } : {}),
    ...(claims.fhirUser !== undefined ? { fhirUser: claims.fhirUser } : {}),
  };
}

async function fromCode(runtime: AuthRuntime, form: TokenRequest, audience: string, client: Client): Promise<Issued> {
  if (!form.code || !form.code_verifier || !form.redirect_uri) {
    throw new OAuthError('invalid_request', 'code, code_verifier and redirect_uri are required');
  }
  let code: z.infer<typeof CodeSchema> & { jti: string; exp: number };
  try {
    code = await runtime.tokens.verify('code', form.code, { audience, issuer: audience, schema: CodeSchema });
  } catch {
    throw new OAuthError('invalid_grant', 'Invalid or expired authorization code');
  }
  if (code.client_id !== client.client_id || code.redirect_uri !== form.redirect_uri) {
    throw new OAuthError('invalid_grant', 'The code was issued to another client or redirect_uri');
  }
  if (!verifyPkce(form.code_verifier, code.code_challenge)) {
    throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
  }
  if (!runtime.replay.use(`code|${code.jti}`, code.exp)) {
    throw new OAuthError('invalid_grant', 'The authorization code was already used');
  }
  const grant = grantOf(code);
  const other = parseScopes(grant.scope).other;
  return { grant, refresh: other.has('offline_access') || other.has('online_access'), nonce: code.nonce };
}

async function fromRefresh(
  runtime: AuthRuntime,
  form: TokenRequest,
  audience: string,
  client: Client,
): Promise<Issued> {
  if (!form.refresh_token) {
    throw new OAuthError('invalid_request', 'refresh_token is required');
  }
  let grant: Grant;
  try {
    grant = grantOf(
      await runtime.tokens.verify('refresh', form.refresh_token, { audience, issuer: audience, schema: GrantSchema }),
    );
  } catch {
    throw new OAuthError('invalid_grant', 'Invalid or expired refresh token');
  }
  if (grant.client_id !== client.client_id) {
    throw new OAuthError('invalid_grant', 'The refresh token was issued to another client');
  }
  if (form.scope !== undefined) {
    const narrowed = narrowScopes(form.scope, grant.scope);
    if (narrowed.length === 0) {
      throw new OAuthError('invalid_scope', 'A refresh may only narrow the granted scopes');
    }
    grant = { ...grant, scope: narrowed.join(' ') };
  }
  return { grant, refresh: true };
}

function fromClientCredentials(form: TokenRequest, client: Client, confidential: boolean): Issued {
  if (!confidential) {
    throw new OAuthError('invalid_client', 'client_credentials needs private_key_jwt authentication', 401);
  }
  const requested = narrowScopes(form.scope ?? '', client.scope).filter((s) => s.startsWith('system/'));
  if (requested.length === 0) {
    throw new OAuthError('invalid_scope', 'Request system/ scopes the client is registered for');
  }
  return { grant: { sub: client.client_id, client_id: client.client_id, scope: requested.join(' ') }, refresh: false };
}

async function issue(runtime: AuthRuntime, request: FastifyRequest, issued: Issued): Promise<Record<string, unknown>> {
  const { config, tokens } = runtime;
  const origin = serverOrigin(config, request);
  const { grant } = issued;
  const access = await tokens.sign('access', grant, {
    ttlSeconds: config.authTokenTtl,
    audience: fhirBaseUrl(config, request),
    issuer: origin,
  });
  const other = parseScopes(grant.scope).other;
  const body: Record<string, unknown> = {
    access_token: access,
    token_type: 'Bearer',
    expires_in: config.authTokenTtl,
    scope: grant.scope,
  };
  if (grant.patient !== undefined) {
    body['patient'] = grant.patient;
    body['need_patient_banner'] = true;
  }
  if (issued.refresh) {
    const ttl = other.has('offline_access') ? REFRESH_TTL_SECONDS : ONLINE_REFRESH_TTL_SECONDS;
    body['refresh_token'] = await tokens.sign('refresh', grant, { ttlSeconds: ttl, audience: origin, issuer: origin });
  }
  if (other.has('openid') && grant.fhirUser !== undefined) {
    body['id_token'] = await tokens.sign(
      'id',
      { sub: grant.sub, fhirUser: grant.fhirUser, ...(issued.nonce ? { nonce: issued.nonce } : {}) },
      { ttlSeconds: config.authTokenTtl, audience: grant.client_id, issuer: origin },
    );
  }
  return body;
}

/** The token endpoint: authorization_code (PKCE), refresh_token, and client_credentials with private_key_jwt. */
export function registerAuthTokenRoutes(app: FastifyInstance, runtime: AuthRuntime): void {
  defineRoute(app, '/auth/token', {
    POST: async (request, reply) => {
      const parsed = TokenForm.safeParse(typeof request.body === 'object' && request.body !== null ? request.body : {});
      if (!parsed.success) {
        return oauthReply(reply, 400, { error: 'invalid_request', error_description: 'Send form-encoded parameters' });
      }
      const form = parsed.data;
      const origin = serverOrigin(runtime.config, request);
      let body: Record<string, unknown>;
      try {
        const { client, confidential } = await authenticateClient(runtime, form, `${origin}/auth/token`);
        let issued: Issued;
        switch (form.grant_type ?? '') {
          case 'authorization_code':
            issued = await fromCode(runtime, form, origin, client);
            break;
          case 'refresh_token':
            issued = await fromRefresh(runtime, form, origin, client);
            break;
          case 'client_credentials':
            issued = fromClientCredentials(form, client, confidential);
            break;
          default:
            throw new OAuthError('unsupported_grant_type', 'Unsupported grant_type');
        }
        body = await issue(runtime, request, issued);
      } catch (err) {
        if (err instanceof OAuthError) {
          return oauthReply(reply, err.status, { error: err.error, error_description: err.description });
        }
        throw err;
      }
      return oauthReply(reply, 200, body);
    },
  });
}
