import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { resolveKid, type SigningKey } from './private-key.js';

/** Lifetime of a client assertion; SMART Backend Services allows at most five minutes. */
export const ASSERTION_LIFETIME_SECONDS = 240;

/** The client_assertion_type of private_key_jwt authentication. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface AssertionInput {
  clientId: string;
  tokenUrl: string;
  signing: SigningKey;
  /** Current time in seconds since the epoch (tests may pin it). */
  nowSeconds?: number;
}

/**
 * Signs the SMART Backend Services client assertion: iss = sub = client id, aud = token URL, exp within five minutes,
 * a unique jti, and a header with alg, kid and typ JWT.
 */
export async function signClientAssertion(input: AssertionInput): Promise<string> {
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const kid = await resolveKid(input.signing);
  return new SignJWT({})
    .setProtectedHeader({ alg: input.signing.alg, kid, typ: 'JWT' })
    .setIssuer(input.clientId)
    .setSubject(input.clientId)
    .setAudience(input.tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(input.signing.key);
}
