import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResourceType } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository, type SqlFhirRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { importPaths } from './index.js';

const SYNTHEA = fileURLToPath(new URL('../../../shared/data/synthea/r4', import.meta.url));
const RESOURCES = 14_677;
const TYPES: ResourceType[] = [
  'Patient',
  'Encounter',
  'Observation',
  'Condition',
  'Claim',
  'Organization',
  'Practitioner',
];

async function totals(repo: SqlFhirRepository): Promise<Record<string, number | undefined>> {
  const out: Record<string, number | undefined> = {};
  for (const resourceType of TYPES) {
    out[resourceType] = (await repo.search({ resourceType, count: 0, total: 'accurate' })).total;
  }
  return out;
}

describe.each(testStoreNames())('Synthea import on %s', (storeName) => {
  let store: TestStore;
  let repo: SqlFhirRepository;

  beforeAll(async () => {
    loadFhirDefinitions();
    store = await openTestStore(storeName);
    repo = createSqlRepository(store.db);
  });

  afterAll(async () => {
    await store.cleanup();
  });

  it(
    'imports all 60 Synthea bundles without rejections, and a re-run changes nothing',
    { timeout: 600_000 },
    async (ctx) => {
      if (!existsSync(SYNTHEA)) {
        if (process.env['CI'] === 'true') {
          throw new Error(`Synthea test data is missing at ${SYNTHEA}`);
        }
        ctx.skip(`Synthea test data is missing at ${SYNTHEA}`);
      }
      const first = await importPaths(repo, [SYNTHEA]);
      expect(first.rejections).toEqual([]);
      expect(first).toMatchObject({ files: 60, failedFiles: 0, resourcesRead: RESOURCES, rejected: 0, updated: 0 });
      // Synthea repeats some shared resources (same uuid, same content) across patient bundles.
      expect(first.created + first.unchanged).toBe(RESOURCES);
      expect(first.created).toBeGreaterThan(14_000);
      const before = await totals(repo);
      expect(before['Patient']).toBe(60);

      const second = await importPaths(repo, [SYNTHEA]);
      expect(second).toMatchObject({
        resourcesRead: RESOURCES,
        created: 0,
        updated: 0,
        unchanged: RESOURCES,
        rejected: 0,
      });
      expect(await totals(repo)).toEqual(before);
    },
  );
});
