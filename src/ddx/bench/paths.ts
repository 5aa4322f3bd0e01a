import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/data` beside the repository (benchmarks read it at run time and never copy it). */
export function sharedDataDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
}
