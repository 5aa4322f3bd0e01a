import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IHTC_DIR, ihtcDataMissing } from '../ops/ihtc/test-support.js';
import type { SolveJobView } from '../ops/jobs/index.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const missing = ihtcDataMissing();
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe.skipIf(missing !== null)('operations jobs over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => {
    await server.close();
  });

  it('solves an IHTC problem as a job: 202 with Location, the server stays responsive, GET returns the result', async () => {
    const problem = JSON.parse(readFileSync(`${IHTC_DIR}toy.json`, 'utf8')) as unknown;
    const submitted = await fetchJson<SolveJobView>(
      `${server.url}/api/ops/ihtc`,
      post({ problem, name: 'toy', timeLimitSeconds: 2 }),
    );
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('location')).toBe(`/api/ops/ihtc/${submitted.body.id}`);
    const health = await fetchJson(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    let view = submitted.body;
    while (view.status === 'running') {
      await new Promise((r) => setTimeout(r, 200));
      view = (await fetchJson<SolveJobView>(`${server.url}/api/ops/ihtc/${view.id}`)).body;
    }
    expect(view.status).toBe('completed');
    expect(view.result).toMatchObject({ instance: 'toy', violations: 0 });
    expect((await fetchJson(`${server.url}/api/ops/roster/${view.id}`)).status).toBe(404);
  });

  it('refuses a request without a problem, naming the field', async () => {
    const res = await fetchJson<{ issue: { diagnostics: string }[] }>(
      `${server.url}/api/ops/roster`,
      post({ name: 'x' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.issue[0]?.diagnostics).toContain('problem');
  });
});
