import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { buildPatientContext } from '../../patient/index.js';
import { computeScores, parseScoreOptions } from '../../scores/index.js';
import type { ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

const QuerySchema = z.object({ now: z.iso.datetime({ offset: true }).optional() });

function queryNow(request: FastifyRequest): string | undefined {
  const parsed = QuerySchema.safeParse(request.query);
  if (!parsed.success) {
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      'now must be an ISO date-time with a time zone, e.g. 2026-06-01T12:00:00Z',
    );
  }
  return parsed.data.now;
}

/**
 * `GET /api/patients/:id/scores[?now=ISO]` computes every clinical score from the patient context;
 * `POST` takes `{ now?, extra? }` (clinician-entered inputs such as Wells items) in the body.
 */
export function registerApiScoreRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const run = async (id: string, input: unknown): Promise<unknown> => {
    const options = parseScoreOptions(input);
    const context = await buildPatientContext(deps.repo, id);
    return { patient: id, scores: computeScores(context, options) };
  };
  defineRoute(app, '/api/patients/:id/scores', {
    GET: async (request, reply) => {
      const now = queryNow(request);
      return reply.code(200).send(await run(idParam(request), now ? { now } : {}));
    },
    POST: async (request, reply) => reply.code(200).send(await run(idParam(request), request.body ?? {})),
  });
}
