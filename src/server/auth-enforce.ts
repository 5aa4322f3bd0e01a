import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  authorizeApi,
  authorizeBatch,
  authorizeFhir,
  classifyFhir,
  compartmentFilter,
  GrantSchema,
  parseScopes,
  type Principal,
  type Restriction,
  visibleToPatient,
} from '../auth/index.js';
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import { AppError } from '../core/errors.js';
import type { FhirRepository } from '../fhir/repository.js';
import { apiPatient, areaOf, fhirSegments, requestAuth, serverOrigin, type AuthRuntime } from './auth-state.js';
import { fhirBaseUrl } from './fhir-reply.js';
import { header } from './request-input.js';

/** Verifies the Bearer access token of a request; throws VITALIS_UNAUTHORIZED. */
export async function principalOf(runtime: AuthRuntime, request: FastifyRequest): Promise<Principal> {
  const value = header(request, 'authorization');
  const m = value === undefined ? null : /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(value.trim());
  if (!m?.[1]) {
    throw new AppError('VITALIS_UNAUTHORIZED', 'A Bearer access token is required');
  }
  const grant = await runtime.tokens.verify('access', m[1], {
    audience: fhirBaseUrl(runtime.config, request),
    issuer: serverOrigin(runtime.config, request),
    schema: GrantSchema,
  });
  return {
    sub: grant.sub,
    clientId: grant.client_id,
    scopes: parseScopes(grant.scope),
    patient: grant.patient,
    fhirUser: grant.fhirUser,
  };
}

function appendParam(target: Record<string, unknown>, key: string, value: string): void {
  const current = target[key];
  if (current === undefined) {
    target[key] = value;
  } else if (Array.isArray(current)) {
    target[key] = [...(current as unknown[]), value];
  } else {
    target[key] = [current, value];
  }
}

/**
 * Forces a patient-restricted search into the patient's compartment (added to the query, which POST _search merges
 * with its form body). Returns true when a filter was added.
 */
function forceCompartment(request: FastifyRequest, type: string, restriction: Restriction): boolean {
  if (restriction.kind !== 'patient') {
    return false;
  }
  const filter = compartmentFilter(type, restriction.patientId);
  if (!filter) {
    return false;
  }
  const [key, value] = filter;
  if (typeof request.query === 'object' && request.query !== null) {
    appendParam(request.query as Record<string, unknown>, key, value);
  } else {
    request.query = { [key]: value };
  }
  return true;
}

function batchEntries(body: unknown): { method: string; url: string }[] {
  const entries = (body as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) {
    return [];
  }
  return entries.map((e: unknown) => {
    const req = (e as { request?: { method?: unknown; url?: unknown } } | null)?.request;
    return {
      method: typeof req?.method === 'string' ? req.method : 'GET',
      url: typeof req?.url === 'string' ? req.url : '',
    };
  });
}

/**
 * A patient-level write must stay in the patient's compartment: the body of a create or update must belong to the
 * patient, and so must the stored resource an update or delete replaces.
 */
async function checkPatientWrite(repo: FhirRepository, request: FastifyRequest, patientId: string): Promise<void> {
  const method = request.method;
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE') {
    return;
  }
  const access = classifyFhir(method, fhirSegments(request));
  if (access.kind !== 'type' && access.kind !== 'instance') {
    return;
  }
  if (access.interaction === 's') {
    return;
  }
  const outside = new AppError('VITALIS_FORBIDDEN', 'The token may only write resources of its patient');
  const body = request.body as { resourceType?: unknown } | undefined;
  if (
    method !== 'DELETE' &&
    (typeof body?.resourceType !== 'string' || !visibleToPatient(body as { resourceType: string }, patientId))
  ) {
    throw outside;
  }
  if (access.kind === 'instance' && method !== 'POST') {
    let current: Resource | undefined;
    try {
      current = await repo.read(access.type as ResourceType, access.id);
    } catch {
      current = undefined; // update-as-create or already deleted: the body check above decides
    }
    if (current && !visibleToPatient(current, patientId)) {
      throw outside;
    }
  }
}

function authorize(request: FastifyRequest, principal: Principal, localStore: boolean): Restriction {
  const area = areaOf(request);
  if (area === 'api') {
    return authorizeApi(principal, apiPatient(request));
  }
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const access = classifyFhir(method, fhirSegments(request));
  const restriction = authorizeFhir(principal, access);
  if (access.kind === 'batch') {
    authorizeBatch(principal, batchEntries(request.body));
  }
  if (access.kind === 'type' && access.interaction === 's' && forceCompartment(request, access.type, restriction)) {
    // The local store applies _compartment itself, so its matches need no second check (a remote server may not).
    requestAuth(request).compartmentForced = localStore;
  }
  return restriction;
}

function isPublicFhir(request: FastifyRequest): boolean {
  const [first] = fhirSegments(request);
  return first === 'metadata' || first === '.well-known';
}

/**
 * Enforces SMART scopes on /fhir and /api (VITALIS_AUTH=smart): a valid Bearer token is required (401 with
 * WWW-Authenticate otherwise), its scopes must allow the interaction (403), and patient-level grants are confined to
 * their patient (searches are forced into the compartment; responses are filtered by the onSend hook).
 */
export function registerAuthEnforcement(app: FastifyInstance, runtime: AuthRuntime, repo: FhirRepository): void {
  app.addHook('onRequest', async (request, reply) => {
    const area = areaOf(request);
    if (area === undefined || (area === 'fhir' && isPublicFhir(request))) {
      return;
    }
    try {
      requestAuth(request).principal = await principalOf(runtime, request);
    } catch (err) {
      reply.header('www-authenticate', 'Bearer realm="vitalis", error="invalid_token"');
      throw err;
    }
  });

  app.addHook('preHandler', async (request) => {
    const state = requestAuth(request);
    if (!state.principal) {
      return;
    }
    state.restriction = authorize(request, state.principal, repo.capabilities.local);
    if (state.restriction.kind === 'patient' && areaOf(request) === 'fhir') {
      await checkPatientWrite(repo, request, state.restriction.patientId);
    }
  });
}
