import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';
import { infoOutcome } from '../../fhir/outcomes.js';
import type { ServerDeps } from '../deps.js';
import { fhirBaseUrl, sendFhir, setVersionHeaders } from '../fhir-reply.js';
import { parseIfMatch, parsePrefer } from '../negotiation.js';
import { header, idParam, resourceBody, typeParam, versionParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';
import { requireWritable, sendWriteResult } from '../write-reply.js';
import { historyOptions } from './history-options.js';

/** Instance-level FHIR interactions: read, update (as create), delete, vread and instance history. */
export function registerFhirInstanceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { repo, config } = deps;

  defineRoute(app, '/fhir/:type/:id', {
    GET: async (request, reply) => {
      const resource = await repo.read(typeParam(request), idParam(request));
      setVersionHeaders(reply, resource);
      return sendFhir(reply, 200, resource);
    },
    PUT: async (request, reply) => {
      requireWritable(repo);
      const type = typeParam(request);
      const id = idParam(request);
      const body = resourceBody(request, type);
      if (body.id !== id) {
        throw new AppError('VITALIS_BAD_REQUEST', 'Body id must be present and equal the id in the URL', {
          issues: [
            { severity: 'error', code: 'invalid', diagnostics: 'id does not match the URL', expression: ['id'] },
          ],
        });
      }
      const ifMatch = parseIfMatch(header(request, 'if-match'));
      const result = await repo.update(body, ifMatch === undefined ? {} : { ifMatch });
      return sendWriteResult(request, reply, result, fhirBaseUrl(config, request));
    },
    DELETE: async (request, reply) => {
      requireWritable(repo);
      await repo.delete(typeParam(request), idParam(request));
      if (parsePrefer(header(request, 'prefer')) === 'OperationOutcome') {
        return sendFhir(reply, 200, infoOutcome('Deleted', 'deleted'));
      }
      return sendFhir(reply, 204, undefined);
    },
  });

  defineRoute(app, '/fhir/:type/:id/_history', {
    GET: async (request, reply) => {
      const bundle = await repo.history(
        typeParam(request),
        idParam(request),
        historyOptions(request),
        fhirBaseUrl(config, request),
      );
      return sendFhir(reply, 200, bundle);
    },
  });

  defineRoute(app, '/fhir/:type/:id/_history/:vid', {
    GET: async (request, reply) => {
      const resource = await repo.vread(typeParam(request), idParam(request), versionParam(request));
      setVersionHeaders(reply, resource);
      return sendFhir(reply, 200, resource);
    },
  });
}
