import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipEntries } from './zip-entries.js';

/** The IHTC 2024 data folder in ../shared (read in place, never copied). */
export const IHTC_DIR = fileURLToPath(new URL('../../../../shared/data/or/ihtc2024/', import.meta.url));

/** Why tests needing ../shared cannot run here (they fail loudly under CI=true), or null. */
export function ihtcDataMissing(): string | null {
  if (existsSync(IHTC_DIR)) return null;
  if (process.env['CI'] === 'true') throw new Error(`${IHTC_DIR} is missing: CI needs ../shared beside the checkout`);
  return `${IHTC_DIR} is missing; skipping the IHTC data tests`;
}

let cache: Map<string, Buffer> | undefined;

/** The text of a public instance (i01…i30) from the competition archive. */
export function publicInstanceText(name: string): string {
  cache ??= zipEntries(readFileSync(`${IHTC_DIR}ihtc2024_competition_instances.zip`));
  const entry = cache.get(`${name}.json`);
  if (!entry) throw new Error(`no ${name}.json in the competition archive`);
  return entry.toString('utf8');
}

/** The text of the best-known solution of a public instance. */
export function publicSolutionText(name: string): string {
  return readFileSync(`${IHTC_DIR}solutions/public/sol_${name}.json`, 'utf8');
}

/** Best-known cost upper bounds, by instance name. */
export function bestKnownCosts(): Map<string, number> {
  const rows = readFileSync(`${IHTC_DIR}upper_bounds_ihtp_page.csv`, 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((r) => r.split(',')).map(([name = '', cost = '']) => [name, Number(cost)]));
}
