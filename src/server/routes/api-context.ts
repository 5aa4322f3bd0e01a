import type { FastifyInstance } from 'fastify';
import { buildPatientContext } from '../../patient/index.js';
import type { ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

/** `GET /api/patients/:id/context`: the engine-facing PatientContext of one patient (404 when unknown). */
export function registerApiContextRoutes(app: FastifyInstance, deps: ServerDeps): void {
  defineRoute(app, '/api/patients/:id/context', {
    GET: async (request, reply) => {
      const context = await buildPatientContext(deps.repo, idParam(request));
      return reply.code(200).send(context);
    },
  });
}
