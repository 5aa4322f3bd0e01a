/** The EHR that made a CDS Hooks call, as established by its JWT (or marked unauthenticated in development mode). */
export interface CdsCaller {
  authenticated: boolean;
  /** JWT `iss`: the EHR's identifier. */
  issuer: string | null;
  /** JWT `sub`: the EHR's client id. */
  clientId: string | null;
  /** JWT `tenant`: the healthcare organization inside a multi-tenant EHR. */
  tenant: string | null;
}

/** What the authenticator checks: the Authorization header against the exact endpoint URLs allowed as `aud`. */
export interface CdsAuthRequest {
  authorization: string | undefined;
  audiences: string[];
}

/** Verifies the bearer JWT of a CDS Hooks call; throws VITALIS_UNAUTHORIZED (401) when it is not acceptable. */
export interface CdsAuthenticator {
  authenticate(request: CdsAuthRequest): Promise<CdsCaller>;
  /** One line for the start-up banner (no secrets). */
  readonly mode: 'jwt' | 'unauthenticated' | 'unconfigured';
}

/** The caller of an unauthenticated (development) call. */
export const UNAUTHENTICATED_CALLER: CdsCaller = { authenticated: false, issuer: null, clientId: null, tenant: null };
