import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openRepository } from '../app/open-repository.js';
import { createFhirAuditTrail, createLogAuditTrail } from '../audit/index.js';
import type { AuditTrail } from '../audit/trail.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { FhirRepository } from '../fhir/repository.js';
import { buildApp } from './app.js';
import { renderBanner } from './banner.js';
import { seedDemoIfEmpty } from './seed.js';
import { loadSiteKnowledge } from './site-knowledge.js';

/** A listening server: the app, its URL and an idempotent graceful close (server first, then the store). */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Options for embedding (tests): where the banner goes and whether SIGINT/SIGTERM are handled. */
export interface StartOptions {
  /** Receives the start-up banner; defaults to stdout. */
  print?: (text: string) => void;
  /** Install SIGINT/SIGTERM handlers that close gracefully and exit (default true). */
  handleSignals?: boolean;
}

function listeningUrl(config: Config, app: FastifyInstance): string {
  if (config.baseUrl) {
    return config.baseUrl.replace(/\/+$/, '');
  }
  const address = app.server.address() as AddressInfo | null;
  const port = address?.port ?? config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function listen(
  config: Config,
  logger: Logger,
  { repo, audit }: { repo: FhirRepository; audit: AuditTrail },
): Promise<FastifyInstance> {
  await seedDemoIfEmpty(repo, config, logger);
  const app = await buildApp({ config, repo, logger, audit });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

/**
 * Opens the store the config selects (remote FHIR or SQL), seeds demo patients into an empty local store, listens on
 * config.host/port, prints a banner and shuts down gracefully on SIGINT/SIGTERM.
 */
export async function startServer(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const siteKnowledge = loadSiteKnowledge(config, logger);
  const repo = await openRepository(config, logger);
  // Audit records go to the chart store when it is writable, else to PHI-free log lines (docs/smart.md).
  const audit = repo.capabilities.write ? createFhirAuditTrail({ repo, logger }) : createLogAuditTrail(logger);
  let app: FastifyInstance;
  try {
    app = await listen(config, logger, { repo, audit });
  } catch (err) {
    await repo.close().catch(() => undefined);
    throw err;
  }
  const url = listeningUrl(config, app);
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info('shutting down', { signal });
    void close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  const onRejection = (reason: unknown): void => {
    logger.error('unhandled rejection', { errorName: reason instanceof Error ? reason.name : typeof reason });
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('unhandledRejection', onRejection);
      try {
        await app.close(); // stops accepting, lets in-flight requests finish
      } finally {
        await audit.flush();
        await repo.close();
      }
      logger.info('server stopped');
    })();
    return closing;
  };
  if (options.handleSignals ?? true) {
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  }
  process.on('unhandledRejection', onRejection);
  (options.print ?? ((text: string) => process.stdout.write(text)))(renderBanner(url, config, repo, siteKnowledge));
  logger.info('server listening', { url });
  return { app, url, close };
}
