import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';

/** The fetch implementation the adapter calls (the global fetch unless a test passes its own). */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

const AuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('smart-backend'),
      clientId: z.string().min(1),
      /** PEM (PKCS#8, or PKCS#1/SEC1) private key, or a private JWK as a JSON string. */
      privateKey: z.string().min(1),
      keyId: z.string().min(1).optional(),
      alg: z.enum(['RS384', 'ES384']),
      tokenUrl: httpUrl.optional(),
      scope: z.string().min(1),
    })
    .strict(),
]);

/** zod schema of the remote repository options (validated once in createRemoteRepository). */
export const RemoteRepositoryOptionsSchema = z
  .object({
    baseUrl: httpUrl,
    auth: AuthSchema.default({ kind: 'none' }),
    /** Deadline of one repository call (token request, retries and body included). */
    timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
    /** Extra attempts for idempotent GETs after a 5xx, 429 or network error. */
    retries: z.number().int().min(0).max(5).default(2),
    /** Base delay of the exponential backoff between retries. */
    retryBaseDelayMs: z.number().int().min(0).max(10_000).default(250),
    /** Largest response body accepted from the server. */
    maxResponseBytes: z
      .number()
      .int()
      .min(1024)
      .default(256 * 1024 * 1024),
    fetch: z.custom<FetchFn>((v) => typeof v === 'function', 'fetch must be a function').optional(),
    signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, 'signal must be an AbortSignal').optional(),
    logger: z
      .custom<Logger>((v) => typeof v === 'object' && v !== null && 'warn' in v, 'logger must be a Logger')
      .optional(),
  })
  .strict();

/** Options of createRemoteRepository (input form: defaults may be omitted). */
export type RemoteRepositoryOptions = z.input<typeof RemoteRepositoryOptionsSchema>;

/** Options after validation and defaults. */
export type ResolvedRemoteOptions = z.output<typeof RemoteRepositoryOptionsSchema>;

/** Authentication settings of the remote repository. */
export type RemoteAuth = z.output<typeof AuthSchema>;

/** SMART Backend Services settings. */
export type SmartBackendAuth = Extract<RemoteAuth, { kind: 'smart-backend' }>;

/** Validates the options; throws VITALIS_CONFIG naming the bad fields (never their values). */
export function parseRemoteOptions(options: RemoteRepositoryOptions): ResolvedRemoteOptions {
  const parsed = RemoteRepositoryOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new AppError('VITALIS_CONFIG', `Invalid remote FHIR options: ${problems.join('; ')}`);
  }
  return parsed.data;
}
