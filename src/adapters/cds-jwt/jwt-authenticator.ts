import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { UNAUTHENTICATED_CALLER, type CdsAuthenticator, type CdsCaller } from '../../cds/index.js';
import { parseIssuers, type TrustedIssuer } from './issuers-config.js';
import { createReplayCache, type ReplayCache } from './replay-cache.js';

/** Asymmetric JWS algorithms only: `none` and the HMAC family (HS*) are never accepted (CDS Hooks 2.0 §JWT). */
export const CDS_JWT_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
  'Ed25519',
] as const;

/** Options of the CDS Hooks JWT authenticator. */
export interface CdsJwtOptions {
  /** VITALIS_CDS_ISSUERS (JSON), or already parsed issuers. */
  issuers: string | undefined | TrustedIssuer[];
  /** Development mode: calls without a token are accepted (the banner warns). */
  allowUnauthenticated: boolean;
  /** Allowed clock skew for exp / iat / nbf (seconds, default 60). */
  clockSkewSeconds?: number;
  /** Oldest acceptable `iat` (seconds, default 300 + skew): bounds the replay cache. */
  maxTokenAgeSeconds?: number;
  replayCache?: ReplayCache;
  logger?: Logger;
}

const UNCONFIGURED =
  'CDS Hooks calls need a signed JWT from an allow-listed EHR: set VITALIS_CDS_ISSUERS to a JSON object mapping ' +
  'the EHR issuer to its JWKS URL or file, or start with --cds-allow-unauthenticated (development only)';

function unauthorized(message: string, cause?: unknown): AppError {
  return new AppError('VITALIS_UNAUTHORIZED', message, cause === undefined ? {} : { cause });
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=]*)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

// One local key set per issuer, kept for the authenticator's life: a key set caches the keys it imported, so building
// one per call would import the issuer's public key again on every verification.
const localSets = new WeakMap<TrustedIssuer, JWTVerifyGetKey>();

function keySet(issuer: TrustedIssuer, remote: Map<string, JWTVerifyGetKey>, url: string | null): JWTVerifyGetKey {
  if (url === null && issuer.jwks.kind === 'file') {
    let local = localSets.get(issuer);
    if (!local) {
      local = createLocalJWKSet(issuer.jwks.keys as JSONWebKeySet);
      localSets.set(issuer, local);
    }
    return local;
  }
  const target = url ?? (issuer.jwks.kind === 'url' ? issuer.jwks.url : '');
  let set = remote.get(target);
  if (!set) {
    set = createRemoteJWKSet(new URL(target), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    remote.set(target, set);
  }
  return set;
}

function reason(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) {
    return 'the JWT has expired';
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return `the JWT claim ${err.claim} is not acceptable`;
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) {
    return 'the JWT algorithm is not allowed (asymmetric algorithms only)';
  }
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'the JWT signature does not verify with the issuer’s keys';
  }
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JOSEError) {
    return 'the JWT could not be verified';
  }
  return 'the JWT could not be verified';
}

/**
 * Creates the authenticator of CDS Hooks calls (CDS Hooks 2.0 §Trusting CDS Clients): a Bearer JWT signed with an
 * asymmetric algorithm by an allow-listed issuer, whose JWKS is configured (a `jku` header only when allow-listed),
 * `aud` equal to the exact endpoint URL, `exp`/`iat` within a small skew, a `jti` seen once, and a known `tenant`.
 */
export function createCdsJwtAuthenticator(options: CdsJwtOptions): CdsAuthenticator {
  const issuers = typeof options.issuers === 'object' ? options.issuers : parseIssuers(options.issuers);
  const byIssuer = new Map(issuers.map((i) => [i.issuer, i]));
  const skew = options.clockSkewSeconds ?? 60;
  const maxAge = options.maxTokenAgeSeconds ?? 300 + skew;
  const replay = options.replayCache ?? createReplayCache();
  const remote = new Map<string, JWTVerifyGetKey>();
  const mode = issuers.length > 0 ? 'jwt' : options.allowUnauthenticated ? 'unauthenticated' : 'unconfigured';

  const verify = async (token: string, audiences: string[]): Promise<CdsCaller> => {
    let iss: unknown;
    let jku: unknown;
    try {
      iss = decodeJwt(token).iss;
      jku = decodeProtectedHeader(token).jku;
    } catch (cause) {
      throw unauthorized('The bearer token is not a JWT', cause);
    }
    const issuer = typeof iss === 'string' ? byIssuer.get(iss) : undefined;
    if (!issuer) {
      throw unauthorized('The JWT issuer is not allow-listed in VITALIS_CDS_ISSUERS');
    }
    if (jku !== undefined && (typeof jku !== 'string' || !issuer.jku.includes(jku))) {
      throw unauthorized('The JWT jku header names a JWKS URL that is not allow-listed for this issuer');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySet(issuer, remote, typeof jku === 'string' ? jku : null), {
        issuer: issuer.issuer,
        audience: audiences,
        algorithms: [...CDS_JWT_ALGORITHMS],
        clockTolerance: skew,
        maxTokenAge: maxAge,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      }));
    } catch (err) {
      throw unauthorized(`Rejected: ${reason(err)}`, err);
    }
    const iat = payload.iat ?? 0;
    if (iat > Date.now() / 1000 + skew) {
      throw unauthorized('Rejected: the JWT is issued in the future');
    }
    const tenant = typeof payload['tenant'] === 'string' ? payload['tenant'] : null;
    if (issuer.tenants !== null && (tenant === null || !issuer.tenants.includes(tenant))) {
      throw unauthorized('Rejected: the JWT tenant is not allow-listed for this issuer');
    }
    const expiresAt = ((payload.exp ?? iat + maxAge) + skew) * 1000;
    if (!replay.claim(`${issuer.issuer}\u0000${String(payload.jti)}`, expiresAt)) {
      throw unauthorized('Rejected: this JWT (jti) was already used');
    }
    return { authenticated: true, issuer: issuer.issuer, clientId: payload.sub ?? null, tenant };
  };

  return {
    mode,
    async authenticate(request) {
      const header = request.authorization;
      if (header === undefined || header.trim() === '') {
        if (options.allowUnauthenticated) {
          return UNAUTHENTICATED_CALLER;
        }
        throw unauthorized(mode === 'unconfigured' ? UNCONFIGURED : 'A Bearer JWT is required (Authorization header)');
      }
      if (mode !== 'jwt') {
        if (options.allowUnauthenticated) {
          return UNAUTHENTICATED_CALLER;
        }
        throw unauthorized(UNCONFIGURED);
      }
      const token = bearer(header);
      if (token === null) {
        throw unauthorized('The Authorization header must be "Bearer <JWT>"');
      }
      const caller = await verify(token, request.audiences);
      return caller;
    },
  };
}
