import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { SolveJobService, type SolveKind } from '../../ops/jobs/index.js';
import type { ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

const SubmitSchema = z.object({
  /** The problem: the file's text, or the JSON document itself. */
  problem: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.-]+$/)
    .default('problem'),
  timeLimitSeconds: z.number().positive().max(3600).default(60),
});

function parseSubmit(body: unknown): z.infer<typeof SubmitSchema> {
  const parsed = SubmitSchema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      `Invalid solve request at ${where}: send {"problem", "name"?, "timeLimitSeconds"?}`,
    );
  }
  return parsed.data;
}

/**
 * Operations research jobs: `POST /api/ops/roster` and `POST /api/ops/ihtc` start a solve in a worker thread (202 with
 * the job and its Location); `GET /api/ops/{kind}/{id}` reports progress and the verified result; `DELETE` cancels.
 */
export function registerApiOpsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const jobs = new SolveJobService(deps.repo, deps.logger);
  app.addHook('onClose', async () => jobs.close());
  for (const kind of ['roster', 'ihtc'] as const satisfies readonly SolveKind[]) {
    defineRoute(app, `/api/ops/${kind}`, {
      POST: async (request, reply) => {
        const input = parseSubmit(request.body);
        const problem = typeof input.problem === 'string' ? input.problem : JSON.stringify(input.problem);
        const job = await jobs.submit({ kind, problem, name: input.name, timeLimitSeconds: input.timeLimitSeconds });
        return reply.code(202).header('location', `/api/ops/${kind}/${job.id}`).send(job);
      },
    });
    defineRoute(app, `/api/ops/${kind}/:id`, {
      GET: async (request, reply) => reply.code(200).send(await jobs.get(idParam(request), kind)),
      DELETE: async (request, reply) => {
        const id = idParam(request);
        await jobs.get(id, kind);
        return reply.code(202).send({ id, cancelling: jobs.cancel(id) });
      },
    });
  }
}
