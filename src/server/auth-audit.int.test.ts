import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import { Operator } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import { startAuthTestServer, type AuthTestServer } from './auth-test-server.js';
import {
  loginRequestOf,
  noFollow,
  pkcePair,
  PLANTED_PHI,
  seedTwoPatients,
  submitLogin,
  tokenRequest,
  type SeededChart,
} from './auth-test-flow.js';

async function auditEvents(server: AuthTestServer, query: string, token?: string): Promise<AuditEvent[]> {
  await server.audit.flush();
  const res = await fetch(`${server.url}/fhir/AuditEvent?${query}&_count=500`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(res.status).toBe(200);
  const bundle = (await res.json()) as Bundle<AuditEvent>;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

const described = (e: AuditEvent): string => e.entity?.find((x) => x.description !== undefined)?.description ?? '';

describe.each(testStoreNames())('audit trail of /fhir and /api (%s)', (storeName) => {
  let server: AuthTestServer;
  let chart: SeededChart;

  beforeAll(async () => {
    server = await startAuthTestServer(storeName, () => ({}));
    chart = await seedTwoPatients(server.repo);
  });

  afterAll(async () => {
    await server.close();
  });

  it('records an AuditEvent for each access, searchable by patient', async () => {
    const { patientA, obsA } = chart;
    const paths = [
      `/fhir/Patient/${patientA}`,
      `/fhir/Observation/${obsA}`,
      `/fhir/Observation?subject=Patient/${patientA}`,
      `/fhir/Patient/${patientA}/$everything`,
      `/api/patients/${patientA}/context`,
    ];
    for (const path of paths) {
      expect((await fetch(`${server.url}${path}`, { headers: { 'x-purpose-of-use': 'TREAT' } })).status).toBe(200);
    }
    const events = await auditEvents(server, `patient=${patientA}`);
    const whats = events.map(described);
    expect(whats).toEqual(
      expect.arrayContaining([
        `Patient/${patientA}`,
        `Observation/${obsA}`,
        'Observation?subject',
        `Patient/${patientA}/$everything`,
        `/api/patients/${patientA}/context`,
      ]),
    );
    for (const e of events) {
      expect(e.outcome).toBe('0');
      expect(e.agent?.[0]?.requestor).toBe(true);
      expect(e.purposeOfEvent?.[0]?.coding?.[0]?.code).toBe('TREAT');
      expect(e.entity?.some((x) => x.what?.reference === `Patient/${patientA}`)).toBe(true);
    }
    const read = events.find((e) => described(e) === `Patient/${patientA}`);
    expect(read?.action).toBe('R');
    expect(read?.subtype?.[0]?.code).toBe('read');
    const other = await auditEvents(server, `patient=${chart.patientB}`);
    expect(other.map(described)).not.toContain(`Observation/${obsA}`);
  });

  it('records a search across patients with every patient it returned', async () => {
    await fetch(`${server.url}/fhir/Observation?code=http://loinc.org|8867-4`);
    for (const patient of [chart.patientA, chart.patientB]) {
      const whats = (await auditEvents(server, `patient=${patient}`)).map(described);
      expect(whats).toContain('Observation?code');
    }
  });

  it('does not grow a patient audit log by reading it (audit reads are recorded unlinked)', async () => {
    const before = await auditEvents(server, `patient=${chart.patientA}`);
    await auditEvents(server, `patient=${chart.patientA}`);
    await auditEvents(server, `patient=${chart.patientA}`);
    const after = await auditEvents(server, `patient=${chart.patientA}`);
    expect(after.length).toBe(before.length);
    const all = await auditEvents(server, 'entity-type=2');
    expect(all.filter((e) => described(e) === 'AuditEvent?_count&patient').length).toBeGreaterThanOrEqual(3);
  });

  it('records failures too', async () => {
    expect((await fetch(`${server.url}/fhir/Patient/does-not-exist`)).status).toBe(404);
    const events = await auditEvents(server, 'outcome=4');
    expect(events.map(described)).toContain('Patient/does-not-exist');
  });

  it('never writes planted PHI into the logs (queries, bodies, errors) nor into AuditEvent descriptions', async () => {
    const phi = Object.values(PLANTED_PHI);
    await fetch(`${server.url}/fhir/Patient?family=${PLANTED_PHI.family}&birthdate=${PLANTED_PHI.birthDate}`);
    await fetch(`${server.url}/fhir/Patient?identifier=${PLANTED_PHI.mrn}`);
    await fetch(`${server.url}/api/patients?q=${PLANTED_PHI.family}`);
    await fetch(`${server.url}/fhir/Patient`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Patient',
        name: [{ family: PLANTED_PHI.family }],
        birthDate: 'not-a-date',
      }),
    });
    await fetch(`${server.url}/fhir/Patient`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: `{"resourceType":"Patient","name":[{"family":"${PLANTED_PHI.family}"`,
    });
    await fetch(`${server.url}/fhir/Patient?unknownparam=${PLANTED_PHI.phone}`);
    await fetch(`${server.url}/smart/launch?iss=${PLANTED_PHI.family}`);
    await server.audit.flush();
    const logs = server.logLines.join('\n');
    expect(server.logLines.length).toBeGreaterThan(10);
    for (const value of phi) {
      expect(logs).not.toContain(value);
    }
    const events = await auditEvents(server, 'entity-type=2');
    const descriptions = events.map(described).join('\n');
    for (const value of phi) {
      expect(descriptions).not.toContain(value);
    }
  });
});

