import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { createRemoteRepository } from '../../adapters/fhir-http/index.js';
import { createCdsJwtAuthenticator } from '../../adapters/cds-jwt/index.js';
import { allCdsServices } from '../../app/cds-services.js';
import { publicBaseUrl } from '../../core/config.js';
import { AppError, isAppError } from '../../core/errors.js';
import {
  computeFeedbackStats,
  createCardLedger,
  createCdsRegistry,
  createMemoryFeedbackStore,
  createRepositoryFeedbackStore,
  invokeService,
  recordFeedback,
  type CdsAuthenticator,
  type CdsCaller,
  type EhrFhirFactory,
} from '../../cds/index.js';
import { SOFTWARE, type ServerDeps } from '../deps.js';
import { header } from '../request-input.js';
import { defineRoute } from '../route-table.js';
import { preflight, registerCdsCors } from './cds-cors.js';

// `cds-services/{id}` from an endpoint URL, as the audit trail names it.
function pathOf(endpoint: string): string {
  const at = endpoint.indexOf('/cds-services/');
  return at < 0 ? 'cds-services' : endpoint.slice(at + 1);
}

function serviceIdParam(request: FastifyRequest): string {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !/^[A-Za-z0-9._~-]{1,64}$/.test(id)) {
    throw new AppError('VITALIS_NOT_FOUND', 'No CDS service with this id; see GET /cds-services');
  }
  return id;
}

/** Opens the EHR's FHIR server for one call, with its `fhirAuthorization` bearer token. */
function ehrFactory(deps: ServerDeps): EhrFhirFactory {
  const logger = deps.logger;
  return ({ fhirServer, accessToken }) =>
    createRemoteRepository({
      baseUrl: fhirServer,
      auth: accessToken === undefined ? { kind: 'none' } : { kind: 'bearer', token: accessToken },
      timeoutMs: 10_000,
      retries: 1,
      logger,
    });
}

function methodNotAllowed(app: FastifyInstance, url: string, allowed: string[]): void {
  const all: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'];
  const allow = [...allowed, 'OPTIONS'].join(', ');
  app.route({
    method: all.filter((m) => !allowed.includes(m)),
    url,
    handler: async (_request, reply) => {
      reply.header('allow', allow);
      throw new AppError('VITALIS_METHOD_NOT_ALLOWED', `Method not allowed; use ${allow}`);
    },
  });
}

/**
 * CDS Hooks 2.0 at /cds-services: discovery, hook calls (JWT-authenticated, audited) and feedback, with CORS; plus
 * `GET /api/cds/feedback/stats` (override rates per service and card kind).
 */
export function registerCdsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const registry = createCdsRegistry(deps.cdsServices ?? allCdsServices());
  const auth: CdsAuthenticator = createCdsJwtAuthenticator({
    issuers: deps.config.cdsIssuers,
    allowUnauthenticated: deps.config.cdsAllowUnauthenticated,
  });
  const ledger = createCardLedger();
  const store = deps.repo.capabilities.write ? createRepositoryFeedbackStore(deps.repo) : createMemoryFeedbackStore();
  const ehr = ehrFactory(deps);
  const configuredBase = deps.config.baseUrl === undefined ? null : publicBaseUrl(deps.config);
  const baseOf = (request: FastifyRequest): string => configuredBase ?? `${request.protocol}://${request.host}`;

  const authenticate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    audiences: string[],
  ): Promise<CdsCaller> => {
    try {
      return await auth.authenticate({ authorization: header(request, 'authorization'), audiences });
    } catch (err) {
      if (isAppError(err, 'VITALIS_UNAUTHORIZED')) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        // A refused caller is recorded too (no patient: the body of an unauthenticated call is not trusted).
        deps.audit?.access({
          agent: { who: 'client:unverified' },
          action: 'execute',
          what: pathOf(audiences[0] ?? ''),
          outcome: 'failure',
          detail: err.code,
        });
      }
      throw err;
    }
  };

  registerCdsCors(app);
  app.route({
    method: 'GET',
    url: '/cds-services',
    handler: async (_request, reply) => reply.send(registry.discovery()),
  });
  app.route({ method: 'OPTIONS', url: '/cds-services', handler: preflight('GET') });
  methodNotAllowed(app, '/cds-services', ['GET', 'HEAD']);

  app.route({
    method: 'POST',
    url: '/cds-services/:id',
    handler: async (request, reply) => {
      const serviceId = serviceIdParam(request);
      const baseUrl = baseOf(request);
      if (!registry.get(serviceId)) {
        throw new AppError('VITALIS_NOT_FOUND', 'No CDS service with this id; see GET /cds-services');
      }
      const caller = await authenticate(request, reply, [`${baseUrl}/cds-services/${serviceId}`]);
      const response = await invokeService({
        registry,
        serviceId,
        body: request.body,
        baseUrl,
        caller,
        ehr,
        ledger,
        audit: deps.audit,
        defaultVersion: SOFTWARE.version,
      });
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(response));
    },
  });
  app.route({ method: 'OPTIONS', url: '/cds-services/:id', handler: preflight('POST') });
  methodNotAllowed(app, '/cds-services/:id', ['POST']);

  app.route({
    method: 'POST',
    url: '/cds-services/:id/feedback',
    handler: async (request, reply) => {
      const serviceId = serviceIdParam(request);
      const endpoint = `${baseOf(request)}/cds-services/${serviceId}`;
      if (!registry.get(serviceId)) {
        throw new AppError('VITALIS_NOT_FOUND', 'No CDS service with this id; see GET /cds-services');
      }
      const caller = await authenticate(request, reply, [endpoint, `${endpoint}/feedback`]);
      await recordFeedback({ registry, serviceId, body: request.body, caller, ledger, store });
      return reply.code(200).send();
    },
  });
  app.route({ method: 'OPTIONS', url: '/cds-services/:id/feedback', handler: preflight('POST') });
  methodNotAllowed(app, '/cds-services/:id/feedback', ['POST']);

  defineRoute(app, '/api/cds/feedback/stats', {
    GET: async (_request, reply) => reply.send({ ...computeFeedbackStats(await store.all()), durable: store.durable }),
  });
}
