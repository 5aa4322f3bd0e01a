import { listenLoopback, readBody, sendJson } from './loopback.js';

const FORWARDED_RESPONSE_HEADERS = ['content-type', 'location', 'etag', 'last-modified', 'content-location'];

export interface BearerGatewayOptions {
  /** True when the Authorization header is acceptable. */
  authorize(header: string | undefined): boolean;
  /** The token endpoint advertised at `/fhir/.well-known/smart-configuration`. */
  tokenUrl: string;
}

/** A loopback front door that demands a bearer token and forwards `/fhir/...` to an upstream server. */
export interface BearerGateway {
  origin: string;
  /** Sets where requests go (the upstream may start after the gateway, once it knows its public URL). */
  setUpstream(origin: string): void;
  /** Requests rejected for lack of a valid token. */
  rejected: number;
  close(): Promise<void>;
}

/**
 * Starts the gateway: publishes the SMART configuration, answers 401 with an OperationOutcome without a valid token,
 * and otherwise forwards method, path, body and FHIR headers to the upstream, relaying the answer.
 */
export async function startBearerGateway(options: BearerGatewayOptions): Promise<BearerGateway> {
  let upstream = '';
  const state = { rejected: 0 };
  const loop = await listenLoopback(async (req, res) => {
    const url = req.url ?? '/';
    if (url === '/fhir/.well-known/smart-configuration') {
      sendJson(res, 200, {
        token_endpoint: options.tokenUrl,
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
        grant_types_supported: ['client_credentials'],
        capabilities: ['client-confidential-asymmetric'],
      });
      return;
    }
    const auth = req.headers.authorization;
    if (!options.authorize(auth)) {
      state.rejected += 1;
      sendJson(res, 401, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'login', diagnostics: 'Invalid or missing bearer token' }],
      });
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['accept', 'content-type', 'if-match', 'if-none-exist', 'prefer']) {
      const v = req.headers[name];
      if (typeof v === 'string') {
        headers[name] = v;
      }
    }
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
    const answer = await fetch(upstream + url, { method, headers, ...(body === undefined ? {} : { body }) });
    const out: Record<string, string> = {};
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const v = answer.headers.get(name);
      if (v !== null) {
        out[name] = v;
      }
    }
    const text = await answer.text();
    res.writeHead(answer.status, out);
    res.end(text);
  });
  return {
    origin: loop.origin,
    setUpstream: (origin) => {
      upstream = origin;
    },
    get rejected() {
      return state.rejected;
    },
    close: () => loop.close(),
  };
}