describe.each(testStoreNames())('audit trail with SMART tokens (%s)', (storeName) => {
  let server: AuthTestServer;
  let chart: SeededChart;
  let redirect = '';

  beforeAll(async () => {
    server = await startAuthTestServer(storeName, (url) => {
      redirect = `${url}/cb`;
      return {
        auth: 'smart',
        authDevLogin: true,
        authClients: JSON.stringify([
          {
            client_id: 'audited-app',
            redirect_uris: [redirect],
            scope: 'launch/patient patient/*.rs user/*.rs fhirUser openid',
          },
        ]),
      };
    });
    chart = await seedTwoPatients(server.repo);
  });

  afterAll(async () => {
    await server.close();
  });

  it('names the user and the client, and records refused accesses as failures', async () => {
    const { verifier, challenge } = pkcePair();
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: 'audited-app',
      redirect_uri: redirect,
      scope: 'launch/patient patient/*.rs fhirUser',
      state: 's',
      aud: `${server.url}/fhir`,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const page = await noFollow(`${server.url}/auth/authorize?${q.toString()}`);
    const location = await submitLogin(server.url, {
      request: loginRequestOf(await page.text()),
      user: `Practitioner/${chart.practitioner}`,
      patient: chart.patientA,
    });
    const token = await tokenRequest(server.url, {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: redirect,
      client_id: 'audited-app',
      code_verifier: verifier,
    });
    const access = String(token.body['access_token']);
    const h = { authorization: `Bearer ${access}` };
    expect((await fetch(`${server.url}/fhir/Patient/${chart.patientA}`, { headers: h })).status).toBe(200);
    expect((await fetch(`${server.url}/fhir/Patient/${chart.patientB}`, { headers: h })).status).toBe(403);

    const events = await auditEvents(server, `patient=${chart.patientA}`, access);
    const read = events.find((e) => described(e) === `Patient/${chart.patientA}`);
    expect(read?.agent?.[0]?.who?.reference).toBe(`Practitioner/${chart.practitioner}`);
    expect(read?.agent?.[1]?.who?.identifier?.value).toBe('audited-app');

    const admin = await tokenRequest(server.url, {
      grant_type: 'authorization_code',
      code: 'x',
      client_id: 'audited-app',
    });
    expect(admin.status).toBe(400);
    await server.audit.flush();
    const refused = await server.repo.search({
      resourceType: 'AuditEvent',
      filters: [{ code: 'outcome', operator: Operator.EQUALS, value: '4' }],
    });
    const descriptions = (refused.entry ?? []).map((e) => described(e.resource as AuditEvent));
    expect(descriptions).toContain(`Patient/${chart.patientB}`);
  });
});
