import type { Patient, Practitioner } from '@medplum/fhirtypes';
import { formatHumanName } from '@medplum/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { LaunchSchema, narrowScopes, parseScopes, type Client } from '../../auth/index.js';
import type { FhirRepository } from '../../fhir/repository.js';
import { parseSearchQuery } from '../../fhir/search/index.js';
import { escapeHtml, HTML_HEADERS, htmlPage } from '../auth-html.js';
import { serverOrigin, type AuthRuntime } from '../auth-state.js';
import { fhirBaseUrl } from '../fhir-reply.js';
import { defineRoute } from '../route-table.js';

const AuthorizeQuery = z.object({
  response_type: z.string(),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  scope: z.string().default(''),
  state: z.string().min(1).max(512),
  aud: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  launch: z.string().optional(),
  nonce: z.string().max(512).optional(),
});

/** The validated authorization request, signed into the login form so the POST cannot alter it. */
const AuthzSchema = z.object({
  client_id: z.string(),
  redirect_uri: z.string(),
  scope: z.string(),
  state: z.string(),
  code_challenge: z.string(),
  nonce: z.string().optional(),
  launch_patient: z.string().optional(),
  launch_user: z.string().optional(),
});

type Authz = z.infer<typeof AuthzSchema>;

const one = z.preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : v), z.string().optional());
const LoginForm = z.object({ request: one, user: one, patient: one, decision: one });

const REF = /^(Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/([A-Za-z0-9\-.]{1,64})$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

function errorPage(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .headers(HTML_HEADERS)
    .send(htmlPage('Authorization error', `<h1>Authorization error</h1><p>${escapeHtml(message)}</p>`));
}

function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) {
    url.searchParams.set(k, v);
  }
  return reply.code(302).header('cache-control', 'no-store').header('location', url.toString()).send();
}

async function listOf<T extends Patient | Practitioner>(repo: FhirRepository, type: T['resourceType']): Promise<T[]> {
  const request = parseSearchQuery(type, new URLSearchParams({ _count: '50', _sort: 'family' }));
  const bundle = await repo.search(request);
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource as T] : []));
}

function options(items: (Patient | Practitioner)[], type: string): string {
  return items
    .map((r) => {
      const name = r.name?.[0] ? formatHumanName(r.name[0]) : (r.id ?? '');
      return `<option value="${escapeHtml(`${type}/${r.id ?? ''}`)}">${escapeHtml(name)} (${escapeHtml(r.id ?? '')})</option>`;
    })
    .join('');
}

function needsPatient(authz: Authz): boolean {
  const scopes = parseScopes(authz.scope);
  return scopes.other.has('launch/patient') || scopes.resources.some((s) => s.level === 'patient');
}

