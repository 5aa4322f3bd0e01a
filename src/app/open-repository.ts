import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { remoteRepositoryFromConfig } from '../adapters/fhir-http/index.js';
import { openSqlRepository } from '../adapters/fhir-sql/index.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import type { FhirRepository } from '../fhir/repository.js';

/** Where the chart store lives, for banners and logs (never contains credentials). */
export interface StoreDescription {
  kind: 'remote-fhir' | 'postgres' | 'pglite';
  location: string;
}

/** Describes the store the config selects, with any credentials stripped from URLs. */
export function describeStore(config: Config): StoreDescription {
  if (config.fhirUrl) {
    return { kind: 'remote-fhir', location: stripCredentials(config.fhirUrl) };
  }
  if (config.databaseUrl) {
    return { kind: 'postgres', location: stripCredentials(config.databaseUrl) };
  }
  return { kind: 'pglite', location: config.dataDir };
}

function stripCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Opens the repository the config selects: a remote FHIR server when VITALIS_FHIR_URL is set, otherwise the SQL store
 * on a PostgreSQL server (DATABASE_URL) or embedded PGlite (VITALIS_DATA_DIR).
 */
export async function openRepository(config: Config, logger: Logger): Promise<FhirRepository> {
  loadFhirDefinitions();
  const store = describeStore(config);
  logger.info('opening store', { store: store.kind, location: store.location });
  if (config.fhirUrl) {
    return remoteRepositoryFromConfig(config, logger);
  }
  return openSqlRepository({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}
