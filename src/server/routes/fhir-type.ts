import { badParam, parseSearchQuery } from '../../fhir/search/index.js';
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../deps.js';
import { fhirBaseUrl, sendFhir } from '../fhir-reply.js';
import { header, resourceBody, typeParam } from '../request-input.js';
import { defineRoute, type Handler } from '../route-table.js';
import { requireWritable, sendWriteResult } from '../write-reply.js';
import { historyOptions } from './history-options.js';
import { searchInput } from './search-params.js';

/** The search part of an If-None-Exist header; clients also send `Type?query` or `?query`. */
function conditionalCriteria(type: ResourceType, headerValue: string): string {
  const m = /^\s*([A-Za-z]*)\?(.*)$/s.exec(headerValue);
  if (!m) {
    return headerValue;
  }
  if (m[1] !== '' && m[1] !== type) {
    throw badParam('If-None-Exist', 'If-None-Exist must search the resource type being created');
  }
  return m[2] ?? '';
}

/** Type-level FHIR interactions: search (GET and POST _search), create (conditional) and type history. */
export function registerFhirTypeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { repo, config } = deps;

  const search = (withForm: boolean): Handler => {
    return async (request, reply) => {
      const type: ResourceType = typeParam(request);
      const searchRequest = parseSearchQuery(type, searchInput(request, type, withForm));
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
      const rawCriteria = header(request, 'if-none-exist');
      const ifNoneExist = rawCriteria ? conditionalCriteria(type, rawCriteria) : undefined;
      const result = await repo.create(resource, ifNoneExist ? { ifNoneExist } : {});
      return sendWriteResult(request, reply, result, fhirBaseUrl(config, request));
    },
  });

  defineRoute(app, '/fhir/:type/_search', { GET: search(false), POST: search(true) });

  defineRoute(app, '/fhir/:type/_history', {
    GET: async (request, reply) => {
      const bundle = await repo.history(
        typeParam(request),
        undefined,
        historyOptions(request),
        fhirBaseUrl(config, request),
      );
      return sendFhir(reply, 200, bundle);
    },
  });
}
