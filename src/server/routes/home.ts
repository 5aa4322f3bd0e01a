import type { FastifyInstance } from 'fastify';
import { SOFTWARE } from '../deps.js';
import { defineRoute } from '../route-table.js';

const LINKS: readonly [string, string][] = [
  ['/fhir/metadata', 'FHIR R4 CapabilityStatement'],
  ['/fhir/Patient?_count=20', 'FHIR R4 API: patients'],
  ['/api/patients', 'Patient list (JSON)'],
  ['/healthz', 'Liveness'],
  ['/readyz', 'Readiness (store reachable)'],
];

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${SOFTWARE.name}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5}code{background:#eee;padding:0 .3em}</style>
</head><body>
<h1>${SOFTWARE.name} ${SOFTWARE.version}</h1>
<p>EHR-native clinical AI platform. The web workspace is not built in this checkout: run <code>npm run build</code> (or <code>npm start</code>), then reload. The endpoints:</p>
<ul>
${LINKS.map(([href, label]) => `<li><a href="${href}"><code>${href}</code></a> ${label}</li>`).join('\n')}
</ul>
</body></html>
`;

/** `GET /` when the workspace is not built: a small HTML page that says how to build it and links to the endpoints. */
export function registerHomeRoute(app: FastifyInstance): void {
  defineRoute(app, '/', {
    GET: async (_request, reply) => reply.code(200).header('content-type', 'text/html; charset=utf-8').send(PAGE),
  });
}
