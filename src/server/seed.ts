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

/** The latest generated demo event lies 4 h 35 min before the anchor; seeding puts it about 30 minutes before `now`. */
const ANCHOR_LEAD_MS = (4 * 60 + 5) * 60_000;

/**
 * The demo anchor for a seeding at `now`: a UTC instant (to the minute) chosen so that the showcase patients' latest
 * observations are about half an hour old, as on a live ward, and none is dated after `now`.
 */
export function demoAnchorFor(now: Date): string {
  const anchor = new Date(Math.floor((now.getTime() + ANCHOR_LEAD_MS) / 60_000) * 60_000);
  return `${anchor.toISOString().slice(0, 16)}Z`;
}

/** Seeds `config.demoPatients` demo patients, anchored to the time of seeding, when the local store has no Patient. */
export async function seedDemoIfEmpty(repo: FhirRepository, config: Config, logger: Logger): Promise<void> {
  if (config.demoPatients <= 0 || !(await storeHasNoPatients(repo))) {
    return;
  }
  const anchorDate = demoAnchorFor(new Date());
  logger.info('seeding demo patients', { patients: config.demoPatients, seed: config.demoSeed, anchorDate });
  const result = await seedDemo(repo, { patients: config.demoPatients, seed: config.demoSeed, anchorDate });
  logger.info('demo patients seeded', { patients: result.patients, resources: result.resources });
}
