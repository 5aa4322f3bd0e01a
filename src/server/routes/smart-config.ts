import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ASSERTION_ALGS } from '../../auth/index.js';
import { serverOrigin, type AuthRuntime } from '../auth-state.js';
import { defineRoute } from '../route-table.js';

/** Scopes this server understands (advertised in the SMART configuration). */
export const SUPPORTED_SCOPES = [
  'openid',
  'fhirUser',
  'launch',
  'launch/patient',
  'offline_access',
  'online_access',
  'patient/*.rs',
  'patient/*.cruds',
  'user/*.rs',
  'user/*.cruds',
  'system/*.rs',
  'system/*.cruds',
  'patient/*.read',
  'user/*.read',
  'system/*.read',
];

/** The SMART App Launch 2.2 configuration document of this server. */
export function smartConfiguration(origin: string, devLogin: boolean): Record<string, unknown> {
  return {
    issuer: origin,
    jwks_uri: `${origin}/.well-known/jwks.json`,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['private_key_jwt', 'none'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGS,
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'client-confidential-asymmetric',
      'context-ehr-patient',
      'context-standalone-patient',
      'context-banner',
      'permission-offline',
      'permission-online',
      'permission-patient',
      'permission-user',
      'permission-v1',
      'permission-v2',
      'sso-openid-connect',
    ],
    ...(devLogin ? { 'x-vitalis-dev-login': true } : {}),
  };
}

/** The CapabilityStatement `rest.security` of a SMART-protected server (oauth-uris extension, SMART-on-FHIR service). */
export function smartSecurity(origin: string): Record<string, unknown> {
  return {
    cors: true,
    service: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
      },
    ],
    extension: [
      {
        url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
        extension: [
          { url: 'authorize', valueUri: `${origin}/auth/authorize` },
          { url: 'token', valueUri: `${origin}/auth/token` },
        ],
      },
    ],
  };
}

function withSecurity(payload: string, origin: string): string {
  try {
    const cs = JSON.parse(payload) as { resourceType?: string; rest?: Record<string, unknown>[] };
    if (cs.resourceType !== 'CapabilityStatement' || !cs.rest) {
      return payload;
    }
    return JSON.stringify({ ...cs, rest: cs.rest.map((r) => ({ ...r, security: smartSecurity(origin) })) });
  } catch {
    return payload;
  }
}

/**
 * `/.well-known/smart-configuration` (also under /fhir), the public JWKS of the token signing key, and the SMART
 * security section added to `/fhir/metadata`.
 */
export function registerSmartConfigRoutes(app: FastifyInstance, runtime: AuthRuntime): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url !== '/fhir/metadata' || reply.statusCode !== 200 || typeof payload !== 'string') {
      return payload;
    }
    return withSecurity(payload, serverOrigin(runtime.config, request));
  });
  const send = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    reply
      .code(200)
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(smartConfiguration(serverOrigin(runtime.config, request), runtime.config.authDevLogin));
  defineRoute(app, '/.well-known/smart-configuration', { GET: send });
  defineRoute(app, '/fhir/.well-known/smart-configuration', { GET: send });
  defineRoute(app, '/.well-known/jwks.json', {
    GET: async (_request, reply) =>
      reply
        .code(200)
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .send({ keys: [runtime.keys.publicJwk] }),
  });
}
