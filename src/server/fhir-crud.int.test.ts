import type { CapabilityStatement, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import { fetchJson, fhirJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const ann: Patient = {
  resourceType: 'Patient',
  identifier: [{ system: 'urn:test:mrn', value: 'ANN-1' }],
  name: [{ family: 'Alvarez', given: ['Ann'] }],
  gender: 'female',
  birthDate: '1961-04-12',
};

describe.each(testStoreNames())('FHIR REST CRUD over HTTP (%s)', (storeName) => {
  let server: TestServer;
  let fhir: string;

  beforeAll(async () => {
    server = await startTestServer(storeName);
    fhir = `${server.url}/fhir`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves a CapabilityStatement generated from what is implemented', async () => {
    const res = await fetchJson<CapabilityStatement>(`${fhir}/metadata`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.body.resourceType).toBe('CapabilityStatement');
    expect(res.body.implementation?.url).toBe(fhir);
    const patient = res.body.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    expect(patient?.interaction?.map((i) => i.code)).toContain('create');
    expect(patient?.searchParam?.some((p) => p.name === 'birthdate' && p.type === 'date')).toBe(true);
    expect(patient?.operation?.map((o) => o.name)).toEqual(['everything']);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('creates, reads, updates and deletes with ETag, Last-Modified and Location', async () => {
    const created = await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', { ...ann, id: 'ignored-client-id' }));
    expect(created.status).toBe(201);
    const id = created.body.id!;
    expect(id).not.toBe('ignored-client-id');
    expect(created.body.meta?.versionId).toBe('1');
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(created.headers.get('last-modified')).toBe(new Date(created.body.meta!.lastUpdated!).toUTCString());
    expect(created.headers.get('location')).toBe(`${fhir}/Patient/${id}/_history/1`);

    const read = await fetchJson<Patient>(`${fhir}/Patient/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');
    expect(read.body.name?.[0]?.family).toBe('Alvarez');

    const updated = await fetchJson<Patient>(`${fhir}/Patient/${id}`, fhirJson('PUT', { ...ann, id, gender: 'other' }));
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('W/"2"');
    expect(updated.body.gender).toBe('other');

    const deleted = await fetch(`${fhir}/Patient/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const gone = await fetchJson<OperationOutcome>(`${fhir}/Patient/${id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.resourceType).toBe('OperationOutcome');
  });

  it('reads old versions (vread) and instance and type history, newest first', async () => {
    const { body: v1 } = await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', ann));
    const id = v1.id!;
    await fetchJson(`${fhir}/Patient/${id}`, fhirJson('PUT', { ...ann, id, birthDate: '1961-04-13' }));

    const vread = await fetchJson<Patient>(`${fhir}/Patient/${id}/_history/1`);
    expect(vread.status).toBe(200);
    expect(vread.body.birthDate).toBe('1961-04-12');
    expect(vread.headers.get('etag')).toBe('W/"1"');
    expect((await fetchJson(`${fhir}/Patient/${id}/_history/9`)).status).toBe(404);

    const history = await fetchJson<{ type: string; entry: { resource?: Patient }[] }>(
      `${fhir}/Patient/${id}/_history`,
    );
    expect(history.status).toBe(200);
    expect(history.body.type).toBe('history');
    expect(history.body.entry.map((e) => e.resource?.meta?.versionId)).toEqual(['2', '1']);

    const typeHistory = await fetchJson<{ type: string; entry: { resource?: Patient }[] }>(
      `${fhir}/Patient/_history?_count=50`,
    );
    expect(typeHistory.status).toBe(200);
    expect(typeHistory.body.entry.some((e) => e.resource?.id === id)).toBe(true);
    expect((await fetchJson(`${fhir}/Patient/_history?_count=abc`)).status).toBe(400);
  });

  it('creates conditionally with If-None-Exist', async () => {
    const body = { ...ann, identifier: [{ system: 'urn:test:mrn', value: 'COND-1' }] };
    const headers = { 'if-none-exist': 'identifier=urn:test:mrn|COND-1' };
    const first = await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', body, headers));
    expect(first.status).toBe(201);
    const second = await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', body, headers));
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const search = await fetchJson<{ total: number }>(`${fhir}/Patient?identifier=urn:test:mrn|COND-1`);
    expect(search.body.total).toBe(1);
  });

  it('updates with If-Match (weak or strong) and answers 412 on a version conflict', async () => {
    const { body: v1 } = await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', ann));
    const id = v1.id!;
    const ok = await fetchJson(
      `${fhir}/Patient/${id}`,
      fhirJson('PUT', { ...ann, id, gender: 'male' }, { 'if-match': 'W/"1"' }),
    );
    expect(ok.status).toBe(200);
    const stale = await fetchJson<OperationOutcome>(
      `${fhir}/Patient/${id}`,
      fhirJson('PUT', { ...ann, id, gender: 'female' }, { 'if-match': 'W/"1"' }),
    );
    expect(stale.status).toBe(412);
    expect(stale.body.resourceType).toBe('OperationOutcome');
    const strong = await fetchJson(
      `${fhir}/Patient/${id}`,
      fhirJson('PUT', { ...ann, id, gender: 'female' }, { 'if-match': '"2"' }),
    );
    expect(strong.status).toBe(200);
    expect((await fetchJson<Patient>(`${fhir}/Patient/${id}`)).body.gender).toBe('female');
  });

  it('update-as-create makes a resource with the client id (201), and rejects an id mismatch (400)', async () => {
    const created = await fetchJson<Patient>(
      `${fhir}/Patient/client-chosen-1`,
      fhirJson('PUT', { ...ann, id: 'client-chosen-1' }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${fhir}/Patient/client-chosen-1/_history/1`);
    const mismatch = await fetchJson<OperationOutcome>(
      `${fhir}/Patient/client-chosen-1`,
      fhirJson('PUT', { ...ann, id: 'other' }),
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.issue?.[0]?.expression).toEqual(['id']);
    const wrongType = await fetchJson<OperationOutcome>(
      `${fhir}/Observation/client-chosen-1`,
      fhirJson('PUT', { ...ann, id: 'client-chosen-1' }),
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.issue?.[0]?.expression).toEqual(['resourceType']);
  });

  it('honours Prefer: return=minimal, representation and OperationOutcome', async () => {
    const minimal = await fetchJson(`${fhir}/Patient`, fhirJson('POST', ann, { prefer: 'return=minimal' }));
    expect(minimal.status).toBe(201);
    expect(minimal.text).toBe('');
    expect(minimal.headers.get('location')).toMatch(/\/fhir\/Patient\/[^/]+\/_history\/1$/);
    expect(minimal.headers.get('etag')).toBe('W/"1"');

    const outcome = await fetchJson<OperationOutcome>(
      `${fhir}/Patient`,
      fhirJson('POST', ann, { prefer: 'return=OperationOutcome' }),
    );
    expect(outcome.status).toBe(201);
    expect(outcome.body.resourceType).toBe('OperationOutcome');
    expect(outcome.body.issue?.[0]?.severity).toBe('information');

    const representation = await fetchJson<Patient>(
      `${fhir}/Patient`,
      fhirJson('POST', ann, { prefer: 'return=representation' }),
    );
    expect(representation.body.resourceType).toBe('Patient');

    const id = representation.body.id!;
    const deleted = await fetchJson<OperationOutcome>(`${fhir}/Patient/${id}`, {
      method: 'DELETE',
      headers: { prefer: 'return=OperationOutcome' },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.resourceType).toBe('OperationOutcome');
  });

  it('accepts application/json bodies, _format=json and pretty-prints on _pretty=true', async () => {
    const created = await fetchJson<Patient>(`${fhir}/Patient?_format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(ann),
    });
    expect(created.status).toBe(201);
    const pretty = await fetchJson(`${fhir}/Patient/${created.body.id!}?_pretty=true&_format=application/fhir%2Bjson`);
    expect(pretty.status).toBe(200);
    expect(pretty.text).toContain('\n  "resourceType": "Patient"');
  });
});
