import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors.js';
import { parseCsv } from '../external/csv.js';

/** `../shared/data/meds` next to the repository (evaluation data; never shipped). */
export function defaultMedsDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // src/meds/bench or dist/meds/bench -> repo root is three levels up.
  return resolve(here, '..', '..', '..', '..', 'shared', 'data', 'meds');
}

/** Reads a CSV of the shared data as objects keyed by the header; fails with a hint when the data is missing. */
export function readSharedCsv(dir: string, file: string): Record<string, string>[] {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new AppError(
      'VITALIS_CONFIG',
      `Benchmark data not found: ${path} (pass --data DIR pointing at shared/data/meds)`,
    );
  }
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const keys = (header ?? []).map((h) => h.trim());
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}
