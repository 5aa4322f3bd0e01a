import type { OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import { fetchJson, fhirJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const BODY_LIMIT = 4096;

describe.each(testStoreNames())('bad input over HTTP always yields an OperationOutcome (%s)', (storeName) => {
  let server: TestServer;
  let fhir: string;

  beforeAll(async () => {
    server = await startTestServer(storeName, { bodyLimit: BODY_LIMIT });
    fhir = `${server.url}/fhir`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('rejects an invalid resource with 400 and FHIRPath expressions', async () => {
    const res = await fetchJson<OperationOutcome>(
      `${fhir}/Patient`,
      fhirJson('POST', { resourceType: 'Patient', active: 'yes', birthDate: '12/31/1999' }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.body.resourceType).toBe('OperationOutcome');
    const expressions = (res.body.issue ?? []).flatMap((i) => i.expression ?? []);
    expect(expressions).toEqual(expect.arrayContaining(['Patient.birthDate']));
    expect(expressions.some((e) => e.startsWith('Patient.active'))).toBe(true);
  });

  it('rejects a body that is not a resource', async () => {
    for (const body of ['[1,2]', '"text"', '{"name":"x"}']) {
      const res = await fetchJson<OperationOutcome>(`${fhir}/Patient`, fhirJson('POST', body));
      expect(res.status).toBe(400);
      expect(res.body.issue?.[0]?.expression).toEqual(['resourceType']);
    }
  });

  it('answers 404 for an unknown resource type, an unknown id and an unknown route', async () => {
    const type = await fetchJson<OperationOutcome>(`${fhir}/Bogus/1`);
    expect(type.status).toBe(404);
    expect(type.body.issue?.[0]?.code).toBe('not-supported');
    expect((await fetchJson(`${fhir}/Bogus?name=x`)).status).toBe(404);
    expect((await fetchJson(`${fhir}/Bogus`, fhirJson('POST', { resourceType: 'Bogus' }))).status).toBe(404);
    const id = await fetchJson<OperationOutcome>(`${fhir}/Patient/does-not-exist`);
    expect(id.status).toBe(404);
    expect(id.body.resourceType).toBe('OperationOutcome');
    const route = await fetchJson<OperationOutcome>(`${server.url}/no/such/route`);
    expect(route.status).toBe(404);
    expect(route.body.resourceType).toBe('OperationOutcome');
  });

  it('answers 400 for malformed JSON and an empty body, without echoing the body', async () => {
    const res = await fetchJson<OperationOutcome>(
      `${fhir}/Patient`,
      fhirJson('POST', '{"resourceType":"Patient","name":[{"family":"Secretname"'),
    );
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.text).not.toContain('Secretname');
    const empty = await fetchJson<OperationOutcome>(`${fhir}/Patient`, fhirJson('POST', ''));
    expect(empty.status).toBe(400);
  });

  it('answers 400 for a malformed id and If-Match header', async () => {
    expect((await fetchJson(`${fhir}/Patient/${'x'.repeat(65)}`)).status).toBe(400);
    const res = await fetchJson(
      `${fhir}/Patient/p1`,
      fhirJson('PUT', { resourceType: 'Patient', id: 'p1' }, { 'if-match': 'W/"a b"' }),
    );
    expect(res.status).toBe(400);
  });

  it('answers 413 for a body over the configured limit', async () => {
    const big = {
      resourceType: 'Patient',
      text: {
        status: 'generated',
        div: `<div xmlns="http://www.w3.org/1999/xhtml">${'a'.repeat(BODY_LIMIT * 2)}</div>`,
      },
    };
    const res = await fetchJson<OperationOutcome>(`${fhir}/Patient`, fhirJson('POST', big));
    expect(res.status).toBe(413);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue?.[0]?.code).toBe('too-costly');
  });

  it('answers 415 for other request media types and 406 for non-JSON responses', async () => {
    const xml = await fetchJson<OperationOutcome>(`${fhir}/Patient`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+xml' },
      body: '<Patient xmlns="http://hl7.org/fhir"/>',
    });
    expect(xml.status).toBe(415);
    expect(xml.body.resourceType).toBe('OperationOutcome');
    const text = await fetchJson(`${fhir}/Patient`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    const accept = await fetchJson<OperationOutcome>(`${fhir}/Patient`, {
      headers: { accept: 'application/fhir+xml' },
    });
    expect(accept.status).toBe(406);
    expect(accept.body.resourceType).toBe('OperationOutcome');
    expect((await fetchJson(`${fhir}/metadata?_format=xml`)).status).toBe(406);
    expect((await fetchJson(`${fhir}/metadata?_format=json`)).status).toBe(200);
  });

  it('answers 405 with an Allow header for a wrong method on a known route', async () => {
    const res = await fetchJson<OperationOutcome>(`${fhir}/Patient/p1`, fhirJson('POST', { resourceType: 'Patient' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD');
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect((await fetchJson(`${fhir}/metadata`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetchJson(`${server.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('answers 400 for an invalid search, as an OperationOutcome', async () => {
    const res = await fetchJson<OperationOutcome>(`${fhir}/Patient?birthdate=notadate`);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('keeps serving after every kind of bad request', async () => {
    const bad: [string, RequestInit][] = [
      [`${fhir}/Patient`, fhirJson('POST', '{{{')],
      [`${fhir}/Patient`, fhirJson('POST', 'null')],
      [`${fhir}/Patient/%E0%A4%A`, {}],
      [`${fhir}/Patient?_count=-1&_sort=%00`, {}],
      [`${fhir}/Patient/_history?_since=yesterday`, {}],
      [fhir, fhirJson('POST', { resourceType: 'Bundle', type: 'transaction', entry: [{ request: {} }] })],
      [`${fhir}/Patient/x/$everything`, { method: 'PUT' }],
    ];
    for (const [url, init] of bad) {
      const res = await fetchJson<OperationOutcome>(url, init);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      expect(res.body.resourceType, url).toBe('OperationOutcome');
    }
    expect((await fetchJson(`${server.url}/healthz`)).status).toBe(200);
  });

  it('logs one line per request with the route pattern, never the raw URL or PHI', async () => {
    const created = await fetchJson<Patient>(
      `${fhir}/Patient`,
      fhirJson('POST', { resourceType: 'Patient', name: [{ family: 'Phiphamily' }] }),
    );
    const id = created.body.id!;
    server.logs.length = 0;
    await fetch(`${fhir}/Patient/${id}?_pretty=true`, { headers: { 'x-request-id': 'req-123' } });
    await fetch(`${fhir}/Patient?name=Phiphamily`);
    const lines = server.logs.filter((l) => l['msg'] === 'request');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/fhir/:type/:id', status: 200, reqId: 'req-123' });
    expect(typeof lines[0]?.['durationMs']).toBe('number');
    expect(lines[1]).toMatchObject({ method: 'GET', route: '/fhir/:type', status: 200 });
    const all = JSON.stringify(server.logs);
    expect(all).not.toContain(id);
    expect(all).not.toContain('Phiphamily');
  });
});

describe.each(testStoreNames())('when the store goes away (%s)', (storeName) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(storeName);
    await server.closeStore();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a bare 500 OperationOutcome, logs the cause without PHI, and stays alive', async () => {
    const res = await fetchJson<OperationOutcome>(`${server.url}/fhir/Patient?name=Privatename`);
    expect(res.status).toBe(500);
    expect(res.body.issue).toEqual([
      { severity: 'error', code: 'exception', details: { text: 'Internal error' }, diagnostics: 'Internal error' },
    ]);
    const errorLine = server.logs.find((l) => l['msg'] === 'request failed');
    expect(errorLine).toMatchObject({ level: 'error', route: '/fhir/:type', code: 'VITALIS_INTERNAL' });
    expect(JSON.stringify(server.logs)).not.toContain('Privatename');
    expect((await fetchJson(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetchJson(`${server.url}/healthz`)).status).toBe(200);
  });
});
