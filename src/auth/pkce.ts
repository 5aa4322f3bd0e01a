import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The S256 code challenge of a verifier (base64url of its SHA-256). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** True when the verifier is well-formed and hashes to the challenge (constant-time compare). */
export function verifyPkce(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) {
    return false;
  }
  const a = Buffer.from(s256(verifier));
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh PKCE verifier (64 url-safe characters). */
export function newVerifier(): string {
  return randomBytes(48).toString('base64url');
}
