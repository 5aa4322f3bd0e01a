import { parseSearchQuery } from '../../fhir/search/index.js';
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { ServerDeps } from '../deps.js';
import { fhirBaseUrl, sendFhir } from '../fhir-reply.js';
import { mediaEssence } from '../negotiation.js';
import { header, queryRecord, resourceBody, typeParam } from '../request-input.js';
import { defineRoute, type Handler } from '../route-table.js';
import { requireWritable, sendWriteResult } from '../write-reply.js';
import { historyOptions } from './history-options.js';

/** Parameters that shape the HTTP response, not the search. */
const RESPONSE_PARAMS = new Set(['_format', '_pretty']);

const FORM = 'application/x-www-form-urlencoded';

function formBody(request: FastifyRequest): Record<string, string | string[]> {
  if (request.body === undefined || request.body === null) {
    return {};
  }
  const contentType = header(request, 'content-type');
  if (contentType === undefined || mediaEssence(contentType) !== FORM) {
    throw new AppError('VITALIS_UNSUPPORTED_MEDIA_TYPE', `POST _search takes ${FORM} parameters`);
  }
  return request.body as Record<string, string | string[]>;
}

/** Merges URL and form parameters (repeated keys accumulate) and drops the response-format ones. */
function searchParams(...sources: Record<string, string | string[]>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (!RESPONSE_PARAMS.has(key)) {
        out[key] = [...(out[key] ?? []), ...(Array.isArray(value) ? value : [value])];
      }
    }
  }
  return out;
}

function toSearchParams(params: Record<string, string[]>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, values] of Object.entries(params)) {
    for (const value of values) {
      out.append(key, value);
    }
  }
  return out;
}

/** Type-level FHIR interactions: search (GET and POST _search), create (conditional) and type history. */
export function registerFhirTypeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { repo, config } = deps;

  const search = (withForm: boolean): Handler => {
    return async (request, reply) => {
      const type: ResourceType = typeParam(request);
      const params = searchParams(queryRecord(request), withForm ? formBody(request) : {});
      const searchRequest = parseSearchQuery(type, toSearchParams(params));
      const bundle = await repo.search(searchRequest, fhirBaseUrl(config, request));
      return sendFhir(reply, 200, bundle);
    };
  };

  defineRoute(app, '/fhir/:type', {
    GET: search(false),
    POST: async (request, reply) => {
      requireWritable(repo);
      const type = typeParam(request);
      const resource: Resource = { ...resourceBody(request, type) };
      delete resource.id; // The server assigns the id of a created resource (R4 3.1.0.4).
      const ifNoneExist = header(request, 'if-none-exist');
      const result = await repo.create(resource, ifNoneExist ? { ifNoneExist } : {});
      return sendWriteResult(request, reply, result, fhirBaseUrl(config, request));
    },
  });

  defineRoute(app, '/fhir/:type/_search', { GET: search(false), POST: search(true) });

  defineRoute(app, '/fhir/:type/_history', {
    GET: async (request, reply) => {
      const bundle = await repo.history(typeParam(request), undefined, historyOptions(request));
      return sendFhir(reply, 200, bundle);
    },
  });
}
