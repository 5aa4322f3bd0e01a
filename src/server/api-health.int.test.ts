import type { Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import { PatientContextSchema, type PatientContext } from '../patient/index.js';
import type { PatientListItem } from './routes/api-patients.js';
import { webAppBuilt } from './routes/web-app.js';
import { fetchJson, fhirJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

function withMrn(family: string, given: string, mrn: string): Patient {
  return {
    resourceType: 'Patient',
    identifier: [
      { system: 'urn:test:ssn', value: `999-${mrn}`, type: { coding: [{ code: 'SS' }] } },
      {
        system: 'urn:test:mrn',
        value: mrn,
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      },
    ],
    name: [{ use: 'official', family, given: [given] }],
    gender: 'male',
    birthDate: '1980-02-03',
  };
}

describe.each(testStoreNames())('JSON API, health and home page over HTTP (%s)', (storeName) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(storeName);
    for (const p of [withMrn('Zeller', 'Bruno', 'MRN-100'), withMrn('Abbott', 'Carl', 'MRN-200')]) {
      await fetchJson(`${server.url}/fhir/Patient`, fhirJson('POST', p));
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists patients sorted by name with id, birth date, gender and MRN (never other identifiers)', async () => {
    const res = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.patients.map((p) => p.name)).toEqual(['Carl Abbott', 'Bruno Zeller']);
    expect(res.body.patients[0]).toMatchObject({ birthDate: '1980-02-03', gender: 'male', mrn: 'MRN-200' });
    expect(res.text).not.toContain('999-');
  });

  it('filters by name, identifier or birth date with q, and limits with _count', async () => {
    const byName = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients?q=zell`);
    expect(byName.body.patients.map((p) => p.mrn)).toEqual(['MRN-100']);
    const byMrn = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients?q=MRN-200`);
    expect(byMrn.body.patients.map((p) => p.name)).toEqual(['Carl Abbott']);
    const byBirthDate = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients?q=1980-02-03`);
    expect(byBirthDate.body.patients.map((p) => p.mrn)).toEqual(['MRN-200', 'MRN-100']);
    const otherDate = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients?q=1980-02-04`);
    expect(otherDate.body.patients).toEqual([]);
    const limited = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients?_count=1`);
    expect(limited.body.patients).toHaveLength(1);
    const bad = await fetchJson(`${server.url}/api/patients?_count=0`);
    expect(bad.status).toBe(400);
    expect((bad.body as { resourceType?: string }).resourceType).toBe('OperationOutcome');
  });

  it('serves the PatientContext of a patient, and 404 for an unknown one', async () => {
    const list = await fetchJson<{ patients: PatientListItem[] }>(`${server.url}/api/patients?q=zell`);
    const id = list.body.patients[0]!.id;
    const res = await fetchJson<PatientContext>(`${server.url}/api/patients/${id}/context`);
    expect(res.status).toBe(200);
    expect(PatientContextSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.patient).toMatchObject({ id, birthDate: '1980-02-03', sex: 'male' });
    const missing = await fetchJson<{ resourceType: string }>(`${server.url}/api/patients/nobody-here/context`);
    expect(missing.status).toBe(404);
    expect(missing.body.resourceType).toBe('OperationOutcome');
  });

  it('reports liveness and readiness', async () => {
    const health = await fetchJson(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await fetchJson(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('serves the workspace at / when built, else a page saying how to build it and linking to the endpoints', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    if (await webAppBuilt()) {
      expect(html).toContain('<div id="root">');
      return;
    }
    expect(html).toContain('npm run build');
    for (const href of ['/fhir/metadata', '/api/patients', '/healthz', '/readyz']) {
      expect(html).toContain(`href="${href}`);
    }
  });
});

describe('configured deployment', () => {
  it('uses VITALIS_BASE_URL in links and answers 503 when the readiness probe fails', async () => {
    const base = 'https://ehr.example.org/vitalis';
    const server = await startTestServer('pglite', { baseUrl: `${base}/` }, { ready: () => Promise.resolve(false) });
    try {
      const res = await fetchJson(`${server.url}/readyz`);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable' });
      const metadata = await fetchJson<{ implementation: { url: string } }>(`${server.url}/fhir/metadata`);
      expect(metadata.body.implementation.url).toBe(`${base}/fhir`);
      const created = await fetchJson<Patient>(
        `${server.url}/fhir/Patient`,
        fhirJson('POST', withMrn('Basey', 'B', 'MRN-9')),
      );
      expect(created.headers.get('location')).toBe(`${base}/fhir/Patient/${created.body.id!}/_history/1`);
    } finally {
      await server.close();
    }
  });
});
