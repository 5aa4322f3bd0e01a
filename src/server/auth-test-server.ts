import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createSqlRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { createFhirAuditTrail } from '../audit/index.js';
import type { AuditTrail } from '../audit/trail.js';
import { ConfigSchema, type ConfigInput } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import type { FhirRepository } from '../fhir/repository.js';
import { buildApp } from './app.js';

/** A listening test server with the audit trail wired as startServer does (test support for the auth tests). */
export interface AuthTestServer {
  url: string;
  app: FastifyInstance;
  repo: FhirRepository;
  audit: AuditTrail;
  /** Every JSON log line the server and its audit trail wrote, raw. */
  logLines: string[];
  close(): Promise<void>;
}

/** A free loopback port (reserved briefly, then released). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    probe.close(() => {
      resolve();
    });
  });
  return port;
}

/** Starts the app with the given config on a fresh store; `overrides` sees the URL before the app is built. */
export async function startAuthTestServer(
  storeName: TestStore['name'],
  overrides: (url: string) => ConfigInput,
  options: { port?: number } = {},
): Promise<AuthTestServer> {
  const store = await openTestStore(storeName);
  const repo = createSqlRepository(store.db);
  const logLines: string[] = [];
  const logger = createLogger('debug', (line) => logLines.push(line));
  const audit = createFhirAuditTrail({ repo, logger, flushDelayMs: 20 });
  // Reserve a port first so the config (client redirect URIs) can name it.
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${String(port)}`;
  const config = ConfigSchema.parse({ dataDir: 'memory://', demoPatients: 0, logLevel: 'debug', ...overrides(url) });
  const app = await buildApp({ config, repo, logger, audit });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    repo,
    audit,
    logLines,
    close: async () => {
      await app.close();
      await audit.flush();
      await store.cleanup();
    },
  };
}
