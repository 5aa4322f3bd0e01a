import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createLlmRuntime, type LlmRuntime } from '../../adapters/llm-runtime/index.js';
import { NO_AUDIT } from '../../audit/trail.js';
import { AppError } from '../../core/errors.js';
import { DdxResultSchema, defaultDdxEngine } from '../../ddx/index.js';
import {
  ALL_TASKS,
  explainDifferential,
  extractFindings,
  LetterOptionsSchema,
  summarizePatient,
  writePatientLetter,
  type Deidentifier,
} from '../../llm/index.js';
import { buildPatientContext } from '../../patient/index.js';
import type { ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

const ENGINE = { id: 'vitalis-llm', version: '0.1.0' };

const SummaryBodySchema = z
  .object({ model: z.string().optional(), now: z.iso.datetime({ offset: true }).optional() })
  .strict();
const LetterBodySchema = LetterOptionsSchema.extend({ model: z.string().optional() }).strict();
const ExplainBodySchema = z.object({ result: DdxResultSchema, model: z.string().optional() }).strict();
const ExtractBodySchema = z.object({ text: z.string().min(1).max(100_000), model: z.string().optional() }).strict();

function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      `Invalid body: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`,
    );
  }
  return parsed.data;
}

const opt = (model: string | undefined): { model?: string } => (model === undefined ? {} : { model });

/**
 * LLM routes: `GET /api/models`, `POST /api/patients/:id/summary` (grounded summary + verification report),
 * `POST /api/patients/:id/letter`, `POST /api/patients/:id/ddx-explanation`, `POST /api/llm/ddx-explanation`, `POST /api/llm/extract`. Without a model each answers
 * `status: "no_model_configured"` with the labelled deterministic fallback.
 */
export function registerApiLlmRoutes(
  app: FastifyInstance,
  deps: ServerDeps,
  options: { deidentifier?: Deidentifier } = {},
): void {
  let runtime: LlmRuntime | null = null;
  const llm = (): LlmRuntime => (runtime ??= createLlmRuntime(deps.config, options));
  app.addHook('onClose', async () => {
    await runtime?.close();
  });
  const audit = deps.audit ?? NO_AUDIT;
  const agent = { who: 'system:vitalis-api' };

  defineRoute(app, '/api/models', {
    GET: async (_request, reply) => {
      const r = llm();
      return reply.send({ models: r.models, routing: r.router.table(ALL_TASKS), usage: r.usage() });
    },
  });

  const summary = async (request: FastifyRequest, body: z.infer<typeof SummaryBodySchema>): Promise<unknown> => {
    const id = idParam(request);
    const ctx = await buildPatientContext(deps.repo, id, body.now ? { now: new Date(body.now) } : {});
    audit.access({
      agent,
      patient: `Patient/${id}`,
      action: 'execute',
      what: 'api/patients/summary',
      outcome: 'success',
    });
    const result = await summarizePatient(llm().router, ctx, opt(body.model));
    const shown = result.summary ?? result.fallback?.summary;
    audit.provenance({
      agent,
      engine: { id: `${ENGINE.id}:${result.model ?? 'template'}`, version: ENGINE.version },
      inputs: [...new Set(shown?.sentences.flatMap((s) => s.citations) ?? [])],
      target: `llm-summary/${randomUUID()}`,
      patient: `Patient/${id}`,
    });
    return result;
  };
  defineRoute(app, '/api/patients/:id/summary', {
    GET: async (request, reply) => reply.send(await summary(request, parseBody(SummaryBodySchema, request.query))),
    POST: async (request, reply) => reply.send(await summary(request, parseBody(SummaryBodySchema, request.body))),
  });

  defineRoute(app, '/api/patients/:id/letter', {
    POST: async (request, reply) => {
      const id = idParam(request);
      const { model, ...letterOptions } = parseBody(LetterBodySchema, request.body);
      const ctx = await buildPatientContext(deps.repo, id);
      audit.access({
        agent,
        patient: `Patient/${id}`,
        action: 'execute',
        what: 'api/patients/letter',
        outcome: 'success',
      });
      const result = await writePatientLetter(llm().router, ctx, { options: letterOptions, call: opt(model) });
      audit.provenance({
        agent,
        engine: { id: `${ENGINE.id}:${result.model ?? 'template'}`, version: ENGINE.version },
        inputs: [`Patient/${id}`],
        target: `llm-letter/${randomUUID()}`,
        patient: `Patient/${id}`,
      });
      return reply.send(result);
    },
  });

  defineRoute(app, '/api/patients/:id/ddx-explanation', {
    POST: async (request, reply) => {
      const id = idParam(request);
      const body = parseBody(SummaryBodySchema, request.body);
      const ctx = await buildPatientContext(deps.repo, id, body.now ? { now: new Date(body.now) } : {});
      audit.access({
        agent,
        patient: `Patient/${id}`,
        action: 'execute',
        what: 'api/patients/ddx-explanation',
        outcome: 'success',
      });
      const differential = defaultDdxEngine().diagnoseContext(ctx);
      const explanation = await explainDifferential(llm().router, differential, opt(body.model));
      return reply.send({ patient: id, differential, explanation });
    },
  });

  defineRoute(app, '/api/llm/ddx-explanation', {
    POST: async (request, reply) => {
      const body = parseBody(ExplainBodySchema, request.body);
      return reply.send(await explainDifferential(llm().router, body.result, opt(body.model)));
    },
  });

  defineRoute(app, '/api/llm/extract', {
    POST: async (request, reply) => {
      const body = parseBody(ExtractBodySchema, request.body);
      const engine = defaultDdxEngine();
      const vocabulary = engine.kb.findings.map((f) => ({ id: f.id, label: f.label }));
      return reply.send(
        await extractFindings(body.text, {
          router: llm().router,
          vocabulary,
          fallback: engine.recognizer,
          ...opt(body.model),
        }),
      );
    },
  });
}
