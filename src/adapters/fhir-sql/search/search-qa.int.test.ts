import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { loadFhirDefinitions } from '../../../fhir/definitions.js';
import { openTestStore, testStoreNames, type TestStore } from '../test-support/stores.js';
import { ids, search, seedFixtures } from './test-support/seed.js';

/** Regression tests for bugs found by QA of the search API (empty values, response shaping, parameter checks). */
describe.each(testStoreNames())('search QA regressions on %s', (name) => {
  let store: TestStore;
  beforeAll(async () => {
    loadFhirDefinitions();
    store = await openTestStore(name);
    await seedFixtures(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('ignores parameters with an empty value, whatever their type', async () => {
    const all = await ids(store.db, 'Patient');
    expect(all).toEqual(['p1', 'p2', 'p3']);
    // Empty date values are rejected earlier, by @medplum/core's parser; the HTTP layer drops every empty parameter.
    for (const query of ['_id=', 'name=', 'gender=', 'identifier=', 'general-practitioner=']) {
      expect(await ids(store.db, `Patient?${query}`)).toEqual(all);
    }
    expect(await ids(store.db, 'Patient?gender=&name=smith')).toEqual(['p1']);
  });

  it('ignores an empty _sort', async () => {
    expect(await ids(store.db, 'Patient?_sort=')).toEqual(['p1', 'p2', 'p3']);
  });

  it('rejects an _offset beyond the safe integers with 400 (it used to reach SQL and fail with 500)', async () => {
    const err = await search(store.db, 'Patient?_offset=99999999999999999999999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((await search(store.db, 'Patient?_offset=1000000000')).entry).toBeUndefined();
  });

  it('rejects an unknown _total value with 400 naming the parameter', async () => {
    const err = await search(store.db, 'Patient?_total=bogus').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).issues[0]?.expression).toEqual(['_total']);
  });

  it('keeps mandatory elements with _summary=text and _elements', async () => {
    const text = await search(store.db, 'Observation?_id=o1&_summary=text');
    const summarized = text.entry?.[0]?.resource as unknown as Record<string, unknown>;
    expect(summarized['status']).toBe('final');
    expect(summarized['code']).toBeDefined();
    expect(summarized['valueQuantity']).toBeUndefined();
    const elements = await search(store.db, 'Observation?_id=o1&_elements=subject');
    const subset = elements.entry?.[0]?.resource as unknown as Record<string, unknown>;
    expect(Object.keys(subset).sort()).toEqual(['code', 'id', 'meta', 'resourceType', 'status', 'subject']);
  });

  it('follows _include:iterate and _revinclude:iterate from included resources', async () => {
    const includeIds = async (url: string): Promise<string[]> =>
      ((await search(store.db, url)).entry ?? [])
        .filter((e) => e.search?.mode === 'include')
        .map((e) => `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`)
        .sort();
    expect(
      await includeIds('Provenance?_id=prov1&_include=Provenance:target&_include:iterate=Observation:subject'),
    ).toEqual(['Observation/o1', 'Patient/p1']);
    expect(
      await includeIds('Patient?_id=p1&_revinclude=Observation:subject&_revinclude:iterate=Provenance:target'),
    ).toEqual(['Observation/o1', 'Observation/o2', 'Observation/o3', 'Provenance/prov1']);
    // Without :iterate, an include whose source type is not the searched type adds nothing.
    expect(await includeIds('Provenance?_id=prov1&_include=Provenance:target&_include=Observation:subject')).toEqual([
      'Observation/o1',
    ]);
  });

  it('applies _elements and _summary to included resources too', async () => {
    const bundle = await search(store.db, 'Observation?_id=o1&_include=Observation:subject&_elements=subject');
    const included = bundle.entry?.find((e) => e.search?.mode === 'include')?.resource as Resource &
      Record<string, unknown>;
    expect(included.id).toBe('p1');
    expect(included['name']).toBeUndefined();
    expect(included.meta?.tag?.some((t) => t.code === 'SUBSETTED')).toBe(true);
    const summary = await search(store.db, 'Patient?_id=p1&_revinclude=Observation:subject&_summary=true');
    const rev = summary.entry?.filter((e) => e.search?.mode === 'include') ?? [];
    expect(rev.length).toBeGreaterThan(0);
    expect(rev.every((e) => e.resource?.meta?.tag?.some((t) => t.code === 'SUBSETTED'))).toBe(true);
  });
});
