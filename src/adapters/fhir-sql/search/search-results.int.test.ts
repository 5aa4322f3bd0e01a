import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { loadFhirDefinitions } from '../../../fhir/definitions.js';
import { openTestStore, testStoreNames, type TestStore } from '../test-support/stores.js';
import { executeSearch, findMatchingIds } from './execute.js';
import { parseSearchQuery } from '../../../fhir/search/parse-query.js';
import { BASE, matchIds, search, seedFixtures } from './test-support/seed.js';

function link(bundle: Bundle, relation: string): string | undefined {
  return bundle.link?.find((l) => l.relation === relation)?.url;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected the search to fail');
}

describe.each(testStoreNames())('search results on %s', (name) => {
  let store: TestStore;
  const s = (url: string): Promise<Bundle> => search(store.db, url);
  beforeAll(async () => {
    loadFhirDefinitions();
    store = await openTestStore(name);
    await seedFixtures(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it.each([
    ['Observation?_sort=-date', ['o2', 'o5', 'o3', 'o1', 'o4', 'o6']],
    ['Observation?_sort=date', ['o4', 'o5', 'o3', 'o1', 'o2', 'o6']],
    ['Observation?_sort=status,-date', ['o3', 'o2', 'o5', 'o1', 'o4', 'o6']],
    ['Observation?_sort=value-quantity', ['o5', 'o3', 'o1', 'o2', 'o4', 'o6']],
    ['Observation?_sort=-_id', ['o6', 'o5', 'o4', 'o3', 'o2', 'o1']],
    ['Observation?_sort=subject,-_lastUpdated&_id=o1,o4,o6', ['o1', 'o4', 'o6']],
    ['Patient?_sort=family', ['p3', 'p2', 'p1']],
    ['Patient?_sort=-birthdate', ['p3', 'p1', 'p2']],
    ['RiskAssessment?_sort=-probability', ['ra3', 'ra2', 'ra1']],
    ['ValueSet?_sort=-url', ['vs3', 'vs2', 'vs1']],
    ['Patient?_sort=gender,_id', ['p1', 'p2', 'p3']],
  ])('sorts %s', async (url, expected) => {
    expect(matchIds(await s(url))).toEqual(expected);
  });

  it('pages with _count and _offset, preserving the query in the links', async () => {
    const first = await s('Observation?status=final,preliminary&_sort=_id&_count=2');
    expect(matchIds(first)).toEqual(['o1', 'o2']);
    expect(first.total).toBeUndefined();
    expect(link(first, 'self')).toBe(`${BASE}/Observation?status=final%2Cpreliminary&_sort=_id&_count=2&_offset=0`);
    expect(link(first, 'next')).toBe(`${BASE}/Observation?status=final%2Cpreliminary&_sort=_id&_count=2&_offset=2`);
    expect(link(first, 'prev')).toBeUndefined();
    const next = link(first, 'next') ?? '';
    const second = await s(next.slice(BASE.length + 1));
    expect(matchIds(second)).toEqual(['o4', 'o5']);
    expect(link(second, 'prev')).toContain('_offset=0');
    const last = await s('Observation?status=final,preliminary&_sort=_id&_count=2&_offset=4');
    expect(matchIds(last)).toEqual(['o6']);
    expect(last.total).toBe(5);
    expect(link(last, 'next')).toBeUndefined();
    expect(link(last, 'first')).toContain('_offset=0');
    const counted = await s('Observation?_sort=_id&_count=2&_total=accurate');
    expect(counted.total).toBe(6);
    expect(link(counted, 'last')).toContain('_offset=4');
    expect(counted.entry?.[0]?.fullUrl).toBe(`${BASE}/Observation/o1`);
  });

  it('answers _summary=count with a total only', async () => {
    const bundle = await s('Observation?code=8867-4&_summary=count');
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBe(4);
    expect(bundle.entry).toBeUndefined();
  });

  it('counts and pages with totals when the query also sorts on a search parameter', async () => {
    const counted = await s('Observation?code=8867-4&_sort=-date&_summary=count');
    expect(counted.total).toBe(4);
    const paged = await s('Observation?code=8867-4&_sort=-date&_count=1&_total=accurate');
    expect(paged.total).toBe(4);
    expect(paged.entry).toHaveLength(1);
  });

  it('keeps only the listed elements with _elements and tags SUBSETTED', async () => {
    const bundle = await s('Observation?_id=o1&_elements=code,status');
    const r = bundle.entry?.[0]?.resource;
    expect(Object.keys(r ?? {}).sort()).toEqual(['code', 'id', 'meta', 'resourceType', 'status']);
    expect(r?.meta?.tag?.map((t) => t.code)).toContain('SUBSETTED');
  });

  it('keeps the summary elements with _summary=true and drops the narrative with _summary=data', async () => {
    const summary = await s('Observation?_id=o1&_summary=true');
    expect(Object.keys(summary.entry?.[0]?.resource ?? {}).sort()).toEqual([
      'code',
      'effectiveDateTime',
      'id',
      'meta',
      'resourceType',
      'status',
      'subject',
      'valueQuantity',
    ]);
    const data = await s('Observation?_id=o1&_summary=data');
    expect(data.entry?.[0]?.resource?.id).toBe('o1');
    expect(data.entry?.[0]?.resource).not.toHaveProperty('text');
  });

  it('includes referenced resources and reverse includes', async () => {
    const inc = await s('Observation?code=29463-7&_include=Observation:patient');
    expect(inc.entry?.map((e) => [e.resource?.id, e.search?.mode])).toEqual([
      ['o3', 'match'],
      ['p1', 'include'],
    ]);
    const typed = await s('Observation?patient=p1,p2&_include=Observation:subject:Patient&_sort=_id');
    expect(
      typed.entry
        ?.filter((e) => e.search?.mode === 'include')
        .map((e) => e.resource?.id)
        .sort(),
    ).toEqual(['p1', 'p2']);
    const wrongType = await s('Observation?_id=o1&_include=Observation:subject:Group');
    expect(wrongType.entry?.map((e) => e.resource?.id)).toEqual(['o1']);
    const rev = await s('Observation?_id=o1,o2&_revinclude=Provenance:target');
    expect(rev.entry?.map((e) => [e.resource?.id, e.search?.mode])).toEqual([
      ['o1', 'match'],
      ['o2', 'match'],
      ['prov1', 'include'],
    ]);
    const patients = await s('Patient?_id=p1&_revinclude=Observation:subject');
    expect(
      patients.entry
        ?.filter((e) => e.search?.mode === 'include')
        .map((e) => e.resource?.id)
        .sort(),
    ).toEqual(['o1', 'o2', 'o3']);
  });

  it('finds matching ids for conditional requests', async () => {
    const found = await findMatchingIds(store.db, parseSearchQuery('Patient', 'identifier=http://hosp/mrn|MRN1'));
    expect(found).toEqual([{ type: 'Patient', id: 'p1' }]);
    expect(await findMatchingIds(store.db, parseSearchQuery('Observation', 'code=8867-4'))).toHaveLength(2);
    expect(await findMatchingIds(store.db, parseSearchQuery('Observation', '_id=o7'))).toEqual([]);
  });

  it.each([
    ['Observation?foo=bar', 'foo'],
    ['Observation?date=notadate', 'date'],
    ['Observation?_sort=foo', '_sort'],
    ['Patient?name:foo=x', 'name'],
    ['Observation?subject.name=smith', 'subject.name'],
    ['Observation?patient.organization.name=x', 'patient.organization.name'],
    ['Observation?code:below=x', 'code'],
    ['Observation?_count=abc', '_count'],
    ['Observation?_include=Observation:status', '_include'],
    ['Observation?value-quantity=1|2', 'value-quantity'],
    ['Observation?combo-code-value-quantity=x', 'combo-code-value-quantity'],
    ['Observation?code:missing=maybe', 'code'],
  ])('rejects %s naming the parameter', async (url, param) => {
    const err = await failure(s(url));
    expect(err.code).toBe('VITALIS_BAD_REQUEST');
    expect(err.issues[0]?.expression).toEqual([param]);
  });

  it('rejects a bad value in an already parsed request naming the parameter', async () => {
    const request = { resourceType: 'Observation' as const, filters: [{ code: 'date', operator: 'eq', value: 'x' }] };
    const err = await failure(executeSearch(store.db, request as Parameters<typeof executeSearch>[1], {}));
    expect(err.issues[0]?.expression).toEqual(['date']);
  });

  it('rejects unknown resource types', async () => {
    expect((await failure(s('Foo?x=1'))).code).toBe('VITALIS_UNKNOWN_TYPE');
    const err = await failure(executeSearch(store.db, { resourceType: 'Foo' as 'Patient' }, {}));
    expect(err.code).toBe('VITALIS_UNKNOWN_TYPE');
  });
});
