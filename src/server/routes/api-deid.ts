import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { createDeidService, deidentifyBundle, deidentifyResource, type DeidService } from '../../deid/index.js';
import type { ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

const DeidBody = z.object({
  text: z.string().min(1, 'text must not be empty'),
  mode: z.enum(['redact', 'tag', 'surrogate']).default('surrogate'),
  patientId: z
    .string()
    .regex(/^[A-Za-z0-9\-.]{1,64}$/)
    .optional(),
});
const ReidBody = z.object({ text: z.string(), mappingId: z.string() });
const DatesQuery = z.object({ dates: z.enum(['shift', 'year']).optional() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return r.data;
}

/**
 * `POST /api/deid` `{text, mode?, patientId?}` -> `{text, spans, mappingId?}`; `POST /api/deid/reidentify`
 * `{text, mappingId}` -> `{text}`; `POST /api/deid/fhir[?dates=shift|year]` de-identifies a resource or Bundle with the
 * Safe Harbor profile; `GET /api/deid/patients/:id` returns the patient's whole chart ($everything) de-identified.
 */
export function registerApiDeidRoutes(
  app: FastifyInstance,
  deps: ServerDeps,
  service: DeidService = createDeidService(deps.config),
): void {
  defineRoute(app, '/api/deid', {
    POST: async (request, reply) => {
      const body = parse(DeidBody, request.body);
      if (Buffer.byteLength(body.text, 'utf8') > deps.config.deidMaxTextBytes) {
        throw new AppError(
          'VITALIS_PAYLOAD_TOO_LARGE',
          'text is larger than VITALIS_DEID_MAX_TEXT_BYTES; use `vitalis deid FILE` (streamed)',
        );
      }
      if (body.text.includes('\u0000')) {
        throw new AppError('VITALIS_UNSUPPORTED_MEDIA_TYPE', 'text contains NUL characters (binary?); send UTF-8 text');
      }
      const patient = body.patientId ? await deps.repo.read<Patient>('Patient', body.patientId) : undefined;
      const r = await service.deidentify(body.text, { mode: body.mode, ...(patient ? { patient } : {}) });
      return reply.code(200).send(r);
    },
  });
  defineRoute(app, '/api/deid/reidentify', {
    POST: async (request, reply) => {
      const body = parse(ReidBody, request.body);
      return reply.code(200).send({ text: await service.reidentify(body.text, body.mappingId) });
    },
  });
  defineRoute(app, '/api/deid/fhir', {
    POST: async (request, reply) => {
      const { dates } = parse(DatesQuery, request.query);
      const body = request.body as Resource | undefined;
      if (!body || typeof body !== 'object' || typeof (body as { resourceType?: unknown }).resourceType !== 'string') {
        throw new AppError('VITALIS_BAD_REQUEST', 'Send a FHIR resource or Bundle (JSON with resourceType)');
      }
      const dateMode = dates ?? deps.config.deidDateMode;
      const out =
        body.resourceType === 'Bundle'
          ? await deidentifyBundle(service, body, { dateMode })
          : await deidentifyResource(service, body, { dateMode });
      return reply.code(200).send(out);
    },
  });
  defineRoute(app, '/api/deid/patients/:id', {
    GET: async (request, reply) => {
      const { dates } = parse(DatesQuery, request.query);
      const everything = await deps.repo.everything(idParam(request));
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: (everything.entry ?? []).map((e) => (e.resource ? { resource: e.resource } : {})),
      };
      return reply
        .code(200)
        .send(await deidentifyBundle(service, bundle, { dateMode: dates ?? deps.config.deidDateMode }));
    },
  });
}
