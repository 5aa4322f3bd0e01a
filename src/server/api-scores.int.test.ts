import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.js';
import type { ScoreResult } from '../scores/index.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

describe('scores API over HTTP (pglite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 7, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('computes the CHA2DS2-VASc of the atrial-fibrillation showcase patient with its sources', async () => {
    const res = await fetchJson<{ patient: string; scores: ScoreResult[] }>(
      `${server.url}/api/patients/showcase-afib-no-anticoagulation/scores`,
    );
    expect(res.status).toBe(200);
    const cha = res.body.scores.find((s) => s.id === 'cha2ds2-vasc');
    expect(cha?.value).toBeGreaterThanOrEqual(2);
    expect(cha?.flags).toContain('no-anticoagulant');
    expect(JSON.stringify(cha)).toMatch(/Condition\/[^"]+\/_history\/1/);
  });

  it('takes clinician inputs by POST and rejects bad options with 400', async () => {
    const ok = await fetchJson<{ scores: ScoreResult[] }>(`${server.url}/api/patients/showcase-ckd4-metformin/scores`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2026-06-01T12:00:00Z' }),
    });
    expect(ok.status).toBe(200);
    const bad = await fetchJson(`${server.url}/api/patients/showcase-ckd4-metformin/scores?now=yesterday`);
    expect(bad.status).toBe(400);
    const missing = await fetchJson(`${server.url}/api/patients/no-such-patient/scores`);
    expect(missing.status).toBe(404);
  });
});
