import type { CallSignal } from './transport.js';

/** Supplies the Authorization header of FHIR requests. */
export interface AuthProvider {
  /** The Authorization header value, or undefined for anonymous requests. */
  authorization(call: CallSignal): Promise<string | undefined>;
  /** Drops the given rejected header value; true when asking again may yield a different, fresh one. */
  invalidate(rejected: string | undefined): boolean;
}

/** No Authorization header. */
export const noAuth: AuthProvider = {
  authorization: () => Promise.resolve(undefined),
  invalidate: () => false,
};

/** A fixed bearer token (e.g. issued out of band by the EHR). */
export function staticBearer(token: string): AuthProvider {
  const header = `Bearer ${token}`;
  return {
    authorization: () => Promise.resolve(header),
    invalidate: () => false,
  };
}