async function loginPage(input: {
  repo: FhirRepository;
  client: Client;
  authz: Authz;
  signed: string;
}): Promise<string> {
  const { repo, client, authz, signed } = input;
  const users = await listOf<Practitioner>(repo, 'Practitioner');
  const pickPatient = needsPatient(authz) && authz.launch_patient === undefined;
  const patients = pickPatient ? await listOf<Patient>(repo, 'Patient') : [];
  const userField = authz.launch_user
    ? `<p>User from the EHR launch: <code>${escapeHtml(authz.launch_user)}</code></p><input type="hidden" name="user" value="${escapeHtml(authz.launch_user)}">`
    : `<label for="user">User</label><select id="user" name="user">${options(users, 'Practitioner')}</select>`;
  const patientField = pickPatient
    ? `<label for="patient">Patient</label><select id="patient" name="patient">${options(patients, 'Patient')}</select>`
    : authz.launch_patient
      ? `<p>Patient from the EHR launch: <code>${escapeHtml(authz.launch_patient)}</code></p>`
      : '';
  return htmlPage(
    'Vitalis development login',
    `<h1>Vitalis development login</h1>
<p class="warn">Development login: anyone can pick any user. Never enable <code>VITALIS_AUTH_DEV_LOGIN</code> on a server with real patients.</p>
<p><strong>${escapeHtml(client.name ?? client.client_id)}</strong> asks for: <code>${escapeHtml(authz.scope)}</code></p>
<form method="post" action="/auth/login">
<input type="hidden" name="request" value="${escapeHtml(signed)}">
${userField}
${patientField}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

async function readsAs(repo: FhirRepository, ref: string): Promise<boolean> {
  const m = REF.exec(ref);
  if (!m?.[1] || !m[2]) {
    return false;
  }
  try {
    await repo.read(m[1] as 'Patient', m[2]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The authorization endpoint (`GET /auth/authorize`, PKCE S256 required), the development login form it renders
 * (`POST /auth/login`, only with VITALIS_AUTH_DEV_LOGIN) and a development EHR launcher (`GET /auth/launch`).
 */
export function registerAuthAuthorizeRoutes(app: FastifyInstance, runtime: AuthRuntime, repo: FhirRepository): void {
  const { config, clients, tokens } = runtime;

  defineRoute(app, '/auth/authorize', {
    GET: async (request, reply) => {
      const parsed = AuthorizeQuery.safeParse(request.query);
      const q = parsed.success ? parsed.data : undefined;
      const client = q ? clients.get(q.client_id) : undefined;
      if (!q || !client || !client.redirect_uris.includes(q.redirect_uri)) {
        return errorPage(reply, 400, 'Unknown client, unregistered redirect_uri, or missing state.');
      }
      const fail = (error: string, description: string): FastifyReply =>
        redirectWith(reply, q.redirect_uri, { error, error_description: description, state: q.state });
      if (q.response_type !== 'code') {
        return fail('unsupported_response_type', 'Only response_type=code is supported');
      }
      if (
        q.code_challenge_method !== 'S256' ||
        !q.code_challenge ||
        !/^[A-Za-z0-9\-_]{43,128}$/.test(q.code_challenge)
      ) {
        return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
      }
      if ((q.aud ?? '').replace(/\/+$/, '') !== fhirBaseUrl(config, request)) {
        return fail('invalid_request', 'aud must be the FHIR base URL of this server');
      }
      const scope = narrowScopes(q.scope, client.scope).join(' ');
      if (scope === '') {
        return fail('invalid_scope', 'None of the requested scopes is allowed for this client');
      }
      let launch: z.infer<typeof LaunchSchema> | undefined;
      if (q.launch !== undefined) {
        try {
          launch = await tokens.verify('launch', q.launch, {
            audience: serverOrigin(config, request),
            issuer: serverOrigin(config, request),
            schema: LaunchSchema,
          });
        } catch {
          return fail('invalid_request', 'Unknown or expired launch context');
        }
      }
      if (!config.authDevLogin) {
        return fail('access_denied', 'No interactive login is configured on this server (VITALIS_AUTH_DEV_LOGIN)');
      }
      const authz: Authz = {
        client_id: client.client_id,
        redirect_uri: q.redirect_uri,
        scope,
        state: q.state,
        code_challenge: q.code_challenge,
        ...(q.nonce !== undefined ? { nonce: q.nonce } : {}),
        ...(launch ? { launch_patient: launch.patient } : {}),
        ...(launch?.fhirUser ? { launch_user: launch.fhirUser } : {}),
      };
      const signed = await tokens.sign('authz', authz, {
        ttlSeconds: 600,
        audience: serverOrigin(config, request),
        issuer: serverOrigin(config, request),
      });
      return reply
        .code(200)
        .headers(HTML_HEADERS)
        .send(await loginPage({ repo, client, authz, signed }));
    },
  });

  defineRoute(app, '/auth/login', {
    POST: async (request, reply) => {
      const form = LoginForm.safeParse(request.body ?? {});
      if (!config.authDevLogin || !form.success || !form.data.request) {
        return errorPage(reply, 400, 'Invalid login request.');
      }
      let authz: Authz;
      try {
        authz = await tokens.verify('authz', form.data.request, {
          audience: serverOrigin(config, request),
          issuer: serverOrigin(config, request),
          schema: AuthzSchema,
        });
      } catch {
        return errorPage(reply, 400, 'The login form expired; start the launch again.');
      }
      const back = (params: Record<string, string>): FastifyReply =>
        redirectWith(reply, authz.redirect_uri, { ...params, state: authz.state });
      if (form.data.decision !== 'allow') {
        return back({ error: 'access_denied', error_description: 'The user denied access' });
      }
      const user = form.data.user ?? '';
      const patientRef = authz.launch_patient ?? form.data.patient?.replace(/^Patient\//, '');
      if (!(await readsAs(repo, user))) {
        return errorPage(reply, 400, 'Pick a user that exists.');
      }
      if (
        needsPatient(authz) &&
        (patientRef === undefined || !ID.test(patientRef) || !(await readsAs(repo, `Patient/${patientRef}`)))
      ) {
        return errorPage(reply, 400, 'Pick a patient that exists.');
      }
      const granted = parseScopes(authz.scope);
      const code = await tokens.sign(
        'code',
        {
          sub: user,
          client_id: authz.client_id,
          scope: authz.scope,
          redirect_uri: authz.redirect_uri,
          code_challenge: authz.code_challenge,
          ...(patientRef !== undefined && needsPatient(authz) ? { patient: patientRef } : {}),
          ...(granted.other.has('fhirUser') || granted.other.has('openid') ? { fhirUser: user } : {}),
          ...(authz.nonce !== undefined ? { nonce: authz.nonce } : {}),
        },
        { ttlSeconds: 60, audience: serverOrigin(config, request), issuer: serverOrigin(config, request) },
      );
      return back({ code });
    },
  });

  defineRoute(app, '/auth/launch', {
    GET: async (request, reply) => {
      const q = z
        .object({ client_id: z.string(), patient: z.string().regex(ID), user: z.string().regex(REF).optional() })
        .safeParse(request.query);
      const client = q.success ? clients.get(q.data.client_id) : undefined;
      if (!config.authDevLogin || !q.success || !client?.launch_uri) {
        return errorPage(
          reply,
          400,
          'The development launcher needs VITALIS_AUTH_DEV_LOGIN, a client with a launch_uri and a patient.',
        );
      }
      if (!(await readsAs(repo, `Patient/${q.data.patient}`))) {
        return errorPage(reply, 404, 'Unknown patient.');
      }
      const launch = await tokens.sign(
        'launch',
        { patient: q.data.patient, ...(q.data.user ? { fhirUser: q.data.user } : {}) },
        { ttlSeconds: 300, audience: serverOrigin(config, request), issuer: serverOrigin(config, request) },
      );
      return redirectWith(reply, client.launch_uri, { iss: fhirBaseUrl(config, request), launch });
    },
  });
}
