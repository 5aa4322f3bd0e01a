import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createSqlRepository } from '../../adapters/fhir-sql/sql-repository.js';
import { openTestStore, type TestStore } from '../../adapters/fhir-sql/test-support/stores.js';
import type { AccessRecord, AuditTrail, ProvenanceRecord } from '../../audit/trail.js';
import type { CdsService } from '../../cds/index.js';
import { ConfigSchema, type ConfigInput } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import type { FhirRepository } from '../../fhir/repository.js';
import { buildApp } from '../app.js';

/** A test EHR: an ES384 key pair whose JWKS is served over loopback, and a signer of CDS Hooks JWTs. */
export interface TestEhr {
  issuer: string;
  jwksUrl: string;
  kid: string;
  privateKey: CryptoKey;
  /** Signs a CDS Hooks JWT for `aud`; `claims`/`header` override the defaults (iss, sub, iat, exp, jti, kid). */
  sign(
    aud: string,
    overrides?: { claims?: Record<string, unknown>; header?: Record<string, unknown> },
  ): Promise<string>;
  close(): Promise<void>;
}

/** Starts a test EHR identity: generated ES384 keys and a JWKS endpoint on 127.0.0.1. */
export async function startTestEhr(issuer = 'https://ehr.test/vitalis-sandbox'): Promise<TestEhr> {
  const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  const server: Server = createServer((req, res) => {
    res.writeHead(req.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.url === '/jwks.json' ? JSON.stringify({ keys: [jwk] }) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    kid,
    privateKey,
    async sign(aud, overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: issuer,
        sub: 'test-ehr-client',
        aud,
        iat: now,
        exp: now + 300,
        jti: randomUUID(),
        ...overrides.claims,
      };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES384', kid, typ: 'JWT', ...overrides.header })
        .sign(privateKey);
    },
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

/** An audit trail that keeps every record in memory. */
export function recordingAudit(): AuditTrail & { accesses: AccessRecord[]; provenances: ProvenanceRecord[] } {
  const accesses: AccessRecord[] = [];
  const provenances: ProvenanceRecord[] = [];
  return {
    accesses,
    provenances,
    access: (r) => {
      accesses.push(r);
    },
    provenance: (r) => {
      provenances.push(r);
    },
    flush: () => Promise.resolve(),
  };
}

/** A Vitalis server with CDS services on a fresh SQL store, plus its audit records and logs. */
export interface CdsTestServer {
  url: string;
  app: FastifyInstance;
  repo: FhirRepository;
  audit: ReturnType<typeof recordingAudit>;
  logs: string[];
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1 (random port) with the given config and CDS services (default: all of them). */
export async function startCdsServer(options: {
  store: TestStore['name'];
  config?: ConfigInput;
  services?: CdsService[];
}): Promise<CdsTestServer> {
  const store = await openTestStore(options.store);
  const repo = createSqlRepository(store.db);
  const config = ConfigSchema.parse({ dataDir: 'memory://', demoPatients: 0, ...options.config });
  const logs: string[] = [];
  const logger = createLogger('debug', (line) => logs.push(line));
  const audit = recordingAudit();
  const app = await buildApp({
    config,
    repo,
    logger,
    audit,
    ...(options.services ? { cdsServices: options.services } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    repo,
    audit,
    logs,
    close: async () => {
      await app.close();
      await store.cleanup();
    },
  };
}
