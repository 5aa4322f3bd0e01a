import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';

/** A pending authorization (between the redirect to the EHR and the callback). */
export const PendingSchema = z.object({
  state: z.string(),
  verifier: z.string(),
  iss: z.string(),
  tokenEndpoint: z.string(),
  redirectUri: z.string(),
});

/** Claims of the pending-authorization cookie. */
export type Pending = z.infer<typeof PendingSchema>;

/** A launched session: the EHR, its tokens and the launch context. */
export const SessionSchema = z.object({
  iss: z.string(),
  tokenEndpoint: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  /** Access token expiry, seconds since the epoch. */
  expiresAt: z.number(),
  patient: z.string().optional(),
  scope: z.string(),
  fhirUser: z.string().optional(),
});

/** Claims of the session cookie. */
export type Session = z.infer<typeof SessionSchema>;

/** Encrypts claims into a compact JWE (dir, A256GCM) for an HttpOnly cookie. */
export async function seal(secret: Uint8Array, claims: Record<string, unknown>, ttlSeconds: number): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${String(ttlSeconds)}s`)
    .encrypt(secret);
}

/** Decrypts and validates a sealed cookie; undefined when missing, tampered, expired or malformed. */
export async function unseal<T>(
  secret: Uint8Array,
  value: string | undefined,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  if (value === undefined || value === '') {
    return undefined;
  }
  try {
    const { payload } = await jwtDecrypt(value, secret, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
