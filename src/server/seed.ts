import { seedDemo } from '../demo/index.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { FhirRepository } from '../fhir/repository.js';

/** True when a writable local store holds no Patient yet (so demo patients may be seeded). */
export async function storeHasNoPatients(repo: FhirRepository): Promise<boolean> {
  if (!repo.capabilities.local || !repo.capabilities.write) {
    return false;
  }
  const bundle = await repo.search({ resourceType: 'Patient', count: 1, total: 'none' });
  return (bundle.entry ?? []).length === 0;
}

/** Seeds `config.demoPatients` demo patients when the local store has no Patient. */
export async function seedDemoIfEmpty(repo: FhirRepository, config: Config, logger: Logger): Promise<void> {
  if (config.demoPatients <= 0 || !(await storeHasNoPatients(repo))) {
    return;
  }
  logger.info('seeding demo patients', { patients: config.demoPatients, seed: config.demoSeed });
  const result = await seedDemo(repo, { patients: config.demoPatients, seed: config.demoSeed });
  logger.info('demo patients seeded', { patients: result.patients, resources: result.resources });
}
