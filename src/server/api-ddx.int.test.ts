import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.js';
import { DdxResultSchema, type DdxResult } from '../ddx/index.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

function post(_url: string, body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

describe('POST /api/ddx (pglite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 7, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('diagnoses free text with age and sex, in the JSON contract', async () => {
    const res = await fetchJson<DdxResult>(
      `${server.url}/api/ddx`,
      post(`${server.url}/api/ddx`, { text: 'Fever, neck stiffness and headache. No rash.', age: 20, sex: 'male' }),
    );
    expect(res.status).toBe(200);
    expect(DdxResultSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.findings.some((f) => f.present && f.source.kind === 'text')).toBe(true);
    const p = res.body.differential.map((d) => d.probability);
    expect([...p].sort((a, b) => b - a)).toEqual(p);
  });

  it("reads a demo patient's chart with no typing, citing the facts", async () => {
    const res = await fetchJson<DdxResult>(
      `${server.url}/api/ddx`,
      post(`${server.url}/api/ddx`, { patientId: 'showcase-pediatric-meningitis' }),
    );
    expect(res.status).toBe(200);
    expect(DdxResultSchema.parse(res.body)).toEqual(res.body);
    const fromChart = res.body.findings.filter((f) => f.source.kind === 'fact');
    expect(fromChart.length).toBeGreaterThan(3);
    expect(JSON.stringify(fromChart)).toMatch(/Observation\/[^"]+\/_history\/1/);
  });

  it('rejects a bad body with 400 and an unknown patient with 404', async () => {
    const bad = await fetchJson(`${server.url}/api/ddx`, post(`${server.url}/api/ddx`, { text: '', sex: 'x' }));
    expect(bad.status).toBe(400);
    const missing = await fetchJson(
      `${server.url}/api/ddx`,
      post(`${server.url}/api/ddx`, { patientId: 'no-such-patient' }),
    );
    expect(missing.status).toBe(404);
  });
});
