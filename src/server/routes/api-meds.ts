import type { Resource } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { checkMedications, ordersFromCodes, ordersFromDrafts } from '../../meds/index.js';
import { buildPatientContext } from '../../patient/index.js';
import type { ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

const OrderCode = z.string().regex(/^(rxnorm:)?\d+$/i);
const QuerySchema = z.object({
  now: z.iso.datetime({ offset: true }).optional(),
  order: z.union([OrderCode, z.array(OrderCode)]).optional(),
});
const BodySchema = z
  .object({
    now: z.iso.datetime({ offset: true }).optional(),
    /** Orders as `rxnorm:CODE`. */
    orders: z.array(OrderCode).max(100).optional(),
    /** Draft MedicationRequest resources (as in CDS Hooks `draftOrders`). */
    draftOrders: z
      .array(z.object({ resourceType: z.literal('MedicationRequest') }).loose())
      .max(100)
      .optional(),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      `Invalid ${what}: ${paths} (orders are rxnorm:CODE, now an ISO date-time)`,
    );
  }
  return parsed.data;
}

/**
 * `GET /api/patients/:id/meds-check[?order=rxnorm:CODE&now=ISO]` and `POST` with
 * `{ now?, orders?: ["rxnorm:CODE"], draftOrders?: [MedicationRequest] }`: medication safety alerts.
 */
export function registerApiMedsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const run = async (request: FastifyRequest, input: z.infer<typeof BodySchema>): Promise<unknown> => {
    const id = idParam(request);
    const context = await buildPatientContext(deps.repo, id, input.now ? { now: new Date(input.now) } : {});
    const now = input.now ?? context.asOf;
    const coded = ordersFromCodes(input.orders ?? [], now);
    // Shape checked above (resourceType); fields are read defensively by ordersFromDrafts.
    const drafts = ordersFromDrafts((input.draftOrders ?? []) as unknown as Resource[], now);
    return checkMedications({
      context,
      orders: [...coded.orders, ...drafts.orders],
      unresolved: [...coded.unresolved, ...drafts.unresolved],
      now,
    });
  };
  defineRoute(app, '/api/patients/:id/meds-check', {
    GET: async (request, reply) => {
      const q = parse(QuerySchema, request.query, 'query');
      const orders = q.order === undefined ? [] : Array.isArray(q.order) ? q.order : [q.order];
      return reply.code(200).send(await run(request, { orders, ...(q.now ? { now: q.now } : {}) }));
    },
    POST: async (request, reply) => reply.code(200).send(await run(request, parse(BodySchema, request.body, 'body'))),
  });
}
