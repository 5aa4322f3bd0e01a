import type { Bundle, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../adapters/fhir-sql/test-support/stores.js';
import { fetchJson, fhirJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

/** A GET with a raw (unchecked) path, for URLs fetch() would refuse or re-encode. */
function rawGet(url: string, path: string): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Regression tests for bugs found by QA of the FHIR REST API, through a real listening server. */
describe.each(testStoreNames())('FHIR API QA regressions (%s)', (storeName) => {
  let server: TestServer;
  let fhir: string;

  beforeAll(async () => {
    server = await startTestServer(storeName);
    fhir = `${server.url}/fhir`;
    await server.repo.update({ resourceType: 'Patient', id: 'qa1', gender: 'female', birthDate: '1990-01-02' });
    await server.repo.update({ resourceType: 'Patient', id: 'qa1', gender: 'other', birthDate: '1990-01-02' });
    await server.repo.update({ resourceType: 'Patient', id: 'qa2', gender: 'male' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns history bundles with absolute fullUrls and links', async () => {
    for (const path of ['Patient/qa1/_history', 'Patient/_history?_count=1']) {
      const res = await fetchJson<Bundle>(`${fhir}/${path}`);
      expect(res.status).toBe(200);
      const urls = [...(res.body.entry ?? []).map((e) => e.fullUrl), ...(res.body.link ?? []).map((l) => l.url)];
      expect(urls.length).toBeGreaterThan(1);
      for (const url of urls) {
        expect(url).toMatch(new RegExp(`^${fhir}/Patient`));
      }
    }
  });

  it('keeps _since in history paging links', async () => {
    const since = '2000-01-01T00:00:00Z';
    const res = await fetchJson<Bundle>(`${fhir}/Patient/_history?_count=1&_since=${encodeURIComponent(since)}`);
    const next = res.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(new URL(next).searchParams.get('_since')).toBe(since);
    const later = await fetchJson<Bundle>(`${fhir}/Patient/_history?_since=2999-01-01T00:00:00Z`);
    const self = later.body.link?.find((l) => l.relation === 'self')?.url ?? '';
    expect(new URL(self).searchParams.get('_since')).toBe('2999-01-01T00:00:00Z');
  });

  it('rejects bodies carrying prototype-poisoning keys', async () => {
    for (const body of [
      '{"resourceType":"Patient","__proto__":{"active":true}}',
      '{"resourceType":"Patient","constructor":{"prototype":{"x":1}}}',
      '{"resourceType":"Patient","name":[{"family":"X","constructor":{"prototype":{}}}]}',
    ]) {
      const res = await fetchJson<OperationOutcome>(`${fhir}/Patient`, fhirJson('POST', body));
      expect(res.status).toBe(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
  });

  it('answers 400, not 500, for JSON nested deeper than the validator can walk', async () => {
    let ext = '{"url":"http://x","valueString":"a"}';
    for (let i = 0; i < 2000; i++) {
      ext = `{"url":"http://x","extension":[${ext}]}`;
    }
    for (const body of [
      `{"resourceType":"Patient","extension":[${ext}]}`,
      `{"resourceType":"Patient","name":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    ]) {
      const res = await fetchJson<OperationOutcome>(`${fhir}/Patient`, fhirJson('POST', body));
      expect(res.status).toBe(400);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
    expect(server.logs.some((l) => l['level'] === 'error')).toBe(false);
  });

  it('answers an over-long URL with a FHIR OperationOutcome', async () => {
    const res = await rawGet(server.url, `/fhir/Patient?name=${'a'.repeat(40_000)}`);
    expect(res.status).toBe(431);
    expect(res.contentType).toContain('application/fhir+json');
    expect((JSON.parse(res.text) as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect((await fetchJson(`${fhir}/Patient/qa2`)).status).toBe(200);
  });

  it('accepts If-None-Exist written as Type?query or ?query', async () => {
    for (const criteria of ['Patient?_id=qa2', '?_id=qa2', '_id=qa2']) {
      const res = await fetchJson<Patient>(
        `${fhir}/Patient`,
        fhirJson('POST', { resourceType: 'Patient', gender: 'male' }, { 'if-none-exist': criteria }),
      );
      expect(res.status).toBe(200);
      expect(res.body.id).toBe('qa2');
    }
  });

  it('ignores search parameters with an empty value, including dates', async () => {
    const res = await fetchJson<Bundle>(`${fhir}/Patient?birthdate=&gender=&_id=qa1,qa2&_sort=`);
    expect(res.status).toBe(200);
    expect((res.body.entry ?? []).map((e) => e.resource?.id)).toEqual(['qa1', 'qa2']);
  });

  it('ignores unknown search parameters only under Prefer: handling=lenient', async () => {
    const url = `${fhir}/Patient?bogus=1&bogus.chain:x=2&_id=qa1`;
    const lenient = await fetchJson<Bundle>(url, { headers: { prefer: 'handling=lenient' } });
    expect(lenient.status).toBe(200);
    expect((lenient.body.entry ?? []).map((e) => e.resource?.id)).toEqual(['qa1']);
    expect(lenient.body.link?.[0]?.url).not.toContain('bogus');
    expect((await fetchJson(url)).status).toBe(400);
    expect((await fetchJson(url, { headers: { prefer: 'handling=strict' } })).status).toBe(400);
  });

  it('answers 400 for a batch whose entries are not objects', async () => {
    for (const entry of [[null], [1, 'x'], 'nope', [{ request: 'GET Patient' }]]) {
      const res = await fetchJson<OperationOutcome>(
        fhir,
        fhirJson('POST', { resourceType: 'Bundle', type: 'batch', entry }),
      );
      expect(res.status).toBe(400);
      expect(res.body.issue?.[0]?.expression?.[0]).toMatch(/^Bundle\.entry(\[\d+\](\.request)?)?$/);
    }
  });

  it('rejects an unknown _summary value', async () => {
    const res = await fetchJson<OperationOutcome>(`${fhir}/Patient?_summary=bogus`);
    expect(res.status).toBe(400);
    expect(res.body.issue?.[0]?.expression).toEqual(['_summary']);
  });
});
