import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bundle } from '@medplum/fhirtypes';

/** The Synthea R4 sample bundles, read from ../shared beside the repository (never copied into it). */
export const SYNTHEA_DIR = fileURLToPath(new URL('../../../../shared/data/synthea/r4', import.meta.url));

/**
 * Whether the Synthea folder is there. Missing data fails under CI=true (the caller's test throws) and
 * otherwise skips with the reason.
 */
export function syntheaAvailable(): { ok: boolean; reason: string } {
  if (existsSync(SYNTHEA_DIR)) {
    return { ok: true, reason: '' };
  }
  if (process.env['CI'] === 'true') {
    throw new Error(`Synthea test data missing at ${SYNTHEA_DIR} (required under CI=true)`);
  }
  return { ok: false, reason: `Synthea test data missing at ${SYNTHEA_DIR}` };
}

/** File names of the Synthea bundles, sorted. */
export function syntheaFiles(): string[] {
  return readdirSync(SYNTHEA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Reads one Synthea bundle. */
export function readSyntheaBundle(file: string): Bundle {
  return JSON.parse(readFileSync(`${SYNTHEA_DIR}/${file}`, 'utf8')) as Bundle;
}
