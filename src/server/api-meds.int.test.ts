import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.js';
import type { MedsCheckResult } from '../meds/index.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

describe('medication check API over HTTP (pglite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 7, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('GET with ?order= checks a draft order against the chart', async () => {
    const res = await fetchJson<MedsCheckResult>(
      `${server.url}/api/patients/showcase-warfarin-nsaid/meds-check?order=rxnorm:5640&now=2026-06-01T12:00:00Z`,
    );
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('orders');
    const a = res.body.alerts.find((x) => x.ruleId === 'pddi-warfarin-nsaid');
    expect(a?.tier).toBe('interruptive');
    expect(a?.knowledgeVersion).toMatch(/^vitalis-meds-/);
    expect(a?.evidence.some((e) => /\/_history\/\d+$/.test(e.source))).toBe(true);
  });

  it('POST takes draft MedicationRequests; bad input is 400, unknown patient 404', async () => {
    const ok = await fetchJson<MedsCheckResult>(`${server.url}/api/patients/showcase-ckd4-metformin/meds-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        now: '2026-06-01T12:00:00Z',
        draftOrders: [
          {
            resourceType: 'MedicationRequest',
            id: 'draft-1',
            status: 'draft',
            intent: 'order',
            medicationCodeableConcept: {
              coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '25480' }],
            },
          },
        ],
      }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.alerts.some((a) => a.ruleId === 'renal-gabapentin')).toBe(true);
    const bad = await fetchJson(`${server.url}/api/patients/showcase-ckd4-metformin/meds-check?order=aspirin`);
    expect(bad.status).toBe(400);
    const missing = await fetchJson(`${server.url}/api/patients/no-such-patient/meds-check`);
    expect(missing.status).toBe(404);
  });
});
