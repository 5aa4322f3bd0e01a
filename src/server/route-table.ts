import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { AppError } from '../core/errors.js';

/** A route handler; it sends the reply itself and resolves to it. */
export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

const ALL_METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/**
 * Registers the handlers of one URL pattern and answers every other method on it with 405 and an Allow header,
 * so a wrong method is told apart from an unknown route (404).
 */
export function defineRoute(app: FastifyInstance, url: string, handlers: Partial<Record<Method, Handler>>): void {
  const allowed = ALL_METHODS.filter((m) => handlers[m] !== undefined);
  for (const method of allowed) {
    const handler = handlers[method];
    if (handler) {
      app.route({ method, url, handler });
    }
  }
  const allowHeader = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ');
  const rejected: HTTPMethods[] = [
    ...ALL_METHODS.filter((m) => !allowed.includes(m)),
    'OPTIONS',
    ...(allowed.includes('GET') ? [] : (['HEAD'] as const)),
  ];
  app.route({
    method: rejected,
    url,
    handler: async (_request, reply) => {
      reply.header('allow', allowHeader);
      throw new AppError('VITALIS_METHOD_NOT_ALLOWED', `Method not allowed; use ${allowHeader}`);
    },
  });
}
