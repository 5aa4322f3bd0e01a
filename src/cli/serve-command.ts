import type { Command } from 'commander';
import { createLogger } from '../core/logger.js';
import { startServer } from '../server/start.js';
import { configFromFlags, withStoreOptions } from './options.js';

/** `vitalis serve`: the HTTP server with FHIR API, /api and UI (what `npm start` runs). */
export function registerServeCommand(program: Command): void {
  withStoreOptions(
    program
      .command('serve')
      .description('run the server: FHIR R4 API at /fhir, JSON API at /api, health at /healthz and /readyz')
      .option('-p, --port <port>', 'port to listen on (PORT, default 8080)')
      .option('--host <host>', 'interface to bind (VITALIS_HOST, default 127.0.0.1; 0.0.0.0 for all)')
      .option('--base-url <url>', 'public base URL used in links (VITALIS_BASE_URL)')
      .option(
        '--demo-patients <n>',
        'demo patients to seed into an empty local store (VITALIS_DEMO_PATIENTS, default 20; 0 = none)',
      )
      .option('--demo-seed <n>', 'seed of the demo generator (VITALIS_DEMO_SEED, default 42)')
      .option('--body-limit <bytes>', 'largest accepted request body (VITALIS_BODY_LIMIT, default 33554432)')
      .option(
        '--cds-allow-unauthenticated',
        'DEVELOPMENT ONLY: accept CDS Hooks calls without a JWT (VITALIS_CDS_ALLOW_UNAUTHENTICATED=1)',
      ),
  ).action(async (opts: Record<string, unknown>) => {
    const parsed = configFromFlags(opts);
    const config = opts['cdsAllowUnauthenticated'] === true ? { ...parsed, cdsAllowUnauthenticated: true } : parsed;
    const logger = createLogger(config.logLevel);
    await startServer(config, logger);
  });
}
