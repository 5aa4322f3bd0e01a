import type { Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { createSqlRepository, type SqlFhirRepository } from './sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from './test-support/stores.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not-an-AppError';
  }
  return 'no-error';
}

const homer: Patient = {
  resourceType: 'Patient',
  name: [{ family: 'Simpson', given: ['Homer'] }],
  gender: 'male',
  birthDate: '1956-05-12',
  identifier: [{ system: 'http://springfield.example/mrn', value: 'H-1' }],
};

describe.each(testStoreNames())('SqlFhirRepository CRUD on %s', (name) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  beforeAll(async () => {
    store = await openTestStore(name);
    repo = createSqlRepository(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('declares its capabilities', () => {
    expect(repo.capabilities).toEqual({ write: true, local: true });
  });

  it('creates with a server id and reads it back with version meta', async () => {
    const { resource, outcome } = await repo.create({ ...homer, id: 'client-chosen' });
    expect(outcome).toBe('created');
    expect(resource.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(resource.meta?.versionId).toBe('1');
    expect(Date.parse(resource.meta?.lastUpdated ?? '')).not.toBeNaN();
    const read = await repo.read<Patient>('Patient', resource.id);
    expect(read.name?.[0]?.family).toBe('Simpson');
    expect(read.meta?.versionId).toBe('1');
  });

  it('updates to a new version, keeps old versions readable with vread, and honours ifMatch', async () => {
    const { resource } = await repo.create<Patient>({ ...homer, gender: 'male' });
    const v2 = await repo.update<Patient>({ ...resource, gender: 'other' });
    expect(v2.outcome).toBe('updated');
    expect(v2.resource.meta?.versionId).toBe('2');
    const old = await repo.vread<Patient>('Patient', resource.id!, '1');
    expect(old.gender).toBe('male');
    expect((await repo.read<Patient>('Patient', resource.id!)).gender).toBe('other');
    expect(await codeOf(repo.vread('Patient', resource.id!, '9'))).toBe('VITALIS_NOT_FOUND');
    expect(await codeOf(repo.update({ ...resource, gender: 'female' }, { ifMatch: '1' }))).toBe(
      'VITALIS_PRECONDITION_FAILED',
    );
    const v3 = await repo.update<Patient>({ ...resource, gender: 'female' }, { ifMatch: 'W/"2"' });
    expect(v3.resource.meta?.versionId).toBe('3');
  });

  it('returns unchanged (no new version) when content is identical apart from meta version fields', async () => {
    const { resource } = await repo.create<Patient>(homer);
    const again = await repo.update<Patient>({
      ...resource,
      meta: { versionId: '77', lastUpdated: '2001-01-01T00:00:00Z' },
    });
    expect(again.outcome).toBe('unchanged');
    expect(again.resource.meta?.versionId).toBe('1');
    const history = await repo.history('Patient', resource.id);
    expect(history.total).toBe(1);
  });

  it('creates on update when the id is new, and rejects bad ids', async () => {
    const r = await repo.update<Patient>({ ...homer, id: 'bart-1' });
    expect(r.outcome).toBe('created');
    expect(r.resource.meta?.versionId).toBe('1');
    expect(await codeOf(repo.update({ ...homer, id: 'bad id!' }))).toBe('VITALIS_BAD_REQUEST');
  });

  it('rejects invalid resources with FHIRPath expressions and unknown types', async () => {
    const bad = { ...homer, birthDate: '12/05/1956' } as unknown as Patient;
    const err = await repo.create(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const appErr = err as AppError;
    expect(appErr.code).toBe('VITALIS_INVALID_RESOURCE');
    expect(appErr.issues.some((i) => i.expression?.some((e) => e.includes('birthDate')))).toBe(true);
    const wrongCode = await repo.create({ resourceType: 'Patient', gender: 'mail' } as unknown as Patient).catch((e: unknown) => e);
    expect((wrongCode as AppError).code).toBe('VITALIS_INVALID_RESOURCE');
    expect((wrongCode as AppError).issues).toContainEqual(
      expect.objectContaining({ code: 'code-invalid', expression: ['Patient.gender'] }),
    );
    expect(await codeOf(repo.create({ resourceType: 'Spaceship' } as unknown as Patient))).toBe('VITALIS_UNKNOWN_TYPE');
    expect(await codeOf(repo.read('Spaceship' as 'Patient', 'x'))).toBe('VITALIS_UNKNOWN_TYPE');
    expect(await codeOf(repo.read('Patient', 'does-not-exist'))).toBe('VITALIS_NOT_FOUND');
  });

  it('deletes as a new version: read is gone, index rows removed, history keeps the delete', async () => {
    const { resource } = await repo.create<Patient>(homer);
    await repo.delete('Patient', resource.id!);
    expect(await codeOf(repo.read('Patient', resource.id!))).toBe('VITALIS_GONE');
    expect(await codeOf(repo.vread('Patient', resource.id!, '2'))).toBe('VITALIS_GONE');
    expect((await repo.vread<Patient>('Patient', resource.id!, '1')).gender).toBe('male');
    const idx = await store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sp_token t JOIN resources r ON r.rid = t.rid WHERE r.id = $1`,
      [resource.id],
    );
    expect(idx.rows[0]?.n).toBe(0);
    const history = await repo.history('Patient', resource.id);
    expect(history.type).toBe('history');
    expect(history.entry?.map((e) => e.request?.method)).toEqual(['DELETE', 'POST']);
    expect(history.entry?.[0]?.resource).toBeUndefined();
    const recreated = await repo.update<Patient>({ ...homer, id: resource.id! });
    expect(recreated.outcome).toBe('created');
    expect(recreated.resource.meta?.versionId).toBe('3');
  });

  it('returns instance and type history newest first with paging', async () => {
    const { resource } = await repo.create<Observation>({
      resourceType: 'Observation',
      status: 'preliminary',
      code: { text: 'weight' },
    });
    await repo.update<Observation>({ ...resource, status: 'final' });
    await repo.update<Observation>({ ...resource, status: 'amended' });
    const h = await repo.history('Observation', resource.id);
    expect(h.total).toBe(3);
    expect(h.entry?.map((e) => e.response?.etag)).toEqual(['W/"3"', 'W/"2"', 'W/"1"']);
    expect(h.entry?.[2]?.response?.status).toBe('201 Created');
    const page = await repo.history('Observation', resource.id, { count: 1, offset: 1 });
    expect(page.entry?.map((e) => e.response?.etag)).toEqual(['W/"2"']);
    expect(page.link?.some((l) => l.relation === 'next')).toBe(true);
    const type = await repo.history('Observation', undefined);
    expect(type.total).toBeGreaterThanOrEqual(3);
    const none = await repo.history('Observation', undefined, { since: '2999-01-01T00:00:00Z' });
    expect(none.total).toBe(0);
    expect(await codeOf(repo.history('Observation', 'nope'))).toBe('VITALIS_NOT_FOUND');
  });

  it('serializes concurrent updates of one resource into consecutive versions', async () => {
    const { resource } = await repo.create<Patient>(homer);
    const writes = Array.from({ length: 8 }, (_, i) =>
      repo.update<Patient>({ ...resource, name: [{ family: `Simpson-${i}` }] }),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => Number(r.resource.meta?.versionId)).sort((a, b) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect((await repo.read<Patient>('Patient', resource.id!)).meta?.versionId).toBe('9');
    expect((await repo.history('Patient', resource.id)).total).toBe(9);
  });
});
