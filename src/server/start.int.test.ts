import type { Patient } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { startServer, type RunningServer } from './start.js';
import { fetchJson, fhirJson, postOnFreshConnection } from './test-support/http.js';
import { startTestServer } from './test-support/test-server.js';

describe('startServer', () => {
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('opens the store from config, seeds demo patients, listens, prints a banner and closes gracefully', async () => {
    const config = ConfigSchema.parse({
      port: 0,
      host: '127.0.0.1',
      dataDir: 'memory://',
      demoPatients: 2,
      demoSeed: 7,
    });
    const printed: string[] = [];
    const logs: string[] = [];
    running = await startServer(
      config,
      createLogger('info', (l) => logs.push(l)),
      {
        print: (text) => printed.push(text),
        handleSignals: false,
      },
    );
    const { url } = running;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const banner = printed.join('');
    for (const path of ['/', '/fhir', '/fhir/metadata', '/api/patients', '/healthz', '/readyz']) {
      expect(banner).toContain(`${url}${path}`);
    }
    expect(banner).toContain('pglite');
    expect((await fetchJson(`${url}/readyz`)).status).toBe(200);
    expect((await fetchJson(`${url}/fhir/metadata`)).status).toBe(200);
    const patients = await fetchJson<{ patients: unknown[] }>(`${url}/api/patients`);
    expect(patients.body.patients).toHaveLength(2);
    expect(logs.some((l) => l.includes('"msg":"demo patients seeded"'))).toBe(true);

    // A request in flight when close() starts still completes; close() is idempotent.
    const tx = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: Array.from({ length: 50 }, (_, i) => ({
        resource: { resourceType: 'Patient', name: [{ family: `Inflight${i}` }] },
        request: { method: 'POST', url: 'Patient' },
      })),
    };
    const inFlight = postOnFreshConnection(
      `${url}/fhir`,
      { 'content-type': 'application/fhir+json' },
      JSON.stringify(tx),
    );
    await inFlight.sent;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve)); // let the server (same event loop) parse the request
    }
    const server = running;
    running = undefined;
    const [response] = await Promise.all([inFlight.response, server.close(), server.close()]);
    expect(response.status).toBe(200);
    expect((JSON.parse(response.text) as { type: string }).type).toBe('transaction-response');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(logs.some((l) => l.includes('"msg":"server stopped"'))).toBe(true);
  });

  it('serves a remote FHIR server (VITALIS_FHIR_URL) without seeding it', async () => {
    const upstream = await startTestServer('pglite');
    try {
      const created = await fetchJson<Patient>(
        `${upstream.url}/fhir/Patient`,
        fhirJson('POST', { resourceType: 'Patient', name: [{ family: 'Remotely' }], birthDate: '1977-07-07' }),
      );
      const config = ConfigSchema.parse({
        port: 0,
        host: '127.0.0.1',
        fhirUrl: `${upstream.url}/fhir`,
        demoPatients: 5,
      });
      const printed: string[] = [];
      running = await startServer(config, createLogger('silent'), {
        print: (t) => printed.push(t),
        handleSignals: false,
      });
      expect(printed.join('')).toContain('remote-fhir');
      const read = await fetchJson<Patient>(`${running.url}/fhir/Patient/${created.body.id!}`);
      expect(read.status).toBe(200);
      expect(read.body.birthDate).toBe('1977-07-07');
      expect(read.headers.get('etag')).toBe('W/"1"');
      const list = await fetchJson<{ patients: { id: string }[] }>(`${running.url}/api/patients`);
      expect(list.body.patients.map((p) => p.id)).toEqual([created.body.id]);
      expect((await fetchJson(`${running.url}/fhir/Patient/nope-404`)).status).toBe(404);
    } finally {
      await running?.close();
      running = undefined;
      await upstream.close();
    }
  });

  it('fails to start, closing the store, when the port is taken', async () => {
    const config = ConfigSchema.parse({ port: 0, host: '127.0.0.1', dataDir: 'memory://', demoPatients: 0 });
    running = await startServer(config, createLogger('silent'), { print: () => undefined, handleSignals: false });
    const port = Number(new URL(running.url).port);
    const taken = ConfigSchema.parse({ port, host: '127.0.0.1', dataDir: 'memory://', demoPatients: 0 });
    await expect(
      startServer(taken, createLogger('silent'), { print: () => undefined, handleSignals: false }),
    ).rejects.toThrow();
  });
});
