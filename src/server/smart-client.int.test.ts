import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import type { PatientContext } from '../patient/index.js';
import { freePort, startAuthTestServer, type AuthTestServer } from './auth-test-server.js';
import { loginRequestOf, noFollow, seedTwoPatients, submitLogin, type SeededChart } from './auth-test-flow.js';

const CLIENT = 'vitalis-app';

/** A cookie jar for one browser talking to the app. */
function cookieJar(): { header: () => string; take: (res: Response) => void } {
  const jar = new Map<string, string>();
  return {
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    take: (res) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = (pair ?? '').indexOf('=');
        const name = (pair ?? '').slice(0, at);
        const value = (pair ?? '').slice(at + 1);
        if (value === '') {
          jar.delete(name);
        } else {
          jar.set(name, value);
        }
      }
    },
  };
}

describe.each(testStoreNames())('Vitalis as a SMART app launched from an EHR (%s)', (storeName) => {
  let ehr: AuthTestServer;
  let app: AuthTestServer;
  let chart: SeededChart;
  let appUrl = '';

  beforeAll(async () => {
    const appPort = await freePort();
    appUrl = `http://127.0.0.1:${String(appPort)}`;
    // The EHR registers the app's redirect and launch URIs; the app allow-lists the EHR.
    ehr = await startAuthTestServer(storeName, () => ({
      auth: 'smart',
      authDevLogin: true,
      authTokenTtl: 60,
      authClients: JSON.stringify([
        {
          client_id: CLIENT,
          redirect_uris: [`${appUrl}/smart/callback`],
          launch_uri: `${appUrl}/smart/launch`,
          scope: 'launch launch/patient patient/*.rs openid fhirUser offline_access',
        },
      ]),
    }));
    chart = await seedTwoPatients(ehr.repo);
    app = await startAuthTestServer(storeName, () => ({ smartClientId: CLIENT, smartIssuers: `${ehr.url}/fhir` }), {
      port: appPort,
    });
  });

  afterAll(async () => {
    await app.close();
    await ehr.close();
  });

  async function followToLogin(first: Response, jar: ReturnType<typeof cookieJar>): Promise<Response> {
    // app /smart/launch -> EHR /auth/authorize (login page)
    jar.take(first);
    expect(first.status).toBe(302);
    const authorizeUrl = new URL(first.headers.get('location') ?? '');
    expect(authorizeUrl.origin).toBe(ehr.url);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('aud')).toBe(`${ehr.url}/fhir`);
    const page = await noFollow(authorizeUrl.toString());
    expect(page.status).toBe(200);
    return page;
  }

  async function finish(callback: URL, jar: ReturnType<typeof cookieJar>): Promise<void> {
    expect(callback.origin).toBe(app.url);
    const done = await noFollow(callback.toString(), { headers: { cookie: jar.header() } });
    jar.take(done);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/smart/view');
  }

  it('runs the EHR launch end to end and reads the launched patient through the EHR', async () => {
    const jar = cookieJar();
    const ehrLaunch = await noFollow(
      `${ehr.url}/auth/launch?client_id=${CLIENT}&patient=${chart.patientA}&user=Practitioner/${chart.practitioner}`,
    );
    expect(ehrLaunch.status).toBe(302);
    const launchUrl = new URL(ehrLaunch.headers.get('location') ?? '');
    expect(launchUrl.searchParams.get('iss')).toBe(`${ehr.url}/fhir`);
    const page = await followToLogin(await noFollow(launchUrl.toString()), jar);
    const html = await page.text();
    expect(html).toContain(`Patient from the EHR launch: <code>${chart.patientA}</code>`);
    const callback = await submitLogin(ehr.url, {
      request: loginRequestOf(html),
      user: `Practitioner/${chart.practitioner}`,
    });
    await finish(callback, jar);

    const ctx = await fetch(`${app.url}/smart/context`, { headers: { cookie: jar.header() } });
    expect(ctx.status).toBe(200);
    const context = (await ctx.json()) as PatientContext;
    expect(context.patient.id).toBe(chart.patientA);
    expect(context.vitals.facts.map((f) => f.value)).toEqual([expect.objectContaining({ value: 71 })]);

    const view = await fetch(`${app.url}/smart/view`, { headers: { cookie: jar.header() } });
    expect(view.status).toBe(200);
    expect(await view.text()).toContain(`Read through the EHR at <code>${ehr.url}/fhir</code>`);

    // The EHR saw the app's reads under the app's client id, for patient A only.
    await ehr.audit.flush();
    const audit = await ehr.repo.search({ resourceType: 'AuditEvent' });
    const clients = (audit.entry ?? []).flatMap((e) =>
      (e.resource?.resourceType === 'AuditEvent' ? (e.resource.agent ?? []) : []).map((a) => a.who?.identifier?.value),
    );
    expect(clients).toContain(CLIENT);
  });

  it('runs the standalone launch and refreshes the access token', async () => {
    const jar = cookieJar();
    const page = await followToLogin(
      await noFollow(`${app.url}/smart/launch?iss=${encodeURIComponent(`${ehr.url}/fhir`)}`),
      jar,
    );
    const callback = await submitLogin(ehr.url, {
      request: loginRequestOf(await page.text()),
      user: `Practitioner/${chart.practitioner}`,
      patient: `Patient/${chart.patientB}`,
    });
    await finish(callback, jar);
    const before = jar.header();
    const refreshed = await fetch(`${app.url}/smart/refresh`, { method: 'POST', headers: { cookie: jar.header() } });
    expect(refreshed.status).toBe(200);
    jar.take(refreshed);
    expect(jar.header()).not.toBe(before);
    const ctx = await fetch(`${app.url}/smart/context`, { headers: { cookie: jar.header() } });
    expect(((await ctx.json()) as PatientContext).patient.id).toBe(chart.patientB);
  });

  it('refuses unknown EHRs, forged state and missing sessions', async () => {
    expect((await fetch(`${app.url}/smart/launch?iss=https://evil.example/fhir`)).status).toBe(403);
    expect((await fetch(`${app.url}/smart/callback?code=x&state=y`)).status).toBe(400);
    expect((await fetch(`${app.url}/smart/context`)).status).toBe(401);
    expect(
      (await fetch(`${app.url}/smart/context`, { headers: { cookie: 'vitalis_smart_session=garbage' } })).status,
    ).toBe(401);
  });
});
