import type { Resource } from '@medplum/fhirtypes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl, type Config } from '../core/config.js';
import { FHIR_JSON, httpDate } from './negotiation.js';

/**
 * The FHIR base URL for links in responses: the configured public base URL (VITALIS_BASE_URL) when set, else the
 * origin the client used (right behind port 0 or 0.0.0.0), else publicBaseUrl(config).
 */
export function fhirBaseUrl(config: Config, request: FastifyRequest): string {
  const host = request.host as string | undefined;
  const origin = config.baseUrl || !host ? publicBaseUrl(config) : `${request.protocol}://${host}`;
  return `${origin}/fhir`;
}

function wantsPretty(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  return query?.['_pretty'] === 'true';
}

/** Sends a FHIR JSON body with the FHIR content type (`_pretty=true` indents it), or no body when undefined. */
export function sendFhir(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  reply.code(status);
  if (body === undefined) {
    return reply.send();
  }
  const text = JSON.stringify(body, null, wantsPretty(reply.request) ? 2 : undefined);
  return reply.header('content-type', FHIR_JSON).send(text);
}

/** Sets ETag (W/"versionId") and Last-Modified from the resource's meta. */
export function setVersionHeaders(reply: FastifyReply, resource: Resource): FastifyReply {
  const versionId = resource.meta?.versionId;
  if (versionId !== undefined) {
    reply.header('etag', `W/"${versionId}"`);
  }
  const lastModified = httpDate(resource.meta?.lastUpdated);
  if (lastModified !== undefined) {
    reply.header('last-modified', lastModified);
  }
  return reply;
}

/** The Location of a stored version, relative to the FHIR base: `Type/id/_history/vid`. */
export function versionLocation(base: string, resource: Resource): string {
  const path = `${base}/${resource.resourceType}/${resource.id ?? ''}`;
  return resource.meta?.versionId === undefined ? path : `${path}/_history/${resource.meta.versionId}`;
}
