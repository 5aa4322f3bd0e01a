import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { defaultDdxEngine } from '../../ddx/index.js';
import { buildPatientContext } from '../../patient/index.js';
import type { ServerDeps } from '../deps.js';
import { defineRoute } from '../route-table.js';

const OverrideSchema = z.object({ id: z.string().min(1).max(200), present: z.boolean() }).strict();
const BodySchema = z
  .object({
    patientId: z.string().min(1).max(200),
    /** The clinician's findings: marked present or absent, they override what the chart says. */
    findings: z.array(OverrideSchema).max(200),
    setting: z.enum(['primary-care', 'ed', 'general']).default('general'),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();

const QuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(15),
});

/**
 * The interactive differential: `POST /api/ddx/patient` with `{patientId, findings:[{id,present}]}` re-ranks the chart's
 * differential with the clinician's findings (source `user`), and `GET /api/ddx/findings?q=` auto-completes finding
 * names from the knowledge base (labels and synonyms).
 */
export function registerApiDdxInteractiveRoutes(app: FastifyInstance, deps: ServerDeps): void {
  defineRoute(app, '/api/ddx/patient', {
    POST: async (request, reply) => {
      const parsed = BodySchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        throw new AppError(
          'VITALIS_BAD_REQUEST',
          'body must be {"patientId", "findings": [{"id", "present": true|false}]}',
        );
      }
      const { patientId, findings, setting, limit } = parsed.data;
      const engine = defaultDdxEngine();
      const unknown = findings.filter((f) => !engine.hasFinding(f.id)).map((f) => f.id);
      if (unknown.length > 0) {
        throw new AppError(
          'VITALIS_BAD_REQUEST',
          `Unknown finding ids: ${unknown.slice(0, 5).join(', ')} (use GET /api/ddx/findings?q=)`,
        );
      }
      const context = await buildPatientContext(deps.repo, patientId);
      const result = engine.diagnoseContext(context, { setting, limit, clinicianFindings: findings });
      return reply.code(200).send(result);
    },
  });
  defineRoute(app, '/api/ddx/findings', {
    GET: async (request, reply) => {
      const parsed = QuerySchema.safeParse(request.query);
      if (!parsed.success) throw new AppError('VITALIS_BAD_REQUEST', 'q (1-100 characters) is required');
      const q = parsed.data.q.toLowerCase();
      const scored = defaultDdxEngine()
        .kb.findings.map((f) => {
          const names = [f.label.toLowerCase(), ...f.synonyms.map((s) => s.toLowerCase())];
          const rank = names.some((n) => n.startsWith(q)) ? 0 : names.some((n) => n.includes(q)) ? 1 : -1;
          return { f, rank };
        })
        .filter((x) => x.rank >= 0)
        .sort((a, b) => a.rank - b.rank || a.f.label.length - b.f.label.length)
        .slice(0, parsed.data.limit);
      return reply.code(200).send({ findings: scored.map(({ f }) => ({ id: f.id, label: f.label, kind: f.kind })) });
    },
  });
}
