import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ASSERTION_LIFETIME_SECONDS, signClientAssertion } from './client-assertion.js';
import { generateClientKeys } from './client-keys.js';
import { parseSigningKey } from './private-key.js';

describe('signClientAssertion', () => {
  for (const alg of ['RS384', 'ES384'] as const) {
    it(`signs a SMART Backend Services assertion with ${alg} that verifies against the public JWKS`, async () => {
      const keys = await generateClientKeys(alg);
      const signing = parseSigningKey(keys.privateKeyPem, alg);
      const tokenUrl = 'https://ehr.example/oauth/token';
      const a = await signClientAssertion({ clientId: 'vitalis', tokenUrl, signing });
      const b = await signClientAssertion({ clientId: 'vitalis', tokenUrl, signing });

      expect(decodeProtectedHeader(a)).toEqual({ alg, kid: keys.kid, typ: 'JWT' });
      const { payload } = await jwtVerify(a, createLocalJWKSet(keys.publicJwks), {
        algorithms: [alg],
        issuer: 'vitalis',
        subject: 'vitalis',
        audience: tokenUrl,
        typ: 'JWT',
      });
      const exp = payload.exp ?? 0;
      const iat = payload.iat ?? 0;
      expect(exp - iat).toBe(ASSERTION_LIFETIME_SECONDS);
      expect(exp - iat).toBeLessThanOrEqual(300);
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
      const other = await jwtVerify(b, createLocalJWKSet(keys.publicJwks), { algorithms: [alg] });
      expect(other.payload.jti).not.toBe(payload.jti);
    });
  }

  it('fails verification with another client key', async () => {
    const mine = await generateClientKeys('ES384');
    const theirs = await generateClientKeys('ES384');
    const jwt = await signClientAssertion({
      clientId: 'vitalis',
      tokenUrl: 'https://ehr.example/token',
      signing: parseSigningKey(mine.privateKeyPem, 'ES384', theirs.kid),
    });
    await expect(jwtVerify(jwt, createLocalJWKSet(theirs.publicJwks))).rejects.toThrow(/signature/i);
  });
});
