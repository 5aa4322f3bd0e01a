import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// CORS for /cds-services (CDS Hooks 2.0 §Cross-Origin Resource Sharing): browser-based EHR sandboxes call the
// service from another origin, sending Authorization and Content-Type. The caller's Origin is echoed (credentials
// are allowed, so `*` cannot be used) and every CDS response varies on it.

const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, X-Request-Id';
const EXPOSE_HEADERS = 'Origin, Accept, Content-Location, Location, X-Requested-With, X-Request-Id, WWW-Authenticate';

/** True for the paths CORS applies to. */
export function isCdsPath(url: string): boolean {
  return url === '/cds-services' || url.startsWith('/cds-services/') || url.startsWith('/cds-services?');
}

function setCors(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  reply.header('vary', 'Origin');
  reply.header('access-control-allow-origin', typeof origin === 'string' && origin !== '' ? origin : '*');
  if (typeof origin === 'string' && origin !== '') {
    reply.header('access-control-allow-credentials', 'true');
  }
  reply.header('access-control-expose-headers', EXPOSE_HEADERS);
}

/** Adds the CORS headers to every /cds-services response, errors included. */
export function registerCdsCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isCdsPath(request.url)) {
      setCors(request, reply);
    }
  });
}

/** Answers a CORS preflight on a CDS URL: 204 with the allowed methods and headers (cached for a day). */
export function preflight(methods: string) {
  return async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    reply
      .code(204)
      .header('access-control-allow-methods', `${methods}, OPTIONS`)
      .header('access-control-allow-headers', ALLOW_HEADERS)
      .header('access-control-max-age', '86400')
      .header('allow', `${methods}, OPTIONS`)
      .send();
}
