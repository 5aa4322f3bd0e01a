import Fastify, { type FastifyInstance } from 'fastify';
import { createDeidService } from '../deid/index.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { registerBodyParsers } from './body-parsers.js';
import { registerSmartAndAuth } from './auth-setup.js';
import { handleClientError } from './client-errors.js';
import type { ServerDeps } from './deps.js';
import { registerHooks, requestId, sendError } from './hooks.js';
import { llmDeidentifier } from './llm-deid.js';
import { normalizeRequestError } from './http-errors.js';
import { registerApiContextRoutes } from './routes/api-context.js';
import { registerApiDeidRoutes } from './routes/api-deid.js';
import { registerApiOpsRoutes } from './routes/api-ops.js';
import { registerApiDdxRoutes } from './routes/api-ddx.js';
import { registerApiDdxInteractiveRoutes } from './routes/api-ddx-interactive.js';
import { registerApiPatientRoutes } from './routes/api-patients.js';
import { registerApiScoreRoutes } from './routes/api-scores.js';
import { registerCdsRoutes } from './routes/cds-services.js';
import { registerApiLlmRoutes } from './routes/api-llm.js';
import { registerApiMedsRoutes } from './routes/api-meds.js';
import { registerFhirInstanceRoutes } from './routes/fhir-instance.js';
import { registerFhirSystemRoutes } from './routes/fhir-system.js';
import { registerFhirTypeRoutes } from './routes/fhir-type.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerHomeRoute } from './routes/home.js';
import { registerWebAppRoutes, webAppBuilt } from './routes/web-app.js';
import { registerApiWorkspaceRoutes } from './routes/api-workspace.js';

/** Builds the HTTP app (FHIR R4 REST at /fhir, JSON API at /api, health probes) as a value, not listening. */
export async function buildApp(deps: ServerDeps): Promise<FastifyInstance> {
  loadFhirDefinitions();
  const app = Fastify({
    logger: false,
    bodyLimit: deps.config.bodyLimit,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    clientErrorHandler: handleClientError,
    // Router-level failures (e.g. a malformed percent-encoding) bypass the error handler; render them the same way.
    frameworkErrors: (error, request, reply) => {
      void sendError(request, reply, normalizeRequestError(error));
    },
  });
  // One de-identification service (engine and mapping store) for the API and the LLM router.
  const deid = createDeidService(deps.config);
  registerBodyParsers(app);
  registerHooks(app, deps.logger);
  if (await webAppBuilt()) {
    registerWebAppRoutes(app);
  } else {
    registerHomeRoute(app);
  }
  registerHealthRoutes(app, deps);
  registerFhirSystemRoutes(app, deps);
  registerFhirTypeRoutes(app, deps);
  registerFhirInstanceRoutes(app, deps);
  registerApiPatientRoutes(app, deps);
  registerApiContextRoutes(app, deps);
  registerApiScoreRoutes(app, deps);
  // cds routes (issue 3)
  registerCdsRoutes(app, deps);
  // smart and auth routes (issue 3)
  await registerSmartAndAuth(app, deps);
  // ddx routes (issue 4)
  registerApiDdxRoutes(app, deps);
  registerApiDdxInteractiveRoutes(app, deps);
  // meds routes (issue 5)
  registerApiMedsRoutes(app, deps);
  // llm routes (issue 6)
  registerApiLlmRoutes(app, deps, { deidentifier: llmDeidentifier(deps, deid) });
  // deid routes (issue 7)
  registerApiDeidRoutes(app, deps, deid);
  // ops routes (issue 8)
  registerApiOpsRoutes(app, deps);
  // web app (issue 9)
  registerApiWorkspaceRoutes(app, deps);
  await app.ready();
  return app;
}
