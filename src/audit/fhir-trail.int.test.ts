import type { AuditEvent, Provenance } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { createLogger } from '../core/logger.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import type { FhirRepository } from '../fhir/repository.js';
import { parseSearchQuery } from '../fhir/search/index.js';
import { createFhirAuditTrail } from './fhir-trail.js';

loadFhirDefinitions();

describe.each(testStoreNames())('stored audit trail (%s)', (storeName) => {
  let store: TestStore;
  let repo: FhirRepository;

  beforeAll(async () => {
    store = await openTestStore(storeName);
    repo = createSqlRepository(store.db);
  });

  afterAll(async () => {
    await store.cleanup();
  });

  it('stores AuditEvents in batches, indexed by the AuditEvent patient search parameter', async () => {
    const lines: string[] = [];
    const trail = createFhirAuditTrail({ repo, logger: createLogger('debug', (l) => lines.push(l)), batchSize: 3 });
    for (let i = 0; i < 7; i++) {
      trail.access({
        agent: { who: 'Practitioner/7', clientId: 'ehr' },
        patient: i % 2 === 0 ? 'pa' : 'Patient/pb',
        action: 'read',
        what: `Observation/o${String(i)}`,
        purpose: 'TREAT',
        outcome: 'success',
      });
    }
    await trail.flush();
    const byPatient = await repo.search<AuditEvent>(
      parseSearchQuery('AuditEvent', new URLSearchParams({ patient: 'pa' })) as never,
    );
    expect(byPatient.total).toBe(4);
    const event = byPatient.entry?.[0]?.resource;
    expect(event?.agent?.map((a) => a.who?.reference ?? a.who?.identifier?.value)).toEqual(['Practitioner/7', 'ehr']);
    expect(event?.entity?.[1]?.what?.reference).toMatch(/^Observation\/o\d$/);
    expect(lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  it('stores Provenance for generated outputs with the engine, its version and its inputs', async () => {
    const trail = createFhirAuditTrail({ repo, logger: createLogger('silent') });
    trail.provenance({
      agent: { who: 'client:ehr', clientId: 'ehr' },
      engine: { id: 'vitalis-meds', version: '1.2.0' },
      inputs: ['MedicationRequest/m1/_history/2', 'fact-17'],
      target: 'cds-card/6a0d',
      patient: 'pa',
    });
    await trail.flush();
    const found = await repo.search<Provenance>(
      parseSearchQuery('Provenance', new URLSearchParams({ entity: 'Patient/pa' })) as never,
    );
    const prov = found.entry?.[0]?.resource;
    expect(prov?.target[0]?.identifier?.value).toBe('cds-card/6a0d');
    expect(prov?.agent[0]?.who?.display).toBe('vitalis-meds@1.2.0');
    expect(prov?.entity?.map((e) => e.what.reference ?? e.what.identifier?.value)).toEqual([
      'Patient/pa',
      'MedicationRequest/m1/_history/2',
      'fact-17',
    ]);
  });

  it('never throws into the caller when the store fails, and logs without PHI', async () => {
    const lines: string[] = [];
    const broken: FhirRepository = {
      ...repo,
      processBundle: () => Promise.reject(new Error('Smith, John: disk full')),
    };
    const trail = createFhirAuditTrail({ repo: broken, logger: createLogger('debug', (l) => lines.push(l)) });
    expect(() => {
      trail.access({ agent: { who: 'anonymous' }, action: 'search', what: 'Patient?name', outcome: 'success' });
    }).not.toThrow();
    await expect(trail.flush()).resolves.toBeUndefined();
    expect(lines.join('\n')).toContain('audit write failed');
    expect(lines.join('\n')).not.toContain('Smith');
  });

  it('drops and counts records beyond the queue bound instead of growing without limit', async () => {
    const lines: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: FhirRepository = { ...repo, processBundle: async (b) => (await gate, repo.processBundle(b)) };
    const trail = createFhirAuditTrail({
      repo: slow,
      logger: createLogger('debug', (l) => lines.push(l)),
      batchSize: 2,
      maxQueue: 2,
    });
    for (let i = 0; i < 5; i++) {
      trail.access({ agent: { who: 'anonymous' }, action: 'read', what: 'Patient/x', outcome: 'success' });
    }
    release();
    await trail.flush();
    expect(lines.join('\n')).toContain('"dropped"');
  });
});
