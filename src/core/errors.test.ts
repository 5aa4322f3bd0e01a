import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS, isAppError, toAppError, type ErrorCode } from './errors.js';

describe('AppError', () => {
  it('maps each code to its HTTP status and keeps the cause', () => {
    const cause = new Error('db down');
    const err = new AppError('VITALIS_UNAVAILABLE', 'Store unavailable', { cause });
    expect(err.status).toBe(503);
    expect(err.cause).toBe(cause);
    expect(isAppError(err, 'VITALIS_UNAVAILABLE')).toBe(true);
    expect(isAppError(err, 'VITALIS_GONE')).toBe(false);
  });

  it('normalizes unknown values to an internal error', () => {
    const err = toAppError('boom');
    expect(err.code).toBe('VITALIS_INTERNAL');
    expect(err.status).toBe(500);
    expect(err.cause).toBe('boom');
  });

  it('documents every code, with its status, in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) {
      expect(doc, `docs/errors.md is missing ${code}`).toMatch(
        new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`),
      );
    }
  });
});
