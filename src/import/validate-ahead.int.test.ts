import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository, type SqlFhirRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { importPaths } from './index.js';

const ndjson = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe.each(testStoreNames())('importPaths validating ahead in a worker on %s', (storeName) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  let dir: string;

  beforeAll(async () => {
    loadFhirDefinitions();
    store = await openTestStore(storeName);
    repo = createSqlRepository(store.db);
    dir = await mkdtemp(join(tmpdir(), 'vitalis-ahead-'));
  });

  afterAll(async () => {
    await repo.close();
    await store.cleanup().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('still rejects invalid resources and stores the valid ones, across units', { timeout: 60_000 }, async () => {
    const lines = ndjson([
      { resourceType: 'Patient', id: 'va-p1', gender: 'female' },
      { resourceType: 'Observation', id: 'va-o1', code: { text: 'no status' } },
      { resourceType: 'Patient', id: 'va-p2', nickname: 'x' },
      { resourceType: 'Patient', id: 'va-p3', gender: 'male' },
    ]);
    await writeFile(join(dir, 'a.ndjson'), lines);
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:5f0c1a2e-0000-4000-8000-00000000a001',
          resource: { resourceType: 'Patient', gender: 'other' },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'weight' },
            subject: { reference: 'urn:uuid:5f0c1a2e-0000-4000-8000-00000000a001' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    await writeFile(join(dir, 'b.json'), JSON.stringify(tx));
    const incomplete = { resourceType: 'Observation' } as Observation; // no status, no code
    const bad: Bundle = { ...tx, entry: [{ ...tx.entry?.[1], resource: incomplete }] };
    await writeFile(join(dir, 'c.json'), JSON.stringify(bad));

    const summary = await importPaths(repo, [dir], { validateAhead: true, batchSize: 2 });
    expect(summary).toMatchObject({ files: 3, resourcesRead: 7, created: 4, rejected: 3 });
    expect(summary.rejections.map((r) => [r.file.slice(dir.length + 1), r.location, r.reason])).toEqual([
      ['a.ndjson', 'line 2', 'Missing required property [Observation.status]'],
      ['a.ndjson', 'line 3', expect.stringContaining('Patient.nickname') as string],
      ['c.json', 'transaction entry[0]', expect.stringContaining('Observation.status') as string],
    ]);
    const patients = await repo.search({ resourceType: 'Patient', count: 0, total: 'accurate' });
    expect(patients.total).toBe(3);

    // A re-run is unchanged, whether or not validation runs ahead.
    const again = await importPaths(repo, [dir], { validateAhead: true, batchSize: 2 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 3 });
  });
});
