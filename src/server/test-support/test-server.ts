import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createSqlRepository } from '../../adapters/fhir-sql/sql-repository.js';
import { openTestStore, type TestStore } from '../../adapters/fhir-sql/test-support/stores.js';
import { ConfigSchema, type ConfigInput } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import type { FhirRepository } from '../../fhir/repository.js';
import { buildApp } from '../app.js';
import type { ServerDeps } from '../deps.js';

/** A real listening server on a fresh SQL store, plus the JSON log lines it wrote. */
export interface TestServer {
  url: string;
  app: FastifyInstance;
  repo: FhirRepository;
  logs: Record<string, unknown>[];
  /** Closes the store under the running server (simulates the store going away). */
  closeStore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1 (random port) over a fresh, migrated store (PGlite in memory or PostgreSQL). */
export async function startTestServer(
  storeName: TestStore['name'],
  overrides: ConfigInput = {},
  extra: Partial<Pick<ServerDeps, 'ready'>> = {},
): Promise<TestServer> {
  const store = await openTestStore(storeName);
  const repo = createSqlRepository(store.db);
  const config = ConfigSchema.parse({ dataDir: 'memory://', demoPatients: 0, ...overrides });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const app = await buildApp({ config, repo, logger, ...extra });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  let storeClosed: Promise<void> | undefined;
  const closeStore = (): Promise<void> => (storeClosed ??= store.cleanup());
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    repo,
    logs,
    closeStore,
    close: async () => {
      await app.close();
      await closeStore();
    },
  };
}
