import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteRepository, generateClientKeys, type ClientKeys } from '../adapters/fhir-http/index.js';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { startAuthTestServer, type AuthTestServer } from './auth-test-server.js';
import {
  loginRequestOf,
  noFollow,
  pkcePair,
  seedTwoPatients,
  submitLogin,
  tokenRequest,
  type SeededChart,
} from './auth-test-flow.js';

const APP = 'test-app';
const BACKEND = 'test-backend';

describe.each(testStoreNames())('SMART server with scope enforcement (%s)', (storeName) => {
  let ehr: AuthTestServer;
  let chart: SeededChart;
  let backendKeys: ClientKeys;
  let redirect: string;

  beforeAll(async () => {
    backendKeys = await generateClientKeys('ES384');
    ehr = await startAuthTestServer(storeName, (url) => {
      redirect = `${url}/test-callback`;
      return {
        auth: 'smart',
        authDevLogin: true,
        authClients: JSON.stringify([
          {
            client_id: APP,
            redirect_uris: [redirect],
            scope: 'launch launch/patient patient/*.cruds user/*.rs openid fhirUser offline_access',
          },
          { client_id: BACKEND, jwks: backendKeys.publicJwks, scope: 'system/*.rs' },
        ]),
      };
    });
    chart = await seedTwoPatients(ehr.repo);
  });

  afterAll(async () => {
    await ehr.close();
  });

  const fhir = (): string => `${ehr.url}/fhir`;

  async function authorize(scope: string, challenge: string, extra: Record<string, string> = {}): Promise<Response> {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: APP,
      redirect_uri: redirect,
      scope,
      state: 'st-1',
      aud: fhir(),
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    return noFollow(`${ehr.url}/auth/authorize?${q.toString()}`);
  }

  async function patientToken(
    patient: string,
    scope = 'launch/patient patient/*.rs openid fhirUser offline_access',
  ): Promise<Record<string, unknown>> {
    const { verifier, challenge } = pkcePair();
    const page = await authorize(scope, challenge);
    expect(page.status).toBe(200);
    const location = await submitLogin(ehr.url, {
      request: loginRequestOf(await page.text()),
      user: `Practitioner/${chart.practitioner}`,
      patient: `Patient/${patient}`,
    });
    expect(location.searchParams.get('state')).toBe('st-1');
    const code = location.searchParams.get('code') ?? '';
    const res = await tokenRequest(ehr.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
      client_id: APP,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function get(
    path: string,
    token: string | undefined,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${ehr.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  it('publishes the SMART configuration at the root and under /fhir', async () => {
    for (const path of ['/.well-known/smart-configuration', '/fhir/.well-known/smart-configuration']) {
      const { status, body } = await get(path, undefined);
      expect(status).toBe(200);
      expect(body['token_endpoint']).toBe(`${ehr.url}/auth/token`);
      expect(body['code_challenge_methods_supported']).toEqual(['S256']);
      expect(body['capabilities']).toEqual(
        expect.arrayContaining(['launch-ehr', 'launch-standalone', 'permission-v2', 'client-confidential-asymmetric']),
      );
    }
    const jwks = await get('/.well-known/jwks.json', undefined);
    expect((jwks.body['keys'] as { kty: string; d?: string }[])[0]).toMatchObject({ kty: 'EC' });
    expect((jwks.body['keys'] as { d?: string }[])[0]?.d).toBeUndefined();
  });

  it('runs the standalone launch with PKCE S256 and issues patient, refresh and id tokens', async () => {
    const token = await patientToken(chart.patientA);
    expect(token['patient']).toBe(chart.patientA);
    expect(token['scope']).toBe('launch/patient patient/*.rs openid fhirUser offline_access');
    expect(typeof token['refresh_token']).toBe('string');
    expect(typeof token['id_token']).toBe('string');
    const read = await get(`/fhir/Patient/${chart.patientA}`, String(token['access_token']));
    expect(read.status).toBe(200);

    const refreshed = await tokenRequest(ehr.url, {
      grant_type: 'refresh_token',
      refresh_token: String(token['refresh_token']),
      client_id: APP,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['patient']).toBe(chart.patientA);
    expect((await get(`/fhir/Patient/${chart.patientA}`, String(refreshed.body['access_token']))).status).toBe(200);
  });

  it('refuses a wrong PKCE verifier, a replayed code, a missing challenge and a foreign redirect_uri', async () => {
    const { verifier, challenge } = pkcePair();
    const page = await authorize('launch/patient patient/*.rs', challenge);
    const location = await submitLogin(ehr.url, {
      request: loginRequestOf(await page.text()),
      user: `Practitioner/${chart.practitioner}`,
      patient: chart.patientA,
    });
    const code = location.searchParams.get('code') ?? '';
    const base = { grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: APP };
    const wrong = await tokenRequest(ehr.url, { ...base, code_verifier: pkcePair().verifier });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await tokenRequest(ehr.url, { ...base, code_verifier: verifier })).status).toBe(200);
    const replay = await tokenRequest(ehr.url, { ...base, code_verifier: verifier });
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const plain = await authorize('patient/*.rs', challenge, { code_challenge_method: 'plain' });
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const foreign = await noFollow(
      `${ehr.url}/auth/authorize?${new URLSearchParams({ response_type: 'code', client_id: APP, redirect_uri: 'https://evil.example/cb', scope: 'patient/*.rs', state: 's', aud: fhir(), code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
  });

  it('keeps a patient-scoped token inside its patient for reads, searches, includes, $everything and /api', async () => {
    const token = String((await patientToken(chart.patientA))['access_token']);
    const { patientA, patientB, obsA, obsB } = chart;

    expect((await get(`/fhir/Patient/${patientB}`, token)).status).toBe(403);
    expect((await get(`/fhir/Observation/${obsB}`, token)).status).toBe(403);
    expect((await get(`/fhir/Observation/${obsB}/_history/1`, token)).status).toBe(403);
    expect((await get(`/fhir/Observation/${obsA}`, token)).status).toBe(200);

    const ids = (b: Record<string, unknown>): string[] =>
      ((b as unknown as Bundle).entry ?? []).map((e) => `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`);
    const all = await get('/fhir/Observation', token);
    expect(ids(all.body)).toEqual([`Observation/${obsA}`]);
    expect((all.body as unknown as Bundle).total).toBe(1);
    expect(ids((await get(`/fhir/Observation?subject=Patient/${patientB}`, token)).body)).toEqual([]);
    expect(ids((await get('/fhir/Observation?_elements=status', token)).body)).toEqual([`Observation/${obsA}`]);
    const posted = await fetch(`${fhir()}/Observation/_search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `subject=Patient/${patientB}`,
    });
    expect(ids((await posted.json()) as Record<string, unknown>)).toEqual([]);
    expect(ids((await get('/fhir/Patient', token)).body)).toEqual([`Patient/${patientA}`]);
    const included = await get(`/fhir/Patient?_revinclude=Observation:subject&_id=${patientB}`, token);
    expect(ids(included.body)).toEqual([]);
    const withInclude = await get('/fhir/Observation?_include=Observation:subject', token);
    expect(ids(withInclude.body).sort()).toEqual([`Observation/${obsA}`, `Patient/${patientA}`].sort());

    expect((await get(`/fhir/Patient/${patientB}/$everything`, token)).status).toBe(403);
    const everything = await get(`/fhir/Patient/${patientA}/$everything`, token);
    expect(everything.status).toBe(200);
    expect(ids(everything.body)).not.toContain(`Observation/${obsB}`);
    expect(ids(everything.body)).toContain(`Observation/${obsA}`);

    expect((await get(`/api/patients/${patientB}/context`, token)).status).toBe(403);
    expect((await get(`/api/patients/${patientA}/context`, token)).status).toBe(200);
    const list = await get('/api/patients', token);
    expect((list.body['patients'] as { id: string }[]).map((p) => p.id)).toEqual([patientA]);

    const batch = await fetch(fhir(), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: [{ request: { method: 'GET', url: `Patient/${patientB}` } }],
      }),
    });
    expect(batch.status).toBe(403);
    const write = await fetch(`${fhir()}/Observation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: `Patient/${patientA}` },
      }),
    });
    expect(write.status).toBe(403); // patient/*.rs grants no create
  });

  it('confines patient-level writes to the patient', async () => {
    const token = String((await patientToken(chart.patientA, 'launch/patient patient/*.cruds'))['access_token']);
    const send = (method: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${fhir()}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const obs = (patient: string, id?: string): Record<string, unknown> => ({
      resourceType: 'Observation',
      ...(id ? { id } : {}),
      status: 'final',
      code: { text: 'note' },
      subject: { reference: `Patient/${patient}` },
    });
    const created = await send('POST', '/Observation', obs(chart.patientA));
    expect(created.status).toBe(201);
    const createdId = ((await created.json()) as { id: string }).id;
    expect((await send('DELETE', `/Observation/${createdId}`)).status).toBe(204);
    expect((await send('POST', '/Observation', obs(chart.patientB))).status).toBe(403);
    expect((await send('PUT', `/Observation/${chart.obsB}`, obs(chart.patientA, chart.obsB))).status).toBe(403);
    expect((await send('DELETE', `/Observation/${chart.obsB}`)).status).toBe(403);
    const kept = await ehr.repo.read<Observation>('Observation', chart.obsB);
    expect(kept.subject?.reference).toBe(`Patient/${chart.patientB}`);
  });

  it('narrows a v2 type scope: patient/Observation.rs cannot read the Patient resource', async () => {
    const token = String((await patientToken(chart.patientA, 'launch/patient patient/Observation.rs'))['access_token']);
    expect((await get(`/fhir/Observation/${chart.obsA}`, token)).status).toBe(200);
    expect((await get(`/fhir/Patient/${chart.patientA}`, token)).status).toBe(403);
    const included = await get('/fhir/Observation?_include=Observation:subject', token);
    expect(((included.body as unknown as Bundle).entry ?? []).map((e) => e.resource?.resourceType)).toEqual([
      'Observation',
    ]);
  });

  it('answers 401 without a token, with a forged token and with another server key, and leaves metadata public', async () => {
    expect((await get(`/fhir/Patient/${chart.patientA}`, undefined)).status).toBe(401);
    const noToken = await fetch(`${fhir()}/Patient`);
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get('/api/patients', undefined)).status).toBe(401);
    expect((await get('/fhir/Patient', 'not.a.jwt')).status).toBe(401);
    const otherKey = await generateClientKeys('ES384');
    const { importPKCS8 } = await import('jose');
    const forged = await new SignJWT({ vt: 'access', sub: 'x', client_id: APP, scope: 'user/*.rs' })
      .setProtectedHeader({ alg: 'ES384' })
      .setIssuer('urn:vitalis:auth')
      .setAudience(fhir())
      .setExpirationTime('5m')
      .setJti('j1')
      .sign(await importPKCS8(otherKey.privateKeyPem, 'ES384'));
    expect((await get('/fhir/Patient', forged)).status).toBe(401);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"vt":"access","sub":"x","client_id":"a","scope":"user/*.rs"}').toString('base64url')}.`;
    expect((await get('/fhir/Patient', unsigned)).status).toBe(401);
    const metadata = await get('/fhir/metadata', undefined);
    expect(metadata.status).toBe(200);
    expect(JSON.stringify(metadata.body)).toContain(`"valueUri":"${ehr.url}/auth/token"`);
  });

  it('serves SMART Backend Services: the remote repository gets a system token with private_key_jwt', async () => {
    const repo = createRemoteRepository({
      baseUrl: fhir(),
      auth: {
        kind: 'smart-backend',
        clientId: BACKEND,
        privateKey: backendKeys.privateKeyPem,
        keyId: backendKeys.kid,
        alg: 'ES384',
        scope: 'system/*.rs',
      },
    });
    try {
      const b = await repo.read('Patient', chart.patientB);
      expect(b.id).toBe(chart.patientB);
      const bundle = await repo.search({ resourceType: 'Observation' });
      expect(bundle.entry?.length).toBe(2);
    } finally {
      await repo.close();
    }
  });

  it('refuses client_credentials with a replayed, HS256 or unknown-key assertion, and a public client', async () => {
    const { importPKCS8 } = await import('jose');
    const key = await importPKCS8(backendKeys.privateKeyPem, 'ES384');
    const assertion = (jti: string): Promise<string> =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES384', kid: backendKeys.kid, typ: 'JWT' })
        .setIssuer(BACKEND)
        .setSubject(BACKEND)
        .setAudience(`${ehr.url}/auth/token`)
        .setIssuedAt()
        .setExpirationTime('4m')
        .setJti(jti)
        .sign(key);
    const form = (a: string): Record<string, string> => ({
      grant_type: 'client_credentials',
      scope: 'system/*.rs',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: a,
    });
    const first = await assertion('once');
    expect((await tokenRequest(ehr.url, form(first))).status).toBe(200);
    expect(await tokenRequest(ehr.url, form(first))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(BACKEND)
      .setSubject(BACKEND)
      .setAudience(`${ehr.url}/auth/token`)
      .setExpirationTime('4m')
      .setJti('hs')
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough!'));
    expect((await tokenRequest(ehr.url, form(hs))).status).toBe(401);
    const pub = await tokenRequest(ehr.url, { grant_type: 'client_credentials', client_id: APP, scope: 'system/*.rs' });
    expect(pub.status).toBe(401);
  });
});
