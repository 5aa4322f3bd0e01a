import type { Bundle, Observation, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import { fetchJson, fhirJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

function patient(family: string, birthDate: string): Patient {
  return { resourceType: 'Patient', name: [{ family, given: ['Test'] }], gender: 'female', birthDate };
}

function observation(patientId: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: '2024-01-02T03:04:05Z',
    valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  };
}

function ids(bundle: Bundle): string[] {
  return (bundle.entry ?? []).flatMap((e) => (e.search?.mode === 'include' || !e.resource?.id ? [] : [e.resource.id]));
}

describe.each(testStoreNames())('FHIR search, bundles and $everything over HTTP (%s)', (storeName) => {
  let server: TestServer;
  let fhir: string;
  let quinnId: string;
  let quarryId: string;

  beforeAll(async () => {
    server = await startTestServer(storeName);
    fhir = `${server.url}/fhir`;
    quinnId = (await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', patient('Quinnell', '1950-05-05')))).body
      .id!;
    quarryId = (await fetchJson<Patient>(`${fhir}/Patient`, fhirJson('POST', patient('Quarry', '1990-09-09')))).body
      .id!;
    await fetchJson(`${fhir}/Observation`, fhirJson('POST', observation(quinnId, 72)));
    await fetchJson(`${fhir}/Observation`, fhirJson('POST', observation(quinnId, 110)));
  });
  afterAll(async () => {
    await server.close();
  });

  it('searches with GET: string, date prefixes, _count, total and paging links on the public base', async () => {
    const res = await fetchJson<Bundle<Patient>>(`${fhir}/Patient?name=quinn`);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('searchset');
    expect(ids(res.body)).toEqual([quinnId]);

    const older = await fetchJson<Bundle<Patient>>(`${fhir}/Patient?birthdate=lt1970-01-01&family=Qu`);
    expect(ids(older.body)).toEqual([quinnId]);

    const paged = await fetchJson<Bundle<Patient>>(`${fhir}/Patient?family=qu&_count=1&_total=accurate`);
    expect(paged.body.total).toBe(2);
    expect(paged.body.entry).toHaveLength(1);
    const next = paged.body.link?.find((l) => l.relation === 'next')?.url;
    expect(next?.startsWith(`${fhir}/Patient?`)).toBe(true);
  });

  it('searches with POST _search (form parameters merged with URL parameters)', async () => {
    const res = await fetchJson<Bundle<Observation>>(`${fhir}/Observation/_search?subject=Patient/${quinnId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'value-quantity=gt100',
    });
    expect(res.status).toBe(200);
    expect(res.body.entry?.map((e) => e.resource?.valueQuantity?.value)).toEqual([110]);
    const json = await fetchJson<OperationOutcome>(`${fhir}/Observation/_search`, fhirJson('POST', { code: 'x' }));
    expect(json.status).toBe(415);
  });

  it('returns $everything for a patient: the patient and its compartment', async () => {
    const res = await fetchJson<Bundle>(`${fhir}/Patient/${quinnId}/$everything`);
    expect(res.status).toBe(200);
    const types = (res.body.entry ?? []).map((e) => e.resource?.resourceType).sort();
    expect(types).toEqual(['Observation', 'Observation', 'Patient']);
    const missing = await fetchJson<OperationOutcome>(`${fhir}/Patient/no-such-patient/$everything`);
    expect(missing.status).toBe(404);
  });

  it('commits a transaction, resolving urn:uuid references', async () => {
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
          resource: patient('Transacta', '2001-01-01'),
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            ...observation('x', 60),
            subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await fetchJson<Bundle>(fhir, fhirJson('POST', tx));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('transaction-response');
    expect(res.body.entry?.map((e) => e.response?.status.split(' ')[0])).toEqual(['201', '201']);
    const found = await fetchJson<Bundle<Patient>>(`${fhir}/Patient?family=transacta`);
    const newId = ids(found.body)[0]!;
    const obs = await fetchJson<Bundle>(`${fhir}/Observation?subject=Patient/${newId}`);
    expect(obs.body.entry).toHaveLength(1);
  });

  it('rolls a failing transaction back entirely: nothing is written', async () => {
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient('Rollbackson', '2002-02-02'), request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Patient', birthDate: 'not-a-date' }, request: { method: 'POST', url: 'Patient' } },
      ],
    };
    const res = await fetchJson<OperationOutcome>(fhir, fhirJson('POST', tx));
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    const found = await fetchJson<Bundle>(`${fhir}/Patient?family=rollbackson`);
    expect(found.body.entry ?? []).toHaveLength(0);
  });

  it('processes a batch entry by entry: failures do not stop the others', async () => {
    const batch: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: patient('Batcherly', '2003-03-03'), request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: `Patient/${quarryId}` } },
        { request: { method: 'GET', url: 'Patient/does-not-exist' } },
      ],
    };
    const res = await fetchJson<Bundle>(fhir, fhirJson('POST', batch));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('batch-response');
    expect(res.body.entry?.map((e) => e.response?.status.split(' ')[0])).toEqual(['201', '200', '404']);
  });

  it('rejects a non-batch body at the system endpoint', async () => {
    const res = await fetchJson<OperationOutcome>(fhir, fhirJson('POST', patient('Nope', '2000-01-01')));
    expect(res.status).toBe(400);
    const collection = await fetchJson<OperationOutcome>(
      fhir,
      fhirJson('POST', { resourceType: 'Bundle', type: 'collection' }),
    );
    expect(collection.status).toBe(400);
    expect(collection.body.issue?.[0]?.expression).toEqual(['Bundle.type']);
  });
});
