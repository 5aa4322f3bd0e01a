import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayReadType, visibleToPatient, type Principal, type Restriction } from '../auth/index.js';
import { AppError } from '../core/errors.js';
import { errorToOutcome } from '../fhir/outcomes.js';
import { areaOf, pathOf, requestAuth } from './auth-state.js';

const FILTERED_BUNDLES: ReadonlySet<string> = new Set(['searchset', 'history', 'collection']);

function visible(resource: Resource, principal: Principal, restriction: Restriction): boolean {
  if (!mayReadType(principal, resource.resourceType)) {
    return resource.resourceType === 'OperationOutcome';
  }
  return restriction.kind === 'none' || visibleToPatient(resource, restriction.patientId);
}

function forbidden(request: FastifyRequest, reply: FastifyReply, message: string): string {
  const err = new AppError('VITALIS_FORBIDDEN', message);
  reply.code(err.status);
  reply.removeHeader('etag');
  reply.removeHeader('last-modified');
  reply.removeHeader('location');
  requestAuth(request).patients = [];
  return JSON.stringify(errorToOutcome(err));
}

function filterFhir(request: FastifyRequest, reply: FastifyReply, body: unknown): string | undefined {
  const { principal, restriction, compartmentForced } = requestAuth(request);
  if (!principal || typeof body !== 'object' || body === null) {
    return undefined;
  }
  const resource = body as Resource;
  if (resource.resourceType === 'Bundle') {
    const bundle: Bundle = resource;
    if (!FILTERED_BUNDLES.has(bundle.type ?? '')) {
      return undefined;
    }
    const entries = bundle.entry ?? [];
    const kept = entries.filter((e) => {
      if (!e.resource) {
        return true;
      }
      if (compartmentForced === true && e.search?.mode === 'match') {
        // Matches of a search the store confined to the compartment; _elements may have dropped the reference.
        return mayReadType(principal, e.resource.resourceType);
      }
      return visible(e.resource, principal, restriction);
    });
    return kept.length === entries.length ? undefined : JSON.stringify({ ...bundle, entry: kept });
  }
  if (typeof resource.resourceType === 'string' && !visible(resource, principal, restriction)) {
    return forbidden(request, reply, 'The resource is outside what the token may read');
  }
  return undefined;
}

const PATIENT_REF = /Patient\/([A-Za-z0-9\-.]{1,64})/g;

function filterApi(request: FastifyRequest, reply: FastifyReply, text: string, body: unknown): string | undefined {
  const { restriction } = requestAuth(request);
  if (restriction.kind !== 'patient') {
    return undefined;
  }
  if (pathOf(request) === '/api/patients' && typeof body === 'object' && body !== null && 'patients' in body) {
    const list = body.patients;
    if (Array.isArray(list)) {
      const kept = list.filter((p: unknown) => (p as { id?: unknown }).id === restriction.patientId);
      return JSON.stringify({ ...body, patients: kept });
    }
  }
  for (const m of text.matchAll(PATIENT_REF)) {
    if (m[1] !== restriction.patientId) {
      return forbidden(request, reply, 'The response concerns another patient than the token allows');
    }
  }
  return undefined;
}

/**
 * Filters successful JSON responses of /fhir and /api for the request's grant: Bundle entries (matches, _include,
 * $everything) outside the grant are dropped, and a single resource outside it becomes a 403.
 */
export function registerAuthFilter(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const area = areaOf(request);
    const { principal } = requestAuth(request);
    if (area === undefined || !principal || reply.statusCode >= 300 || typeof payload !== 'string' || payload === '') {
      return payload;
    }
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    const replaced = area === 'fhir' ? filterFhir(request, reply, body) : filterApi(request, reply, payload, body);
    return replaced ?? payload;
  });
}
