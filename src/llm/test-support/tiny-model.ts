import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The tiny random-weights GGUF used by tests (read from ../shared relative to the repo root). */
export const TINY_MODEL = fileURLToPath(
  new URL('../../../../shared/models/llama-2-tiny-random/llama-2-tiny-random.gguf', import.meta.url),
);

/** True when the tiny model is present; under CI=true its absence is an error. */
export function haveTinyModel(): boolean {
  const ok = existsSync(TINY_MODEL);
  if (!ok && process.env['CI'] === 'true') throw new Error(`tiny GGUF model missing at ${TINY_MODEL}`);
  return ok;
}
