import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { FetchFn } from './options.js';
import type { ClientAlg } from './private-key.js';
import { exchange, NetworkError, type CallSignal } from './transport.js';

const HttpUrl = z.url({ protocol: /^https?$/ });

/** The parts of `.well-known/smart-configuration` Vitalis uses. */
const SmartConfigurationSchema = z.looseObject({
  token_endpoint: HttpUrl,
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  token_endpoint_auth_signing_alg_values_supported: z.array(z.string()).optional(),
});

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

const Extension = z.looseObject({ url: z.string(), valueUri: z.string().optional(), valueUrl: z.string().optional() });

const CapabilityStatementSchema = z.looseObject({
  resourceType: z.literal('CapabilityStatement'),
  rest: z
    .array(
      z.looseObject({
        security: z
          .looseObject({
            extension: z.array(z.looseObject({ url: z.string(), extension: z.array(Extension).optional() })).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

export interface DiscoveryInput {
  fetch: FetchFn;
  baseUrl: string;
  alg: ClientAlg;
  call: CallSignal;
  maxBytes: number;
}

const WHAT = 'SMART discovery';

/**
 * Finds the token endpoint of a FHIR server: `{base}/.well-known/smart-configuration`, falling back to the
 * CapabilityStatement's oauth-uris security extension. Throws VITALIS_UPSTREAM or VITALIS_CONFIG when neither works.
 */
export async function discoverTokenUrl(input: DiscoveryInput): Promise<string> {
  const wellKnown = await getJson(input, '/.well-known/smart-configuration');
  const smart = SmartConfigurationSchema.safeParse(wellKnown);
  if (smart.success) {
    const algs = smart.data.token_endpoint_auth_signing_alg_values_supported;
    if (algs && !algs.includes(input.alg)) {
      throw new AppError(
        'VITALIS_CONFIG',
        `The FHIR server does not accept ${input.alg} client assertions (it supports ${algs.join(', ') || 'none'})`,
      );
    }
    return smart.data.token_endpoint;
  }
  const fromMetadata = tokenUrlFromCapabilities(await getJson(input, '/metadata'));
  if (fromMetadata) {
    return fromMetadata;
  }
  throw new AppError(
    'VITALIS_CONFIG',
    'Could not discover the SMART token endpoint of the FHIR server; set VITALIS_FHIR_TOKEN_URL',
  );
}

/** The token URL from a CapabilityStatement's `rest.security` oauth-uris extension, if present. */
export function tokenUrlFromCapabilities(body: unknown): string | undefined {
  const parsed = CapabilityStatementSchema.safeParse(body);
  if (!parsed.success) {
    return undefined;
  }
  for (const rest of parsed.data.rest ?? []) {
    for (const ext of rest.security?.extension ?? []) {
      if (ext.url !== OAUTH_URIS) {
        continue;
      }
      const token = ext.extension?.find((e) => e.url === 'token');
      const url = token?.valueUri ?? token?.valueUrl;
      if (url !== undefined && HttpUrl.safeParse(url).success) {
        return url;
      }
    }
  }
  return undefined;
}

async function getJson(input: DiscoveryInput, path: string): Promise<unknown> {
  try {
    const res = await exchange({
      fetch: input.fetch,
      url: input.baseUrl + path,
      init: { method: 'GET', headers: { accept: 'application/json, application/fhir+json' } },
      call: input.call,
      maxBytes: Math.min(input.maxBytes, 4 * 1024 * 1024),
      what: WHAT,
    });
    return res.status >= 200 && res.status < 300 ? res.body : undefined;
  } catch (err) {
    if (err instanceof NetworkError) {
      throw new AppError('VITALIS_UPSTREAM', `${WHAT}: the FHIR server is unreachable`, { cause: err });
    }
    if (err instanceof AppError && err.code === 'VITALIS_UPSTREAM') {
      return undefined; // a non-JSON answer: try the next source
    }
    throw err;
  }
}
