import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ihtcBestKnown, ihtcInstanceText } from '../bench/data.js';

/** The OR benchmark data folder in ../shared (read in place, never copied). */
const OR_DIR = fileURLToPath(new URL('../../../../shared/data/or/', import.meta.url));

/** The IHTC 2024 data folder. */
export const IHTC_DIR = `${OR_DIR}ihtc2024/`;

/** Why tests needing ../shared cannot run here (they fail loudly under CI=true), or null. */
export function ihtcDataMissing(): string | null {
  if (existsSync(IHTC_DIR)) return null;
  if (process.env['CI'] === 'true') throw new Error(`${IHTC_DIR} is missing: CI needs ../shared beside the checkout`);
  return `${IHTC_DIR} is missing; skipping the IHTC data tests`;
}

/** The text of a public instance (i01…i30) from the competition archive. */
export function publicInstanceText(name: string): string {
  return ihtcInstanceText(OR_DIR, name);
}

/** The text of the best-known solution of a public instance. */
export function publicSolutionText(name: string): string {
  return readFileSync(`${IHTC_DIR}solutions/public/sol_${name}.json`, 'utf8');
}

let bestKnown: Map<string, number> | undefined;

/** Best-known cost upper bounds, by instance name (read once). */
export function bestKnownCosts(): Map<string, number> {
  bestKnown ??= ihtcBestKnown(OR_DIR);
  return bestKnown;
}
