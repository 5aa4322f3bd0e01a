import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DdxResult } from '../ddx/index.js';
import { seedDemo } from '../demo/index.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('interactive differential over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 7, seed: 42 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('auto-completes finding names from the knowledge base', async () => {
    const res = await fetchJson<{ findings: { id: string; label: string }[] }>(
      `${server.url}/api/ddx/findings?q=neck%20stiff`,
    );
    expect(res.status).toBe(200);
    expect(res.body.findings.map((f) => f.id)).toContain('neck-stiffness');
    expect((await fetchJson(`${server.url}/api/ddx/findings`)).status).toBe(400);
  });

  it('re-ranks the chart differential when the clinician marks findings, and cites them as the user', async () => {
    const chart = await fetchJson<DdxResult>(
      `${server.url}/api/ddx`,
      post({ patientId: 'showcase-chest-pain-troponin', limit: 200 }),
    );
    expect(chart.status).toBe(200);
    const top = chart.body.differential[0]!;
    const strongest = top.for[0]!.finding;
    const findings = [
      { id: strongest, present: false },
      { id: 'hemoptysis', present: true },
    ];
    const changed = await fetchJson<DdxResult>(
      `${server.url}/api/ddx/patient`,
      post({ patientId: 'showcase-chest-pain-troponin', findings, limit: 200 }),
    );
    expect(changed.status).toBe(200);
    const byUser = changed.body.findings.filter((f) => f.source.kind === 'user').map((f) => f.id);
    expect(byUser).toEqual(expect.arrayContaining([strongest, 'hemoptysis']));
    expect(changed.body.findings.find((f) => f.id === strongest)?.present).toBe(false);
    const probability = (r: DdxResult): number =>
      r.differential.find((d) => d.condition === top.condition)?.probability ?? 0;
    expect(probability(changed.body)).toBeLessThan(probability(chart.body));
    const bad = await fetchJson<{ issue: { diagnostics: string }[] }>(
      `${server.url}/api/ddx/patient`,
      post({ patientId: 'showcase-chest-pain-troponin', findings: [{ id: 'no-such-finding', present: true }] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.issue[0]?.diagnostics).toContain('no-such-finding');
  });
});
