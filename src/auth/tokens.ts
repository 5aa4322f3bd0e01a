import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { AuthKeys } from './keys.js';

/** The kinds of JWT the server signs; `vt` keeps one kind from being replayed as another. */
export type TokenKind = 'access' | 'refresh' | 'code' | 'launch' | 'authz' | 'id';

/** What an access or refresh token grants, and to whom. */
export const GrantSchema = z.object({
  /** The user (`Practitioner/1`) or, for backend services, the client id. */
  sub: z.string().min(1),
  client_id: z.string().min(1),
  scope: z.string(),
  patient: z.string().min(1).optional(),
  fhirUser: z.string().min(1).optional(),
});

/** The grant carried by access and refresh tokens. */
export type Grant = z.infer<typeof GrantSchema>;

/** An authorization code: the grant plus what the token request must prove. */
export const CodeSchema = GrantSchema.extend({
  redirect_uri: z.string().min(1),
  code_challenge: z.string().min(43).max(128),
  nonce: z.string().optional(),
});

/** Claims of an authorization code. */
export type CodeClaims = z.infer<typeof CodeSchema>;

/** An EHR launch context (created by the development EHR launcher). */
export const LaunchSchema = z.object({ patient: z.string().min(1), fhirUser: z.string().min(1).optional() });

/** Claims of a launch context. */
export type LaunchClaims = z.infer<typeof LaunchSchema>;

/** Signs and verifies the server's JWTs with one key. */
export interface TokenService {
  sign(
    kind: TokenKind,
    claims: Record<string, unknown>,
    options: { ttlSeconds: number; audience: string; issuer: string },
  ): Promise<string>;
  /** Verifies signature, kind, audience and expiry; throws VITALIS_UNAUTHORIZED. Returns the payload and its jti. */
  verify<T>(
    kind: TokenKind,
    token: string,
    options: { audience: string; issuer: string; schema: z.ZodType<T> },
  ): Promise<T & { jti: string; exp: number }>;
}

const CLOCK_SKEW_SECONDS = 30;

/** A token service over the given keys; the issuer (this server's origin) is given per call. */
export function createTokenService(keys: AuthKeys): TokenService {
  return {
    async sign(kind, claims, options) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims, vt: kind })
        .setProtectedHeader({ alg: keys.alg, kid: keys.kid, typ: kind === 'access' ? 'at+jwt' : 'JWT' })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + options.ttlSeconds)
        .setJti(randomUUID())
        .sign(keys.privateKey);
    },
    async verify(kind, token, options) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys.publicKey, {
          algorithms: [keys.alg],
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'jti'],
        }));
      } catch (err) {
        throw new AppError('VITALIS_UNAUTHORIZED', `Invalid or expired ${kind} token`, { cause: err });
      }
      if (payload['vt'] !== kind) {
        throw new AppError('VITALIS_UNAUTHORIZED', `Not a ${kind} token`);
      }
      const parsed = options.schema.safeParse(payload);
      if (!parsed.success) {
        throw new AppError('VITALIS_UNAUTHORIZED', `Malformed ${kind} token`);
      }
      return { ...parsed.data, jti: String(payload.jti), exp: Number(payload.exp) };
    },
  };
}

/** Remembers single-use ids (authorization codes, client assertion jti) until they expire; a rebuildable cache. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  /** Records the id; false when it was already used (a replay). */
  use(id: string, expiresAtSeconds: number): boolean {
    const now = Math.floor(Date.now() / 1000);
    if (this.seen.size >= this.maxEntries) {
      for (const [key, exp] of this.seen) {
        if (exp < now) {
          this.seen.delete(key);
        }
      }
    }
    const known = this.seen.get(id);
    if (known !== undefined && known >= now) {
      return false;
    }
    this.seen.set(id, expiresAtSeconds);
    return true;
  }
}
