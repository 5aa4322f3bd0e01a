import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../deps.js';
import { defineRoute } from '../route-table.js';

const READY_TIMEOUT_MS = 5_000;

/** Default readiness probe: a zero-count Patient search must succeed. */
export function storeReachable(deps: ServerDeps): () => Promise<boolean> {
  return async () => {
    await deps.repo.search({ resourceType: 'Patient', count: 0 });
    return true;
  };
}

async function withTimeout(probe: () => Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (`/healthz`, always 200 while the process serves) and readiness (`/readyz`, 503 when the store is down). */
export function registerHealthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const probe = deps.ready ?? storeReachable(deps);
  defineRoute(app, '/healthz', {
    GET: async (_request, reply) => reply.code(200).send({ status: 'ok' }),
  });
  defineRoute(app, '/readyz', {
    GET: async (_request, reply) => {
      const ready = await withTimeout(probe);
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
    },
  });
}
