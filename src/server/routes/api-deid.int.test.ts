import type { Bundle, DocumentReference, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/index.js';
import { fetchJson } from '../test-support/http.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('de-identification API over HTTP (pglite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite', { deidKey: 'c'.repeat(64) });
    await seedDemo(server.repo, { patients: 7, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("de-identifies a demo patient's note with the patient's own identifiers and re-identifies it", async () => {
    const patient = await server.repo.read<Patient>('Patient', 'showcase-sepsis');
    const chart = await server.repo.everything('showcase-sepsis');
    const doc = chart.entry
      ?.map((e) => e.resource)
      .find((r): r is DocumentReference => r?.resourceType === 'DocumentReference');
    const note = Buffer.from(doc?.content[0]?.attachment.data ?? '', 'base64').toString('utf8');
    expect(note.length).toBeGreaterThan(100);
    const res = await fetchJson<{ text: string; spans: unknown[]; mappingId: string }>(
      `${server.url}/api/deid`,
      post({ text: note, patientId: 'showcase-sepsis' }),
    );
    expect(res.status).toBe(200);
    const family = patient.name?.[0]?.family ?? '';
    const mrn = patient.identifier?.[0]?.value ?? '';
    expect(family).not.toBe('');
    expect(res.body.text).not.toContain(family);
    expect(res.body.text).not.toContain(mrn);
    const back = await fetchJson<{ text: string }>(
      `${server.url}/api/deid/reidentify`,
      post({ text: res.body.text, mappingId: res.body.mappingId }),
    );
    expect(back.status).toBe(200);
    expect(back.body.text).toBe(note);
  });

  it('tag mode, bad bodies and unknown mappings', async () => {
    const tag = await fetchJson<{ text: string }>(
      `${server.url}/api/deid`,
      post({ text: 'Call Jane Roe at 617-555-0134', mode: 'tag' }),
    );
    expect(tag.body.text).toBe('Call [NAME] at [PHONE]');
    expect((await fetchJson(`${server.url}/api/deid`, post({ text: '' }))).status).toBe(400);
    expect((await fetchJson(`${server.url}/api/deid`, post({ text: 'x', mode: 'scramble' }))).status).toBe(400);
    expect((await fetchJson(`${server.url}/api/deid`, post({ text: 'a\u0000b' }))).status).toBe(415);
    const unknown = await fetchJson(
      `${server.url}/api/deid/reidentify`,
      post({ text: 'x', mappingId: '00000000-0000-0000-0000-000000000000' }),
    );
    expect(unknown.status).toBe(404);
  });

  it("de-identifies a patient's whole chart and a posted resource", async () => {
    const res = await fetchJson<Bundle>(`${server.url}/api/deid/patients/showcase-sepsis?dates=year`);
    expect(res.status).toBe(200);
    const patient = await server.repo.read<Patient>('Patient', 'showcase-sepsis');
    const json = JSON.stringify(res.body);
    expect(json).not.toContain(patient.name?.[0]?.family ?? 'x');
    expect(json).not.toContain('showcase-sepsis');
    expect(res.body.entry?.length).toBeGreaterThan(5);
    const one = await fetchJson<Patient>(`${server.url}/api/deid/fhir`, post(patient));
    expect(one.status).toBe(200);
    expect(one.body.telecom).toBeUndefined();
    expect((await fetchJson(`${server.url}/api/deid/fhir`, post({ hello: 1 }))).status).toBe(400);
  });
});
