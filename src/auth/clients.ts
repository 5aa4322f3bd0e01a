import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { ReplayCache } from './tokens.js';

const Jwks = z.object({ keys: z.array(z.looseObject({ kty: z.string() })).min(1) });

/** One registered client application. */
export const ClientSchema = z
  .object({
    client_id: z.string().min(1).max(200),
    name: z.string().max(200).optional(),
    /** Launch apps redirect users back to these exact URIs. */
    redirect_uris: z.array(z.url()).default([]),
    /** Where the development EHR launcher sends users (`?iss=&launch=`), for EHR-launch apps. */
    launch_uri: z.url().optional(),
    /** Public JWKS of a Backend Services (or confidential asymmetric) client, for private_key_jwt. */
    jwks: Jwks.optional(),
    /** The scopes the client may be granted (space separated); a request is narrowed to these. */
    scope: z.string().default('launch launch/patient patient/*.rs openid fhirUser offline_access'),
  })
  .strict();

/** A registered client. */
export type Client = z.infer<typeof ClientSchema>;

const ClientsSchema = z.array(ClientSchema);

/** Looks up registered clients by id. */
export interface ClientRegistry {
  get(clientId: string): Client | undefined;
  list(): readonly Client[];
}

/** A registry over a fixed list (duplicate ids are a configuration error). */
export function clientRegistry(clients: readonly Client[]): ClientRegistry {
  const byId = new Map<string, Client>();
  for (const c of clients) {
    if (byId.has(c.client_id)) {
      throw new AppError('VITALIS_CONFIG', 'VITALIS_AUTH_CLIENTS lists a client_id twice');
    }
    byId.set(c.client_id, c);
  }
  return { get: (id) => byId.get(id), list: () => [...byId.values()] };
}

/** Parses VITALIS_AUTH_CLIENTS: a JSON array of clients, inline or in a file. Throws VITALIS_CONFIG. */
export function loadClients(source: string | undefined): ClientRegistry {
  if (source === undefined) {
    return clientRegistry([]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(source.trim().startsWith('[') ? source : readFileSync(source, 'utf8'));
  } catch (err) {
    throw new AppError('VITALIS_CONFIG', 'VITALIS_AUTH_CLIENTS is neither a JSON array nor a readable JSON file', {
      cause: err,
    });
  }
  const parsed = ClientsSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.map(String).join('.')).join(', ');
    throw new AppError('VITALIS_CONFIG', `VITALIS_AUTH_CLIENTS is invalid at ${where}`);
  }
  return clientRegistry(parsed.data);
}

/** Algorithms accepted for client assertions (asymmetric only; SMART requires RS384 and ES384). */
export const ASSERTION_ALGS = ['RS384', 'ES384', 'RS256', 'ES256', 'PS384'];

const MAX_ASSERTION_LIFETIME_SECONDS = 300;

/**
 * Verifies a private_key_jwt client assertion (SMART Backend Services): signed by a key of the client's registered
 * JWKS with an asymmetric algorithm, iss = sub = client_id, aud = the token endpoint, exp at most five minutes ahead,
 * and a jti never seen before. Returns the client; throws VITALIS_UNAUTHORIZED.
 */
export async function verifyClientAssertion(input: {
  assertion: string;
  clients: ClientRegistry;
  tokenUrl: string;
  replay: ReplayCache;
}): Promise<Client> {
  let clientId: string | undefined;
  try {
    clientId = decodeJwt(input.assertion).iss;
  } catch {
    clientId = undefined;
  }
  const client = clientId === undefined ? undefined : input.clients.get(clientId);
  if (!client?.jwks) {
    throw new AppError('VITALIS_UNAUTHORIZED', 'Unknown client or no registered JWKS');
  }
  const jwks = createLocalJWKSet(client.jwks);
  let exp: number;
  let jti: string | undefined;
  try {
    const { payload } = await jwtVerify(input.assertion, jwks, {
      algorithms: ASSERTION_ALGS,
      issuer: client.client_id,
      subject: client.client_id,
      audience: input.tokenUrl,
      clockTolerance: 30,
      requiredClaims: ['exp', 'jti'],
    });
    exp = Number(payload.exp);
    jti = payload.jti;
  } catch (err) {
    throw new AppError('VITALIS_UNAUTHORIZED', 'Invalid client assertion', { cause: err });
  }
  if (exp - Math.floor(Date.now() / 1000) > MAX_ASSERTION_LIFETIME_SECONDS + 30) {
    throw new AppError('VITALIS_UNAUTHORIZED', 'Client assertion expires too far in the future');
  }
  if (jti === undefined || !input.replay.use(`${client.client_id}|${jti}`, exp)) {
    throw new AppError('VITALIS_UNAUTHORIZED', 'Client assertion was already used');
  }
  return client;
}
