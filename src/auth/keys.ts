import { hkdfSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import { AppError } from '../core/errors.js';

/** The algorithms our token signing key may use. */
export type SigningAlg = 'ES384' | 'RS256';

/** The server's token signing key, its public JWK (with kid) and a derived secret for encrypted cookies. */
export interface AuthKeys {
  alg: SigningAlg;
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  /** 32 bytes derived from the private key (HKDF), for the SMART client's encrypted cookies. */
  cookieSecret: Uint8Array;
}

/** Where the generated key lives inside the data directory. */
export const KEY_FILE = 'auth/signing-key.jwk.json';

function algOfJwk(jwk: JWK): SigningAlg {
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') {
    return 'ES384';
  }
  if (jwk.kty === 'RSA') {
    return 'RS256';
  }
  throw new AppError('VITALIS_CONFIG', 'VITALIS_AUTH_SIGNING_KEY must be an EC P-384 or RSA private key');
}

const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

function publicPart(jwk: JWK): JWK {
  const out: JWK = {};
  for (const key of PUBLIC_MEMBERS) {
    const value = jwk[key];
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

async function fromPrivateJwk(jwk: JWK): Promise<AuthKeys> {
  if (typeof jwk.d !== 'string') {
    throw new AppError('VITALIS_CONFIG', 'VITALIS_AUTH_SIGNING_KEY must be a private key');
  }
  const alg = algOfJwk(jwk);
  const privateKey = (await importJWK(jwk, alg)) as CryptoKey;
  const pub = publicPart(jwk);
  const kid = await calculateJwkThumbprint(pub, 'sha256');
  const publicKey = (await importJWK(pub, alg)) as CryptoKey;
  const publicJwk: JWK = { ...pub, kid, alg, use: 'sig' };
  const cookieSecret = new Uint8Array(hkdfSync('sha256', jwk.d, 'vitalis-smart', 'cookie-encryption', 32));
  return { alg, kid, privateKey, publicKey, publicJwk, cookieSecret };
}

async function parseKeyText(text: string): Promise<AuthKeys> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    return fromPrivateJwk(JSON.parse(trimmed) as JWK);
  }
  if (trimmed.includes('-----BEGIN PRIVATE KEY-----')) {
    for (const alg of ['ES384', 'RS256'] as const) {
      try {
        const key = await importPKCS8(trimmed, alg, { extractable: true });
        return await fromPrivateJwk(await exportJWK(key));
      } catch {
        // try the next algorithm
      }
    }
  }
  throw new AppError('VITALIS_CONFIG', 'VITALIS_AUTH_SIGNING_KEY is not a PKCS#8 PEM or private JWK (EC P-384 or RSA)');
}

/** Generates a fresh ES384 signing key (not persisted). */
export async function generateAuthKeys(): Promise<AuthKeys> {
  const { privateKey } = await generateKeyPair('ES384', { extractable: true });
  return fromPrivateJwk(await exportJWK(privateKey));
}

/**
 * Loads the token signing key: VITALIS_AUTH_SIGNING_KEY (inline PEM/JWK or a file path) when set; else the key in the
 * data directory, generated (ES384) at first start; an in-memory data dir gets an ephemeral key.
 */
export async function loadAuthKeys(options: { signingKey?: string | undefined; dataDir: string }): Promise<AuthKeys> {
  const given = options.signingKey;
  if (given !== undefined) {
    const inline = given.trim().startsWith('{') || given.includes('-----BEGIN');
    return parseKeyText(inline ? given : await readFile(given, 'utf8'));
  }
  if (options.dataDir.startsWith('memory://')) {
    return generateAuthKeys();
  }
  const path = join(options.dataDir, KEY_FILE);
  if (existsSync(path)) {
    return parseKeyText(await readFile(path, 'utf8'));
  }
  const { privateKey } = await generateKeyPair('ES384', { extractable: true });
  const jwk = await exportJWK(privateKey);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch((err: unknown) => {
    // another process created it first: use theirs
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw err;
    }
  });
  await chmod(path, 0o600).catch(() => undefined);
  return parseKeyText(await readFile(path, 'utf8'));
}
