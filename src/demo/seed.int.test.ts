import type { Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository, type SqlFhirRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { isUnchangedOutcome } from '../fhir/outcomes.js';
import { generateDemoPatients, seedDemo, SHOWCASE_PATIENTS } from './index.js';

describe.each(testStoreNames())('seedDemo into the SQL repository on %s', (name) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  beforeAll(async () => {
    store = await openTestStore(name);
    repo = createSqlRepository(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('writes every patient, reports progress, and a second run writes no new versions', async () => {
    const progress: [number, number][] = [];
    const first = await seedDemo(repo, {
      patients: 10,
      seed: 5,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(first.patients).toBe(10);
    const distinct = new Set(
      [...generateDemoPatients({ patients: 10, seed: 5 })].flatMap((b) => b.entry!.map((e) => e.request!.url)),
    );
    expect(first.resources).toBe(distinct.size);
    expect(progress.at(-1)).toEqual([10, 10]);
    expect(progress).toHaveLength(10);

    const patients = await repo.search<Patient>({ resourceType: 'Patient', count: 50 });
    expect(patients.total ?? patients.entry?.length).toBe(10);
    const sepsis = await repo.read<Patient>('Patient', SHOWCASE_PATIENTS[0]!.id);
    expect(sepsis.meta?.versionId).toBe('1');
    const everything = await repo.everything(SHOWCASE_PATIENTS[0]!.id);
    expect(everything.entry!.length).toBeGreaterThan(40);

    const second = await seedDemo(repo, { patients: 10, seed: 5 });
    expect(second).toEqual({ patients: 10, resources: 0 });
    for (const bundle of generateDemoPatients({ patients: 10, seed: 5 })) {
      const response = await repo.processBundle(bundle);
      expect(response.entry!.every((e) => isUnchangedOutcome(e.response?.outcome))).toBe(true);
    }
    expect((await repo.read<Patient>('Patient', SHOWCASE_PATIENTS[0]!.id)).meta?.versionId).toBe('1');
  });
});
