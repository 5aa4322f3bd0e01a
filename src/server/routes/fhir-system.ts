import type { Bundle, CapabilityStatement } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { buildCapabilityStatement } from '../../fhir/capability.js';
import { SOFTWARE, type ServerDeps } from '../deps.js';
import { fhirBaseUrl, sendFhir } from '../fhir-reply.js';
import { idParam, resourceBody } from '../request-input.js';
import { defineRoute } from '../route-table.js';
import { requireWritable } from '../write-reply.js';

const EntriesShape = z.object({
  entry: z.array(z.looseObject({ request: z.looseObject({}).optional() })).optional(),
});

/** Bundle.entry must be an array of objects with an object `request` (a null entry used to fail with 500). */
function assertEntryShape(bundle: Bundle): void {
  const parsed = EntriesShape.safeParse(bundle);
  if (!parsed.success) {
    const path = (parsed.error.issues[0]?.path ?? ['entry'])
      .map((k) => (typeof k === 'number' ? `[${String(k)}]` : `.${String(k)}`))
      .join('');
    throw new AppError('VITALIS_BAD_REQUEST', 'Bundle.entry must be a list of entry objects', {
      issues: [
        { severity: 'error', code: 'structure', diagnostics: 'Invalid Bundle entry', expression: [`Bundle${path}`] },
      ],
    });
  }
}

/** System-level FHIR interactions: metadata, batch/transaction, and Patient/$everything. */
export function registerFhirSystemRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { repo, config } = deps;
  let capability: CapabilityStatement | undefined;

  defineRoute(app, '/fhir/metadata', {
    GET: async (request, reply) => {
      capability ??= buildCapabilityStatement({ capabilities: repo.capabilities, software: SOFTWARE });
      const url = fhirBaseUrl(config, request);
      return sendFhir(reply, 200, { ...capability, implementation: { ...capability.implementation, url } });
    },
  });

  defineRoute(app, '/fhir', {
    POST: async (request, reply) => {
      const body = resourceBody(request);
      const bundle = body as Bundle;
      if (bundle.resourceType !== 'Bundle' || (bundle.type !== 'batch' && bundle.type !== 'transaction')) {
        throw new AppError('VITALIS_BAD_REQUEST', 'POST /fhir takes a Bundle of type batch or transaction', {
          issues: [
            {
              severity: 'error',
              code: 'invalid',
              diagnostics: 'Expected Bundle.type batch or transaction',
              expression: [bundle.resourceType === 'Bundle' ? 'Bundle.type' : 'resourceType'],
            },
          ],
        });
      }
      assertEntryShape(bundle);
      if (bundle.type === 'transaction') {
        requireWritable(repo);
      }
      const result = await repo.processBundle(bundle, fhirBaseUrl(config, request));
      return sendFhir(reply, 200, result);
    },
  });

  defineRoute(app, '/fhir/Patient/:id/$everything', {
    GET: async (request, reply) => {
      const bundle = await repo.everything(idParam(request), fhirBaseUrl(config, request));
      return sendFhir(reply, 200, bundle);
    },
  });
}
