import type { AuditTrail } from '../audit/trail.js';
import type { CdsService } from '../cds/contract.js';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { FhirRepository } from '../fhir/repository.js';

/** What the HTTP app needs: config, the chart store, a logger and an optional readiness probe. */
export interface ServerDeps {
  config: Config;
  repo: FhirRepository;
  logger: Logger;
  /** Readiness probe for /readyz; defaults to a cheap search against the store. */
  ready?: () => Promise<boolean>;
  /** Where access and provenance records go; defaults to none (set by startServer). */
  audit?: AuditTrail;
  /** CDS Hooks services offered at /cds-services; defaults to allCdsServices() (issue 3). */
  cdsServices?: CdsService[];
}

/** Software identity reported in the CapabilityStatement and /healthz. */
export const SOFTWARE = { name: 'Vitalis', version: '0.1.0' } as const;
