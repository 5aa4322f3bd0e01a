import type { Bundle, BundleEntry, Encounter, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { isUnchangedOutcome } from '../../fhir/outcomes.js';
import { createSqlRepository, type SqlFhirRepository } from './sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from './test-support/stores.js';

const MRN = 'http://springfield.example/mrn';

function patient(mrn: string, family = 'Simpson'): Patient {
  return { resourceType: 'Patient', name: [{ family, given: ['Lisa'] }], identifier: [{ system: MRN, value: mrn }] };
}

function transaction(entry: BundleEntry[]): Bundle {
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

async function countType(store: TestStore, type: string): Promise<number> {
  const { rows } = await store.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM resources WHERE res_type = $1 AND NOT deleted',
    [type],
  );
  return rows[0]?.n ?? 0;
}

describe.each(testStoreNames())('processBundle on %s', (name) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  beforeAll(async () => {
    store = await openTestStore(name);
    repo = createSqlRepository(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('assigns ids to urn:uuid entries and rewrites every reference to them', async () => {
    const pUrn = 'urn:uuid:1f0b3a52-0000-4000-8000-000000000001';
    const eUrn = 'urn:uuid:1f0b3a52-0000-4000-8000-000000000002';
    const res = await repo.processBundle(
      transaction([
        {
          fullUrl: 'urn:uuid:1f0b3a52-0000-4000-8000-000000000003',
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'pulse' },
            subject: { reference: pUrn },
            encounter: { reference: eUrn },
          },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          fullUrl: eUrn,
          resource: {
            resourceType: 'Encounter',
            status: 'finished',
            class: { code: 'AMB' },
            subject: { reference: pUrn },
          },
          request: { method: 'POST', url: 'Encounter' },
        },
        { fullUrl: pUrn, resource: patient('U-1'), request: { method: 'POST', url: 'Patient' } },
      ]),
      'http://host/fhir',
    );
    expect(res.type).toBe('transaction-response');
    expect(res.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created', '201 Created']);
    const obs = res.entry?.[0]?.resource as Observation;
    const enc = res.entry?.[1]?.resource as Encounter;
    const pat = res.entry?.[2]?.resource as Patient;
    expect(obs.subject?.reference).toBe(`Patient/${pat.id}`);
    expect(obs.encounter?.reference).toBe(`Encounter/${enc.id}`);
    expect(enc.subject?.reference).toBe(`Patient/${pat.id}`);
    expect(res.entry?.[2]?.response?.location).toBe(`Patient/${pat.id}/_history/1`);
    expect(res.entry?.[2]?.response?.etag).toBe('W/"1"');
    expect(res.entry?.[2]?.fullUrl).toBe(`http://host/fhir/Patient/${pat.id}`);
    const stored = await repo.read<Observation>('Observation', obs.id!);
    expect(stored.subject?.reference).toBe(`Patient/${pat.id}`);

    const everything = await repo.everything(pat.id!);
    expect(everything.type).toBe('searchset');
    expect(everything.entry?.[0]?.resource?.resourceType).toBe('Patient');
    expect(everything.entry?.map((e) => e.resource?.resourceType).sort()).toEqual([
      'Encounter',
      'Observation',
      'Patient',
    ]);
  });

  it('rolls back the whole transaction when one entry is invalid', async () => {
    const before = await countType(store, 'Patient');
    const err = await repo
      .processBundle(
        transaction([
          { resource: patient('R-1'), request: { method: 'POST', url: 'Patient' } },
          {
            resource: { resourceType: 'Patient', birthDate: 'yesterday' },
            request: { method: 'POST', url: 'Patient' },
          },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VITALIS_INVALID_RESOURCE');
    expect((err as AppError).issues.some((i) => i.expression?.some((x) => x.includes('birthDate')))).toBe(true);
    expect(await countType(store, 'Patient')).toBe(before);
  });

  it('rejects a transaction whose urn:uuid reference names no entry, writing nothing', async () => {
    const before = await countType(store, 'Observation');
    const err = await repo
      .processBundle(
        transaction([
          {
            resource: {
              resourceType: 'Observation',
              status: 'final',
              code: { text: 'x' },
              subject: { reference: 'urn:uuid:9f0b3a52-0000-4000-8000-00000000dead' },
            },
            request: { method: 'POST', url: 'Observation' },
          },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VITALIS_BAD_REQUEST');
    expect((err as AppError).message).toContain('does not match any fullUrl');
    expect(await countType(store, 'Observation')).toBe(before);
  });

  it('rejects a transaction in which two entries change the same resource, writing nothing', async () => {
    const before = await countType(store, 'Patient');
    const err = await repo
      .processBundle(
        transaction([
          { resource: { ...patient('OV-1'), id: 'overlap-1' }, request: { method: 'PUT', url: 'Patient/overlap-1' } },
          { request: { method: 'DELETE', url: 'Patient/overlap-1' } },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VITALIS_BAD_REQUEST');
    expect((err as AppError).message).toContain('both change Patient/overlap-1');
    expect(await countType(store, 'Patient')).toBe(before);
  });

  it('keeps going in a batch: a bad entry gets its own error response', async () => {
    const res = await repo.processBundle({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: patient('B-1'), request: { method: 'POST', url: 'Patient' } },
        {
          resource: { resourceType: 'Patient', birthDate: 'yesterday' },
          request: { method: 'POST', url: 'Patient' },
        },
        { request: { method: 'GET', url: 'Patient/not-there' } },
        { resource: patient('B-2'), request: { method: 'PUT', url: 'Patient/batch-2' } },
      ],
    });
    expect(res.type).toBe('batch-response');
    expect(res.entry?.map((e) => e.response?.status)).toEqual([
      '201 Created',
      '400 Bad Request',
      '404 Not Found',
      '201 Created',
    ]);
    expect(res.entry?.[1]?.response?.outcome?.resourceType).toBe('OperationOutcome');
    expect((await repo.read<Patient>('Patient', 'batch-2')).identifier?.[0]?.value).toBe('B-2');
  });

  it('reports an unchanged PUT with 200 and the unchanged outcome, writing no new version', async () => {
    const put = transaction([{ resource: patient('P-1'), request: { method: 'PUT', url: 'Patient/put-1' } }]);
    const first = await repo.processBundle(put);
    expect(first.entry?.[0]?.response?.status).toBe('201 Created');
    const second = await repo.processBundle(put);
    expect(second.entry?.[0]?.response?.status).toBe('200 OK');
    expect(isUnchangedOutcome(second.entry?.[0]?.response?.outcome)).toBe(true);
    expect(second.entry?.[0]?.response?.etag).toBe('W/"1"');
    const changed = await repo.processBundle(
      transaction([{ resource: patient('P-1', 'Bouvier'), request: { method: 'PUT', url: 'Patient/put-1' } }]),
    );
    expect(changed.entry?.[0]?.response?.status).toBe('200 OK');
    expect(changed.entry?.[0]?.response?.etag).toBe('W/"2"');
    expect(isUnchangedOutcome(changed.entry?.[0]?.response?.outcome)).toBe(false);
  });

  it('resolves conditional create (ifNoneExist) to the existing resource', async () => {
    const created = await repo.create(patient('C-1'));
    const res = await repo.processBundle(
      transaction([
        {
          fullUrl: 'urn:uuid:2f0b3a52-0000-4000-8000-000000000001',
          resource: patient('C-1'),
          request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${MRN}|C-1` },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: 'urn:uuid:2f0b3a52-0000-4000-8000-000000000001' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ]),
    );
    expect(res.entry?.[0]?.response?.status).toBe('200 OK');
    expect(res.entry?.[0]?.resource?.id).toBe(created.resource.id);
    expect((res.entry?.[1]?.resource as Observation).subject?.reference).toBe(`Patient/${created.resource.id}`);
    const again = await repo.create(patient('C-1'), { ifNoneExist: `identifier=${MRN}|C-1` });
    expect(again.outcome).toBe('existing');
    expect(again.resource.id).toBe(created.resource.id);
  });

  it('resolves conditional references by search', async () => {
    const { resource } = await repo.create(patient('CR-1'));
    const res = await repo.processBundle(
      transaction([
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: `Patient?identifier=${MRN}|CR-1` },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ]),
    );
    expect((res.entry?.[0]?.resource as Observation).subject?.reference).toBe(`Patient/${resource.id}`);
  });

  it('processes DELETE before POST/PUT and answers GET entries after the writes', async () => {
    await repo.update({ ...patient('D-1'), id: 'del-1' });
    const res = await repo.processBundle(
      transaction([
        { request: { method: 'GET', url: 'Patient/put-order' } },
        { resource: patient('D-2'), request: { method: 'PUT', url: 'Patient/put-order' } },
        { request: { method: 'DELETE', url: 'Patient/del-1' } },
      ]),
    );
    expect(res.entry?.map((e) => e.response?.status)).toEqual(['200 OK', '201 Created', '204 No Content']);
    expect((res.entry?.[0]?.resource as Patient).identifier?.[0]?.value).toBe('D-2');
    await expect(repo.read('Patient', 'del-1')).rejects.toMatchObject({ code: 'VITALIS_GONE' });
  });

  it('rejects bundles that are not batch or transaction', async () => {
    await expect(repo.processBundle({ resourceType: 'Bundle', type: 'collection' })).rejects.toMatchObject({
      code: 'VITALIS_BAD_REQUEST',
    });
  });
});
