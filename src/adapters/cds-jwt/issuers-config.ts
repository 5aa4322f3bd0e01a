import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';

const IssuerEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    /** JWKS URL (https, or http on loopback) or a file path. */
    jwks: z.string().min(1),
    /** `jku` header values honoured for this issuer (each must be an exact URL). */
    jku: z.array(z.url()).optional(),
    /** When set, the JWT `tenant` claim must be one of these. */
    tenants: z.array(z.string().min(1)).optional(),
  }),
]);

const IssuersSchema = z.record(z.string().min(1), IssuerEntrySchema);

/** One allow-listed EHR: where its keys are, the `jku` URLs it may use, and its tenants. */
export interface TrustedIssuer {
  issuer: string;
  jwks: { kind: 'url'; url: string } | { kind: 'file'; path: string; keys: unknown };
  jku: string[];
  tenants: string[] | null;
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function readJwksFile(path: string): unknown {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { keys?: unknown }).keys)) {
      throw new Error('not a JWK Set');
    }
    return parsed;
  } catch (cause) {
    throw new AppError('VITALIS_CONFIG', 'VITALIS_CDS_ISSUERS names a JWKS file that is missing or not a JWK Set', {
      cause,
    });
  }
}

/**
 * Parses VITALIS_CDS_ISSUERS: a JSON object mapping each issuer (`iss`) to a JWKS URL or file path, or to
 * `{ "jwks": ..., "jku": [...], "tenants": [...] }`. Throws VITALIS_CONFIG (never echoing values) when invalid.
 */
export function parseIssuers(raw: string | undefined): TrustedIssuer[] {
  if (raw === undefined) {
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new AppError('VITALIS_CONFIG', 'VITALIS_CDS_ISSUERS is not valid JSON', { cause });
  }
  const parsed = IssuersSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'VITALIS_CONFIG',
      'VITALIS_CDS_ISSUERS must map each issuer to a JWKS URL, a file path, or {"jwks", "jku", "tenants"}',
    );
  }
  return Object.entries(parsed.data).map(([issuer, entry]) => {
    const spec = typeof entry === 'string' ? { jwks: entry } : entry;
    const jwks = isUrl(spec.jwks)
      ? { kind: 'url' as const, url: spec.jwks }
      : { kind: 'file' as const, path: spec.jwks, keys: readJwksFile(spec.jwks) };
    const jku = [...(spec.jku ?? []), ...(jwks.kind === 'url' ? [jwks.url] : [])];
    return { issuer, jwks, jku, tenants: 'tenants' in spec && spec.tenants ? spec.tenants : null };
  });
}
