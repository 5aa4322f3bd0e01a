import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Logger } from '../core/logger.js';
import type { FhirRepository } from '../fhir/repository.js';
import { toAuditEvent, toProvenance } from './resources.js';
import type { AccessRecord, AuditTrail, ProvenanceRecord } from './trail.js';

/** Options of the stored audit trail. */
export interface FhirAuditTrailOptions {
  repo: FhirRepository;
  logger: Logger;
  /** Records written per batch Bundle (default 100). */
  batchSize?: number;
  /** Longest wait before a partial batch is written, in ms (default 250). */
  flushDelayMs?: number;
  /** Records waiting in memory (queued or being written) while the store is slow; beyond this new records are dropped
   *  and counted in an error log line (default 10000). */
  maxQueue?: number;
  /** Clock (tests). */
  now?: () => Date;
}

/**
 * An AuditTrail storing AuditEvent and Provenance resources in the chart store: records are queued in memory and written
 * in batch Bundles off the request path; a failed write is logged (ids and counts only) and never thrown to the caller.
 */
export function createFhirAuditTrail(options: FhirAuditTrailOptions): AuditTrail {
  const { repo, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const delay = options.flushDelayMs ?? 250;
  const maxQueue = options.maxQueue ?? 10_000;
  const now = options.now ?? ((): Date => new Date());
  let queue: Resource[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let dropped = 0;
  let inFlight = 0; // records handed to the store but not yet written

  const write = async (resources: Resource[]): Promise<void> => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: resources.map((resource) => ({ resource, request: { method: 'POST', url: resource.resourceType } })),
    };
    try {
      const result = await repo.processBundle(bundle);
      const failed = (result.entry ?? []).filter((e) => !(e.response?.status ?? '').startsWith('2'));
      if (failed.length > 0) {
        logger.warn('audit records rejected by the store', {
          failed: failed.length,
          total: resources.length,
          status: failed[0]?.response?.status ?? null,
        });
      }
    } catch (err) {
      logger.error('audit write failed', {
        records: resources.length,
        errorName: err instanceof Error ? err.name : typeof err,
        code: (err as { code?: unknown }).code === undefined ? null : String((err as { code?: unknown }).code),
      });
    }
  };

  const drain = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    while (queue.length > 0) {
      const chunk = queue.slice(0, batchSize);
      queue = queue.slice(batchSize);
      inFlight += chunk.length;
      writing = writing.then(async () => {
        await write(chunk);
        inFlight -= chunk.length;
      });
    }
    if (dropped > 0) {
      logger.error('audit queue full; records dropped', { dropped });
      dropped = 0;
    }
    return writing;
  };

  const enqueue = (build: () => Resource): void => {
    try {
      if (queue.length + inFlight >= maxQueue) {
        dropped += 1;
        return;
      }
      queue.push(build());
      if (queue.length >= batchSize) {
        void drain();
      } else {
        timer ??= setTimeout(() => void drain(), delay).unref();
      }
    } catch (err) {
      logger.error('audit record could not be built', { errorName: err instanceof Error ? err.name : typeof err });
    }
  };

  return {
    access: (record: AccessRecord) => {
      enqueue(() => toAuditEvent(record, now()));
    },
    provenance: (record: ProvenanceRecord) => {
      enqueue(() => toProvenance(record, now()));
    },
    flush: async () => {
      await drain();
      await writing;
    },
  };
}

/** An AuditTrail for stores Vitalis cannot write to: one PHI-free log line (ids only) per record. */
export function createLogAuditTrail(logger: Logger): AuditTrail {
  return {
    access: (r) => {
      logger.info('audit access', {
        action: r.action,
        who: r.agent.who,
        client: r.agent.clientId,
        patient: r.patient,
        patients: r.patients?.length,
        outcome: r.outcome,
      });
    },
    provenance: (r) => {
      logger.info('audit provenance', { engine: r.engine.id, version: r.engine.version, inputs: r.inputs.length });
    },
    flush: () => Promise.resolve(),
  };
}
