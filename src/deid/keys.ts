import { readFileSync } from 'node:fs';
import { AppError } from '../core/errors.js';

/** Parses a 256-bit key given as 64 hex characters or base64 of 32 bytes. */
export function parseKey(value: string): Buffer {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) {
    return Buffer.from(v, 'hex');
  }
  const b = Buffer.from(v, 'base64');
  if (b.length === 32 && /^[A-Za-z0-9+/=_-]+$/.test(v)) {
    return b;
  }
  throw new AppError(
    'VITALIS_CONFIG',
    'VITALIS_DEID_KEY / VITALIS_DEID_KEY_FILE must hold a 256-bit key: 64 hex characters or base64 of 32 bytes (e.g. `openssl rand -hex 32`)',
  );
}

/** Loads the mapping key from the env value or the key file; null when neither is configured. */
export function loadDeidKey(options: {
  deidKey?: string | undefined;
  deidKeyFile?: string | undefined;
}): Buffer | null {
  if (options.deidKey !== undefined) {
    return parseKey(options.deidKey);
  }
  if (options.deidKeyFile !== undefined) {
    let content: string;
    try {
      content = readFileSync(options.deidKeyFile, 'utf8');
    } catch (err) {
      throw new AppError('VITALIS_CONFIG', 'VITALIS_DEID_KEY_FILE cannot be read', { cause: err });
    }
    return parseKey(content);
  }
  return null;
}
