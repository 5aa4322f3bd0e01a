import type { FhirRepository } from '../fhir/repository.js';
import { isUnchangedOutcome } from '../fhir/outcomes.js';
import { generateDemoPatients, parseDemoOptions, type DemoOptions } from './generate.js';

/** Options for seeding demo data into a repository. */
export interface SeedOptions extends DemoOptions {
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes the demo patients with `repo.processBundle`, one transaction per patient, and returns how many patients were
 * processed and how many resources were created or updated (identical re-writes are not counted). Idempotent.
 */
export async function seedDemo(
  repo: FhirRepository,
  options: SeedOptions,
): Promise<{ patients: number; resources: number }> {
  const { patients: total } = parseDemoOptions(options);
  let patients = 0;
  let resources = 0;
  for (const bundle of generateDemoPatients(options)) {
    const response = await repo.processBundle(bundle);
    resources += (response.entry ?? []).filter((e) => !isUnchangedOutcome(e.response?.outcome)).length;
    patients++;
    options.onProgress?.(patients, total);
  }
  return { patients, resources };
}
