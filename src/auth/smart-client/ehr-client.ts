import { z } from 'zod';
import { AppError } from '../../core/errors.js';

const HttpUrl = z.url({ protocol: /^https?$/ });

/** The parts of an EHR's `.well-known/smart-configuration` a launching app needs. */
export const EhrConfigurationSchema = z.looseObject({
  authorization_endpoint: HttpUrl,
  token_endpoint: HttpUrl,
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

/** The EHR's authorization and token endpoints. */
export type EhrConfiguration = z.infer<typeof EhrConfigurationSchema>;

/** A token response of the EHR. */
export const EhrTokenSchema = z.looseObject({
  access_token: z
    .string()
    .min(1)
    .max(64 * 1024),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be bearer'),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
  patient: z.string().min(1).optional(),
  refresh_token: z
    .string()
    .min(1)
    .max(64 * 1024)
    .optional(),
  id_token: z.string().optional(),
});

/** A parsed token response. */
export type EhrToken = z.infer<typeof EhrTokenSchema>;

const TIMEOUT_MS = 15_000;

async function fetchJson(url: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new AppError('VITALIS_UPSTREAM', `${what}: the EHR could not be reached`, { cause: err });
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new AppError('VITALIS_UPSTREAM', `${what}: the EHR answered ${String(response.status)} without JSON`);
  }
}

/** Reads `{iss}/.well-known/smart-configuration`; the EHR must support PKCE S256. */
export async function discoverEhr(iss: string): Promise<EhrConfiguration> {
  const { status, body } = await fetchJson(
    `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`,
    { headers: { accept: 'application/json' } },
    'SMART discovery',
  );
  const parsed = EhrConfigurationSchema.safeParse(body);
  if (status !== 200 || !parsed.success) {
    throw new AppError('VITALIS_UPSTREAM', 'SMART discovery: the EHR has no usable smart-configuration');
  }
  const methods = parsed.data.code_challenge_methods_supported;
  if (methods && !methods.includes('S256')) {
    throw new AppError('VITALIS_UPSTREAM', 'SMART discovery: the EHR does not support PKCE S256');
  }
  return parsed.data;
}

/** Posts a form to the EHR's token endpoint and parses the token response; OAuth errors become VITALIS_UNAUTHORIZED. */
export async function requestEhrToken(tokenEndpoint: string, form: Record<string, string>): Promise<EhrToken> {
  const { status, body } = await fetchJson(
    tokenEndpoint,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    },
    'SMART token request',
  );
  if (status !== 200) {
    const error = z.looseObject({ error: z.string() }).safeParse(body);
    throw new AppError(
      status === 400 || status === 401 ? 'VITALIS_UNAUTHORIZED' : 'VITALIS_UPSTREAM',
      `SMART token request refused (${error.success ? error.data.error : `HTTP ${String(status)}`})`,
    );
  }
  const parsed = EhrTokenSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VITALIS_UPSTREAM', 'SMART token request: malformed token response');
  }
  return parsed.data;
}
