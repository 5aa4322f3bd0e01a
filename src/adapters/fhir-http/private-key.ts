import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';

/** Signing algorithms of SMART Backend Services. */
export type ClientAlg = 'RS384' | 'ES384';

/** A validated signing key: the private key object and the key id to put in the JWT header. */
export interface SigningKey {
  alg: ClientAlg;
  key: KeyObject;
  /** From the options, else the JWK's `kid`, else undefined (then the RFC 7638 thumbprint is used). */
  kid: string | undefined;
}

const PrivateJwkSchema = z.looseObject({ kty: z.string(), d: z.string(), kid: z.string().optional() });

/**
 * Parses a PEM (PKCS#8, PKCS#1 or SEC1) or JWK-JSON private key and checks it fits the algorithm:
 * RS384 needs RSA with at least 2048 bits, ES384 an EC P-384 key. Throws VITALIS_CONFIG (no key material in messages).
 */
export function parseSigningKey(text: string, alg: ClientAlg, keyId?: string): SigningKey {
  const trimmed = text.trim();
  let key: KeyObject;
  let jwkKid: string | undefined;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = PrivateJwkSchema.parse(JSON.parse(trimmed));
      jwkKid = jwk.kid;
      key = createPrivateKey({ key: jwk, format: 'jwk' });
    } else {
      key = createPrivateKey({ key: unescapeNewlines(trimmed), format: 'pem' });
    }
  } catch (cause) {
    throw new AppError('VITALIS_CONFIG', 'The SMART private key is neither a PEM private key nor a private JWK', {
      cause: new Error('key parse failed', { cause }),
    });
  }
  checkKeyFits(key, alg);
  return { alg, key, kid: keyId ?? jwkKid };
}

function unescapeNewlines(pem: string): string {
  // Environment variables often carry PEMs with literal "\n" sequences.
  return pem.includes('\n') ? pem : pem.replaceAll('\\n', '\n');
}

function checkKeyFits(key: KeyObject, alg: ClientAlg): void {
  const details = key.asymmetricKeyDetails ?? {};
  if (alg === 'RS384') {
    if (key.asymmetricKeyType !== 'rsa') {
      throw new AppError('VITALIS_CONFIG', `RS384 needs an RSA private key, got ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    if ((details.modulusLength ?? 0) < 2048) {
      throw new AppError('VITALIS_CONFIG', 'RS384 needs an RSA key of at least 2048 bits');
    }
    return;
  }
  if (key.asymmetricKeyType !== 'ec' || details.namedCurve !== 'secp384r1') {
    throw new AppError('VITALIS_CONFIG', 'ES384 needs an EC private key on curve P-384');
  }
}

/** The public JWK of a private key. */
export function publicJwkOf(key: KeyObject): JWK {
  return createPublicKey(key).export({ format: 'jwk' });
}

/** The key id: the configured one, else the RFC 7638 SHA-256 thumbprint of the public key. */
export async function resolveKid(signing: SigningKey): Promise<string> {
  return signing.kid ?? (await calculateJwkThumbprint(publicJwkOf(signing.key), 'sha256'));
}
