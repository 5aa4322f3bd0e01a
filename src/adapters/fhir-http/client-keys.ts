import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, type JWK } from 'jose';
import type { ClientAlg } from './private-key.js';

/** A key pair for registering Vitalis as a SMART Backend Services client. */
export interface ClientKeys {
  /** PKCS#8 PEM of the private key: keep it secret (VITALIS_FHIR_PRIVATE_KEY). */
  privateKeyPem: string;
  /** The public JWKS to register with the EHR (or publish at a jwks_url). */
  publicJwks: { keys: JWK[] };
  /** The key id (RFC 7638 SHA-256 thumbprint), also set as `kid` in the JWKS (VITALIS_FHIR_KEY_ID). */
  kid: string;
}

/** Generates a signing key pair (RSA 3072 for RS384, EC P-384 for ES384) with its public JWKS and key id. */
export async function generateClientKeys(alg: ClientAlg): Promise<ClientKeys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS384' ? { modulusLength: 3072 } : {}),
  });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    privateKeyPem: await exportPKCS8(privateKey),
    publicJwks: { keys: [{ ...jwk, kid, alg, use: 'sig', key_ops: ['verify'] }] },
    kid,
  };
}
