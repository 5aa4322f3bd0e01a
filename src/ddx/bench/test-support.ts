import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from './paths.js';

/** Whether a `../shared/data` folder is there: missing data fails under CI=true and otherwise skips with the reason. */
export function sharedDataAvailable(folder: string): { ok: boolean; reason: string; dir: string } {
  const dir = join(sharedDataDir(), folder);
  if (existsSync(dir)) {
    return { ok: true, reason: '', dir };
  }
  if (process.env['CI'] === 'true') {
    throw new Error(`test data missing at ${dir} (required under CI=true)`);
  }
  return { ok: false, reason: `(skipped: test data missing at ${dir})`, dir };
}
