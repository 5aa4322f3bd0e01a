import { openRepository } from '../app/open-repository.js';
import type { Config } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import type { FhirRepository } from '../fhir/repository.js';

/** Opens the configured repository, runs fn, and always closes the store. CLI logs stay quiet unless asked. */
export async function withRepository<T>(config: Config, fn: (repo: FhirRepository) => Promise<T>): Promise<T> {
  const logger = createLogger(process.env['VITALIS_LOG_LEVEL'] ? config.logLevel : 'warn');
  const repo = await openRepository(config, logger);
  try {
    return await fn(repo);
  } finally {
    await repo.close();
  }
}
