import type { FastifyInstance } from 'fastify';
import {
  createTokenService,
  generateAuthKeys,
  loadAuthKeys,
  loadClients,
  ReplayCache,
  type AuthKeys,
} from '../auth/index.js';
import { isAppError } from '../core/errors.js';
import { registerAuditHooks } from './auth-audit.js';
import { registerAuthEnforcement } from './auth-enforce.js';
import { registerAuthFilter } from './auth-filter.js';
import type { AuthRuntime } from './auth-state.js';
import type { ServerDeps } from './deps.js';
import { registerAuthAuthorizeRoutes } from './routes/auth-authorize.js';
import { registerAuthTokenRoutes } from './routes/auth-token.js';
import { registerSmartClientRoutes } from './routes/smart-client.js';
import { registerSmartConfigRoutes } from './routes/smart-config.js';

/** Builds the auth runtime: the signing key (generated into the data dir at first start), clients and caches. */
export async function createAuthRuntime(deps: Pick<ServerDeps, 'config' | 'logger'>): Promise<AuthRuntime> {
  const { config } = deps;
  let keys: AuthKeys;
  try {
    keys = await loadAuthKeys({ signingKey: config.authSigningKey, dataDir: config.dataDir });
  } catch (err) {
    if (config.auth === 'smart' || isAppError(err)) {
      throw err;
    }
    // Without enforcement the key only seals the SMART client's cookies: a read-only data dir must not stop the server.
    deps.logger.warn('auth signing key not stored; using an ephemeral key', {
      errorName: err instanceof Error ? err.name : typeof err,
    });
    keys = await generateAuthKeys();
  }
  return {
    config,
    keys,
    tokens: createTokenService(keys),
    clients: loadClients(config.authClients),
    replay: new ReplayCache(),
  };
}

/**
 * Registers SMART and audit: the SMART client routes (/smart/*) always; with VITALIS_AUTH=smart the SMART server
 * (discovery, /auth/authorize, /auth/token, JWKS) and scope enforcement on /fhir and /api; and the audit hooks when
 * deps.audit is set.
 */
export async function registerSmartAndAuth(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const runtime = await createAuthRuntime(deps);
  registerSmartClientRoutes(app, runtime, deps.logger);
  if (deps.config.auth === 'smart') {
    registerSmartConfigRoutes(app, runtime);
    registerAuthAuthorizeRoutes(app, runtime, deps.repo);
    registerAuthTokenRoutes(app, runtime);
    registerAuthEnforcement(app, runtime, deps.repo);
    registerAuthFilter(app);
  }
  if (deps.audit) {
    registerAuditHooks(app, deps.audit);
  }
}
