import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { defaultDdxEngine } from '../../ddx/index.js';
import { buildPatientContext } from '../../patient/index.js';
import type { ServerDeps } from '../deps.js';
import { defineRoute } from '../route-table.js';

const Common = {
  setting: z.enum(['primary-care', 'ed', 'general']).default('general'),
  limit: z.number().int().min(1).max(200).default(20),
  /** Condition ids to leave out of the differential (e.g. diagnoses already made). */
  exclude: z.array(z.string().max(200)).max(500).optional(),
};
const BodySchema = z.union([
  z.object({ patientId: z.string().min(1).max(200), ...Common }).strict(),
  z
    .object({
      text: z.string().min(1).max(100_000),
      age: z.number().min(0).max(130).nullable().optional(),
      sex: z.enum(['female', 'male']).nullable().optional(),
      ...Common,
    })
    .strict(),
]);

/** `POST /api/ddx` with `{patientId}` (findings read from the chart) or `{text, age?, sex?}`: the DdxResult contract. */
export function registerApiDdxRoutes(app: FastifyInstance, deps: ServerDeps): void {
  defineRoute(app, '/api/ddx', {
    POST: async (request, reply) => {
      const parsed = BodySchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        throw new AppError(
          'VITALIS_BAD_REQUEST',
          'body must be {"patientId"} or {"text","age"?,"sex"?: "female"|"male"}, with optional "setting" and "limit"',
        );
      }
      const body = parsed.data;
      const engine = defaultDdxEngine();
      const options = { setting: body.setting, limit: body.limit, ...(body.exclude ? { exclude: body.exclude } : {}) };
      if ('patientId' in body) {
        const context = await buildPatientContext(deps.repo, body.patientId);
        return reply.code(200).send(engine.diagnoseContext(context, options));
      }
      return reply.code(200).send(
        engine.diagnoseText(body.text, {
          ...options,
          ...(body.age === undefined || body.age === null ? {} : { age: body.age }),
          ...(body.sex ? { sex: body.sex } : {}),
        }),
      );
    },
  });
}
