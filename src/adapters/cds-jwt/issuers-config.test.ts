import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { parseIssuers } from './issuers-config.js';
import { createReplayCache } from './replay-cache.js';

describe('VITALIS_CDS_ISSUERS', () => {
  it('maps issuers to JWKS URLs (also allowed as jku) with optional extra jku and tenants', () => {
    const issuers = parseIssuers(
      JSON.stringify({
        'https://a': 'https://a/jwks.json',
        'https://b': { jwks: 'https://b/keys', jku: ['https://b/rotated'], tenants: ['t1'] },
      }),
    );
    expect(issuers[0]).toEqual({
      issuer: 'https://a',
      jwks: { kind: 'url', url: 'https://a/jwks.json' },
      jku: ['https://a/jwks.json'],
      tenants: null,
    });
    expect(issuers[1]?.jku).toEqual(['https://b/rotated', 'https://b/keys']);
    expect(issuers[1]?.tenants).toEqual(['t1']);
    expect(parseIssuers(undefined)).toEqual([]);
  });

  it('fails with VITALIS_CONFIG, without echoing the value, on bad JSON, bad shapes and missing files', () => {
    for (const raw of ['{not json', '["x"]', '{"https://a": 5}', '{"https://a": "/no/such/jwks-secret.json"}']) {
      try {
        parseIssuers(raw);
        expect.unreachable();
      } catch (err) {
        expect(isAppError(err, 'VITALIS_CONFIG')).toBe(true);
        expect((err as Error).message).not.toContain('secret');
      }
    }
  });
});

describe('replay cache', () => {
  it('accepts an id once until it expires, and stays bounded', () => {
    let now = 1000;
    const cache = createReplayCache(3, () => now);
    expect(cache.claim('a', 2000)).toBe(true);
    expect(cache.claim('a', 2000)).toBe(false);
    now = 2500;
    expect(cache.claim('a', 5000)).toBe(true);
    for (const id of ['b', 'c', 'd', 'e']) {
      cache.claim(id, 90_000);
    }
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
