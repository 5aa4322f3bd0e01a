import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { generateClientKeys } from './client-keys.js';
import { parseSigningKey, resolveKid } from './private-key.js';

describe('parseSigningKey', () => {
  it('accepts the PKCS#8 PEM from generateClientKeys and derives the registered kid', async () => {
    const keys = await generateClientKeys('ES384');
    const signing = parseSigningKey(keys.privateKeyPem, 'ES384');
    expect(signing.key.asymmetricKeyType).toBe('ec');
    expect(await resolveKid(signing)).toBe(keys.kid);
    expect(keys.publicJwks.keys[0]).toMatchObject({ kid: keys.kid, alg: 'ES384', use: 'sig', crv: 'P-384' });
    expect(keys.publicJwks.keys[0]).not.toHaveProperty('d');
  });

  it('accepts a PEM with literal \\n escapes, as environment variables carry it', async () => {
    const keys = await generateClientKeys('RS384');
    const escaped = keys.privateKeyPem.trim().replaceAll('\n', '\\n');
    const signing = parseSigningKey(escaped, 'RS384', 'my-kid');
    expect(signing.key.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(await resolveKid(signing)).toBe('my-kid');
  });

  it('accepts a private JWK and uses its kid', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'jwk-kid' };
    const signing = parseSigningKey(JSON.stringify(jwk), 'ES384');
    expect(signing.kid).toBe('jwk-kid');
  });

  it('rejects keys that do not fit the algorithm with VITALIS_CONFIG', () => {
    const ec256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => parseSigningKey(ec256, 'ES384')).toThrow(/P-384/);
    expect(() => parseSigningKey(rsa1024, 'RS384')).toThrow(/2048 bits/);
    expect(() => parseSigningKey(rsa2048, 'ES384')).toThrow(/EC private key/);
    expect(parseSigningKey(rsa2048, 'RS384').alg).toBe('RS384');
  });

  it('rejects garbage without echoing it', () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nTOPSECRETNOTAKEY\n-----END PRIVATE KEY-----';
    let caught: unknown;
    try {
      parseSigningKey(secret, 'RS384');
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught, 'VITALIS_CONFIG')).toBe(true);
    expect((caught as Error).message).not.toContain('TOPSECRET');
    expect(() => parseSigningKey('{"kty":"EC"}', 'ES384')).toThrow(/neither a PEM private key nor a private JWK/);
  });

  it('rejects a public key', () => {
    const pub = generateKeyPairSync('ec', { namedCurve: 'P-384' })
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    expect(() => parseSigningKey(pub, 'ES384')).toThrow(/neither a PEM private key/);
  });
});
