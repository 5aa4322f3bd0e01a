import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository, type SqlFhirRepository } from './sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from './test-support/stores.js';

function observation(id: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { text: 'Heart rate' },
    subject: { reference: 'Patient/ev-p1' },
    valueQuantity: { value, unit: '/min' },
  };
}

function values(bundle: Bundle): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const e of bundle.entry ?? []) {
    if (e.resource?.resourceType === 'Observation') {
      out[e.resource.id ?? ''] = e.resource.valueQuantity?.value;
    }
  }
  return out;
}

describe.each(testStoreNames())('$everything (with its content cache) on %s', (name) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  beforeAll(async () => {
    store = await openTestStore(name);
    repo = createSqlRepository(store.db);
    const patient: Patient = { resourceType: 'Patient', id: 'ev-p1', name: [{ family: 'Everything' }] };
    await repo.update(patient);
    await repo.update(observation('ev-o1', 60));
    await repo.update(observation('ev-o2', 70));
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('returns the patient first, then its compartment, and sees every later write', async () => {
    const first = await repo.everything('ev-p1');
    expect(first.entry?.[0]?.resource?.resourceType).toBe('Patient');
    expect(values(first)).toEqual({ 'ev-o1': 60, 'ev-o2': 70 });
    // Read again (served from the cache), then change the record: updates, deletes and new resources all show.
    expect(values(await repo.everything('ev-p1'))).toEqual({ 'ev-o1': 60, 'ev-o2': 70 });
    await repo.update(observation('ev-o1', 61));
    await repo.delete('Observation', 'ev-o2');
    await repo.update(observation('ev-o3', 80));
    const after = await repo.everything('ev-p1');
    expect(values(after)).toEqual({ 'ev-o1': 61, 'ev-o3': 80 });
    expect(after.entry?.find((e) => e.resource?.id === 'ev-o1')?.resource?.meta?.versionId).toBe('2');
    expect(after.total).toBe(3);
  });

  it('drops a resource that leaves the compartment and orders by type', async () => {
    await repo.update({ ...observation('ev-o3', 80), subject: { reference: 'Patient/someone-else' } });
    await repo.update({ resourceType: 'Condition', id: 'ev-c1', subject: { reference: 'Patient/ev-p1' } });
    const bundle = await repo.everything('ev-p1');
    expect(bundle.entry?.map((e) => `${e.resource?.resourceType}/${e.resource?.id}`)).toEqual([
      'Patient/ev-p1',
      'Condition/ev-c1',
      'Observation/ev-o1',
    ]);
  });

  it('returns only the patient for an empty record', async () => {
    await repo.update({ resourceType: 'Patient', id: 'ev-p2' });
    const bundle = await repo.everything('ev-p2');
    expect(bundle.entry?.map((e) => e.resource?.id)).toEqual(['ev-p2']);
  });
});
