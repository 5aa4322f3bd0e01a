import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { errorToOutcome } from '../fhir/outcomes.js';
import { describeCause, normalizeRequestError } from './http-errors.js';
import { assertJsonAcceptable, FHIR_JSON } from './negotiation.js';
import { header } from './request-input.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request id: the caller's X-Request-Id when well-formed, else a fresh UUID. */
export function requestId(raw: { headers: Record<string, string | string[] | undefined> }): string {
  const given = raw.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

function routePattern(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(no route)';
}

function isFhirRequest(request: FastifyRequest): boolean {
  return request.url === '/fhir' || request.url.startsWith('/fhir/') || request.url.startsWith('/fhir?');
}

/** Renders an error as an OperationOutcome with its status; FHIR routes use the FHIR content type. */
export function sendError(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const contentType = isFhirRequest(request) ? FHIR_JSON : 'application/json; charset=utf-8';
  return reply
    .code(err.status)
    .header('content-type', contentType)
    .send(JSON.stringify(errorToOutcome(err)));
}

/**
 * Installs request ids, one PHI-free log line per request (method, route pattern, status, duration, id), JSON content
 * negotiation on /fhir, and the error and not-found handlers that turn everything into an OperationOutcome.
 */
export function registerHooks(app: FastifyInstance, logger: Logger): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (isFhirRequest(request)) {
      const query = request.query as Record<string, unknown> | undefined;
      const format = query?.['_format'];
      assertJsonAcceptable(header(request, 'accept'), typeof format === 'string' ? format : undefined);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    logger.info('request', {
      reqId: request.id,
      method: request.method,
      route: routePattern(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    });
  });

  app.setErrorHandler(async (error: unknown, request, reply) => {
    const err = normalizeRequestError(error);
    if (err.status >= 500) {
      logger.error('request failed', {
        reqId: request.id,
        method: request.method,
        route: routePattern(request),
        code: err.code,
        ...describeCause(err),
      });
    }
    return sendError(request, reply, err);
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendError(request, reply, new AppError('VITALIS_NOT_FOUND', 'Unknown route')),
  );
}
