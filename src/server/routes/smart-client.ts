import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createRemoteRepository } from '../../adapters/fhir-http/index.js';
import { s256, newVerifier } from '../../auth/index.js';
import {
  discoverEhr,
  PendingSchema,
  requestEhrToken,
  seal,
  SessionSchema,
  unseal,
  type EhrToken,
  type Session,
} from '../../auth/smart-client/index.js';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { buildPatientContext, type PatientContext } from '../../patient/index.js';
import { escapeHtml, HTML_HEADERS, htmlPage } from '../auth-html.js';
import { serverOrigin, type AuthRuntime } from '../auth-state.js';
import { header } from '../request-input.js';
import { defineRoute } from '../route-table.js';

const PENDING = 'vitalis_smart_pending';
const SESSION = 'vitalis_smart_session';
const SESSION_TTL_SECONDS = 12 * 3600;
const REFRESH_MARGIN_SECONDS = 60;

/** The EHR FHIR base URLs this app may be launched from (VITALIS_SMART_ISSUERS, comma or space separated). */
export function allowedIssuers(list: string | undefined): string[] {
  return (list ?? '')
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map((s) => s.replace(/\/+$/, ''));
}

function cookies(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header(request, 'cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) {
      out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
    }
  }
  return out;
}

function setCookie(reply: FastifyReply, input: { name: string; value: string; maxAge: number; secure: boolean }): void {
  const attrs = [
    `${input.name}=${input.value}`,
    'Path=/smart',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${String(input.maxAge)}`,
  ];
  if (input.secure) {
    attrs.push('Secure');
  }
  const existing = reply.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing.map(String) : existing === undefined ? [] : [String(existing)];
  reply.header('set-cookie', [...list, attrs.join('; ')]);
}

function sessionFrom(token: EhrToken, base: { iss: string; tokenEndpoint: string; previous?: Session }): Session {
  const now = Math.floor(Date.now() / 1000);
  const patient = token.patient ?? base.previous?.patient;
  const refreshToken = token.refresh_token ?? base.previous?.refreshToken;
  const fhirUser = base.previous?.fhirUser ?? fhirUserOf(token.id_token);
  return {
    iss: base.iss,
    tokenEndpoint: base.tokenEndpoint,
    accessToken: token.access_token,
    ...(refreshToken !== undefined ? { refreshToken } : {}),
    expiresAt: now + (token.expires_in ?? 300),
    ...(patient !== undefined ? { patient } : {}),
    scope: token.scope ?? base.previous?.scope ?? '',
    ...(fhirUser !== undefined ? { fhirUser } : {}),
  };
}

/** The fhirUser claim of an id_token (read for display only; the EHR's token endpoint is the trust anchor). */
function fhirUserOf(idToken: string | undefined): string | undefined {
  const payload = idToken?.split('.')[1];
  if (payload === undefined) {
    return undefined;
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { fhirUser?: unknown };
    return typeof claims.fhirUser === 'string' ? claims.fhirUser : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Vitalis as a SMART app: `/smart/launch` (EHR launch with `iss` + `launch`, or standalone with `iss` only), the
 * `/smart/callback` redirect target (code exchange with PKCE S256), `/smart/context` (the launched patient's context
 * read through the EHR's FHIR server), `/smart/refresh` and `/smart/view`. State lives in encrypted HttpOnly cookies.
 */
export function registerSmartClientRoutes(app: FastifyInstance, runtime: AuthRuntime, logger: Logger): void {
  const { config, keys } = runtime;
  const issuers = allowedIssuers(config.smartIssuers);
  const secureCookie = (request: FastifyRequest): boolean => serverOrigin(config, request).startsWith('https:');

  const currentSession = async (request: FastifyRequest): Promise<Session> => {
    const session = await unseal(keys.cookieSecret, cookies(request)[SESSION], SessionSchema);
    if (!session) {
      throw new AppError('VITALIS_UNAUTHORIZED', 'No SMART session; launch Vitalis from the EHR (/smart/launch)');
    }
    return session;
  };

  const refresh = async (request: FastifyRequest, reply: FastifyReply, session: Session): Promise<Session> => {
    if (session.refreshToken === undefined || config.smartClientId === undefined) {
      throw new AppError('VITALIS_UNAUTHORIZED', 'The SMART session expired and has no refresh token; launch again');
    }
    const token = await requestEhrToken(session.tokenEndpoint, {
      grant_type: 'refresh_token',
      refresh_token: session.refreshToken,
      client_id: config.smartClientId,
    });
    const next = sessionFrom(token, { iss: session.iss, tokenEndpoint: session.tokenEndpoint, previous: session });
    setCookie(reply, {
      name: SESSION,
      value: await seal(keys.cookieSecret, next, SESSION_TTL_SECONDS),
      maxAge: SESSION_TTL_SECONDS,
      secure: secureCookie(request),
    });
    logger.info('smart token refreshed', { reqId: request.id });
    return next;
  };

  const freshSession = async (request: FastifyRequest, reply: FastifyReply): Promise<Session> => {
    const session = await currentSession(request);
    const now = Math.floor(Date.now() / 1000);
    return session.expiresAt - now > REFRESH_MARGIN_SECONDS ? session : refresh(request, reply, session);
  };

  const patientContext = async (session: Session): Promise<PatientContext> => {
    if (session.patient === undefined) {
      throw new AppError('VITALIS_BAD_REQUEST', 'The EHR did not provide a patient in the launch context');
    }
    const repo = createRemoteRepository({
      baseUrl: session.iss,
      auth: { kind: 'bearer', token: session.accessToken },
      logger,
    });
    try {
      return await buildPatientContext(repo, session.patient);
    } finally {
      await repo.close();
    }
  };

  defineRoute(app, '/smart/launch', {
    GET: async (request, reply) => {
      const q = z
        .object({ iss: z.string().optional(), launch: z.string().max(8192).optional() })
        .safeParse(request.query);
      const iss = (q.success ? (q.data.iss ?? issuers[0]) : undefined)?.replace(/\/+$/, '');
      if (config.smartClientId === undefined) {
        throw new AppError(
          'VITALIS_CONFIG',
          'Set VITALIS_SMART_CLIENT_ID (the client id the EHR registered for Vitalis)',
        );
      }
      if (iss === undefined || !issuers.includes(iss)) {
        throw new AppError('VITALIS_FORBIDDEN', 'Unknown EHR: add its FHIR base URL to VITALIS_SMART_ISSUERS');
      }
      const launch = q.success ? q.data.launch : undefined;
      const ehr = await discoverEhr(iss);
      const verifier = newVerifier();
      const state = randomBytes(24).toString('base64url');
      const redirectUri = `${serverOrigin(config, request)}/smart/callback`;
      const scopes = config.smartScope.split(/\s+/).filter((s) => s !== '' && (launch !== undefined || s !== 'launch'));
      if (launch === undefined && !scopes.includes('launch/patient')) {
        scopes.push('launch/patient');
      }
      const url = new URL(ehr.authorization_endpoint);
      const params: Record<string, string> = {
        response_type: 'code',
        client_id: config.smartClientId,
        redirect_uri: redirectUri,
        scope: scopes.join(' '),
        state,
        aud: iss,
        code_challenge: s256(verifier),
        code_challenge_method: 'S256',
        ...(launch !== undefined ? { launch } : {}),
      };
      for (const [k, v] of Object.entries(params)) {
        url.searchParams.set(k, v);
      }
      const pending = { state, verifier, iss, tokenEndpoint: ehr.token_endpoint, redirectUri };
      setCookie(reply, {
        name: PENDING,
        value: await seal(keys.cookieSecret, pending, 600),
        maxAge: 600,
        secure: secureCookie(request),
      });
      return reply.code(302).header('cache-control', 'no-store').header('location', url.toString()).send();
    },
  });

  defineRoute(app, '/smart/callback', {
    GET: async (request, reply) => {
      const q = z
        .object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() })
        .safeParse(request.query);
      const pending = await unseal(keys.cookieSecret, cookies(request)[PENDING], PendingSchema);
      if (!q.success || !pending || q.data.state !== pending.state) {
        throw new AppError('VITALIS_BAD_REQUEST', 'Unknown or expired SMART launch (state mismatch); launch again');
      }
      if (q.data.error !== undefined || q.data.code === undefined || config.smartClientId === undefined) {
        throw new AppError('VITALIS_FORBIDDEN', `The EHR refused the launch (${q.data.error ?? 'no code'})`);
      }
      const token = await requestEhrToken(pending.tokenEndpoint, {
        grant_type: 'authorization_code',
        code: q.data.code,
        redirect_uri: pending.redirectUri,
        client_id: config.smartClientId,
        code_verifier: pending.verifier,
      });
      const session = sessionFrom(token, { iss: pending.iss, tokenEndpoint: pending.tokenEndpoint });
      const secure = secureCookie(request);
      setCookie(reply, { name: PENDING, value: '', maxAge: 0, secure });
      setCookie(reply, {
        name: SESSION,
        value: await seal(keys.cookieSecret, session, SESSION_TTL_SECONDS),
        maxAge: SESSION_TTL_SECONDS,
        secure,
      });
      logger.info('smart launch completed', { reqId: request.id, hasPatient: session.patient !== undefined });
      return reply.code(302).header('cache-control', 'no-store').header('location', '/smart/view').send();
    },
  });

  defineRoute(app, '/smart/context', {
    GET: async (request, reply) => {
      const session = await freshSession(request, reply);
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .send(await patientContext(session));
    },
  });

  defineRoute(app, '/smart/refresh', {
    POST: async (request, reply) => {
      const next = await refresh(request, reply, await currentSession(request));
      return reply.code(200).header('cache-control', 'no-store').send({ expiresAt: next.expiresAt, scope: next.scope });
    },
  });

  defineRoute(app, '/smart/view', {
    GET: async (request, reply) => {
      const session = await freshSession(request, reply);
      const ctx = await patientContext(session);
      const rows = (
        [
          ['Problems', ctx.problems.length],
          ['Medications', ctx.medications.length],
          ['Allergies', ctx.allergies.length],
          ['Labs', ctx.labs.facts.length],
          ['Vitals', ctx.vitals.facts.length],
          ['Notes', ctx.notes.length],
        ] as const
      )
        .map(([label, n]) => `<tr><th>${label}</th><td>${String(n)}</td></tr>`)
        .join('');
      const title = ctx.display.name ?? ctx.patient.id;
      return reply
        .code(200)
        .headers(HTML_HEADERS)
        .send(
          htmlPage(
            'Vitalis',
            `<h1>${escapeHtml(title)}</h1><p>Read through the EHR at <code>${escapeHtml(session.iss)}</code>.</p>
<table>${rows}</table><p><a href="/smart/context">Patient context (JSON)</a></p>`,
          ),
        );
    },
  });
}
