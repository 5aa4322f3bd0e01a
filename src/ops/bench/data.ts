import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../core/errors.js';
import { zipEntries } from '../ihtc/zip-entries.js';

/** Where the public OR benchmark data lives: `<data>/curtois-shift-scheduling-1-24` and `<data>/ihtc2024`. */
export function requireOrData(dataDir: string): void {
  for (const sub of ['curtois-shift-scheduling-1-24', 'ihtc2024']) {
    if (!existsSync(join(dataDir, sub))) {
      throw new AppError(
        'VITALIS_NOT_FOUND',
        `Benchmark data not found at ${join(dataDir, sub)}: pass --data DIR (the folder holding ${sub})`,
      );
    }
  }
}

/** Best-known Curtois objectives (upper bounds), by instance number. */
export function curtoisBestKnown(dataDir: string): Map<number, { ub: number; lb: number }> {
  const rows = readFileSync(join(dataDir, 'curtois-shift-scheduling-1-24', 'best_known.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Map(
    rows.map((row) => {
      const cols = row.split(',');
      return [Number((cols[0] ?? '').replace('Instance', '')), { lb: Number(cols[4]), ub: Number(cols[5]) }];
    }),
  );
}

export function curtoisInstanceText(dataDir: string, n: number): string {
  return readFileSync(join(dataDir, 'curtois-shift-scheduling-1-24', 'txt', `Instance${n}.txt`), 'utf8');
}

/** The competition archive's entries, read once per archive path. */
const archives = new Map<string, Map<string, Buffer>>();

/** The text of a public IHTC instance (i01…i30), read from the competition archive in place. */
export function ihtcInstanceText(dataDir: string, name: string): string {
  const path = join(dataDir, 'ihtc2024', 'ihtc2024_competition_instances.zip');
  let archive = archives.get(path);
  if (!archive) {
    archive = zipEntries(readFileSync(path));
    archives.set(path, archive);
  }
  const entry = archive.get(`${name}.json`);
  if (!entry) throw new AppError('VITALIS_NOT_FOUND', `No ${name}.json in the IHTC competition archive`);
  return entry.toString('utf8');
}

/** Best-known IHTC costs (upper bounds), by instance name. */
export function ihtcBestKnown(dataDir: string): Map<string, number> {
  const rows = readFileSync(join(dataDir, 'ihtc2024', 'upper_bounds_ihtp_page.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Map(rows.map((r) => r.split(',')).map(([name = '', cost = '']) => [name, Number(cost)]));
}

/** Phase-1 costs of the 32 IHTC teams on one instance (100000000 = infeasible, left out). */
export function ihtcPhase1Costs(dataDir: string, name: string): number[] {
  const lines = readFileSync(join(dataDir, 'ihtc2024', 'ihtc2024_ph1_results.csv'), 'utf8')
    .trim()
    .split('\n');
  const row = lines.find((l) => l.startsWith(`${name}.json,`));
  return (row?.split(',').slice(1) ?? []).map(Number).filter((c) => Number.isFinite(c) && c < 100_000_000);
}
