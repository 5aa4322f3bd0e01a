import type { FastifyRequest } from 'fastify';
import type { Principal, Restriction } from '../auth/index.js';
import type { AuthKeys, ClientRegistry, ReplayCache, TokenService } from '../auth/index.js';
import type { Config } from '../core/config.js';
import { fhirBaseUrl } from './fhir-reply.js';

/** What the auth routes and hooks share: keys, the token service, registered clients and the replay cache. */
export interface AuthRuntime {
  config: Config;
  keys: AuthKeys;
  tokens: TokenService;
  clients: ClientRegistry;
  replay: ReplayCache;
}

/** The auth outcome of one request. */
export interface RequestAuth {
  principal?: Principal;
  restriction: Restriction;
  /** Patients whose data the response carried (for the audit record), filled by the onSend hook. */
  patients?: string[];
  /** True when the store itself confined the search's matches to the patient's compartment. */
  compartmentForced?: boolean;
  /** The patient named by the request path, when any. */
  pathPatient?: string;
}

const states = new WeakMap<FastifyRequest, RequestAuth>();

/** The auth state of a request (restriction `none` when auth is off or the route is public). */
export function requestAuth(request: FastifyRequest): RequestAuth {
  let state = states.get(request);
  if (!state) {
    state = { restriction: { kind: 'none' } };
    states.set(request, state);
  }
  return state;
}

/** The origin of this server as the client sees it (`http://host:port`), honouring VITALIS_BASE_URL. */
export function serverOrigin(config: Config, request: FastifyRequest): string {
  return fhirBaseUrl(config, request).replace(/\/fhir$/, '');
}

/** The path part of a request URL, without the query. */
export function pathOf(request: FastifyRequest): string {
  const url = request.url;
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** True for /fhir and /api requests (the ones scopes and the audit trail cover). */
export function areaOf(request: FastifyRequest): 'fhir' | 'api' | undefined {
  const path = pathOf(request);
  if (path === '/fhir' || path.startsWith('/fhir/')) {
    return 'fhir';
  }
  if (path === '/api' || path.startsWith('/api/')) {
    return 'api';
  }
  return undefined;
}

/** The decoded path segments after `/fhir` (empty for the base). */
export function fhirSegments(request: FastifyRequest): string[] {
  return pathOf(request)
    .slice('/fhir'.length)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** The patient id named by an /api path (`/api/patients/{id}/...`) or its `patient`/`patientId` query parameter. */
export function apiPatient(request: FastifyRequest): string | undefined {
  const m = /^\/api\/patients\/([^/]+)/.exec(pathOf(request));
  if (m?.[1]) {
    return decodeURIComponent(m[1]);
  }
  const query = request.query as Record<string, unknown> | undefined;
  for (const key of ['patient', 'patientId']) {
    const v = query?.[key];
    if (typeof v === 'string' && v !== '') {
      return v.replace(/^Patient\//, '');
    }
  }
  return undefined;
}
