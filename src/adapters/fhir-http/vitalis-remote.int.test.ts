import type { AddressInfo } from 'node:net';
import { parseSearchRequest } from '@medplum/core';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository } from '../fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../fhir-sql/test-support/stores.js';
import { ConfigSchema } from '../../core/config.js';
import { AppError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import { buildApp } from '../../server/app.js';
import { generateClientKeys } from './client-keys.js';
import { createRemoteRepository, type RemoteFhirRepository } from './remote-repository.js';
import { startBearerGateway, type BearerGateway } from './test-support/bearer-gateway.js';
import { startTestAuthServer, type TestAuthServer } from './test-support/smart-auth-server.js';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a rejection');
}

describe.each(testStoreNames())('the Vitalis FHIR API as a remote EHR (%s)', (storeName) => {
  let store: TestStore;
  let app: FastifyInstance;
  let auth: TestAuthServer;
  let gateway: BearerGateway;
  let remote: RemoteFhirRepository;

  beforeAll(async () => {
    const keys = await generateClientKeys('ES384');
    auth = await startTestAuthServer({ clients: [{ clientId: 'vitalis-agent', jwks: keys.publicJwks }] });
    gateway = await startBearerGateway({ authorize: (h) => auth.isAuthorized(h), tokenUrl: auth.tokenUrl });
    store = await openTestStore(storeName);
    const config = ConfigSchema.parse({ dataDir: 'memory://', demoPatients: 0, baseUrl: gateway.origin });
    app = await buildApp({ config, repo: createSqlRepository(store.db), logger: silentLogger });
    await app.listen({ port: 0, host: '127.0.0.1' });
    gateway.setUpstream(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    remote = createRemoteRepository({
      baseUrl: `${gateway.origin}/fhir`,
      auth: {
        kind: 'smart-backend',
        clientId: 'vitalis-agent',
        privateKey: keys.privateKeyPem,
        alg: 'ES384',
        scope: 'system/*.cruds',
      },
      timeoutMs: 20_000,
    });
  });

  afterAll(async () => {
    await remote.close();
    await app.close();
    await gateway.close();
    await auth.close();
    await store.cleanup();
  });

  it('creates, conditionally creates, reads and searches through the bearer-protected API', async () => {
    const mrn = [{ system: 'urn:oid:1.2.3', value: 'MRN-77' }];
    const created = await remote.create<Patient>({
      resourceType: 'Patient',
      identifier: mrn,
      gender: 'female',
      birthDate: '1970-02-03',
    });
    expect(created.outcome).toBe('created');
    const id = created.resource.id!;
    expect(created.resource.meta?.versionId).toBeDefined();

    const again = await remote.create<Patient>(
      { resourceType: 'Patient', identifier: mrn },
      { ifNoneExist: 'identifier=urn:oid:1.2.3|MRN-77' },
    );
    expect(again).toMatchObject({ outcome: 'existing', resource: { id } });

    expect(await remote.read<Patient>('Patient', id)).toMatchObject({ id, gender: 'female', birthDate: '1970-02-03' });

    const found = await remote.search(
      parseSearchRequest<Patient>('Patient?identifier=urn:oid:1.2.3|MRN-77&_count=5'),
      'http://facade/fhir',
    );
    expect(found.type).toBe('searchset');
    expect(found.entry?.map((e) => e.resource?.id)).toEqual([id]);
    // Whatever absolute URLs the server hands out (links, fullUrls) now point at the caller's base.
    const urls = [...(found.link ?? []).map((l) => l.url), ...(found.entry ?? []).map((e) => e.fullUrl ?? '')];
    expect(urls.filter((u) => u !== '' && !u.startsWith('http://facade/fhir/'))).toEqual([]);

    expect(auth.requests.filter((r) => r.accepted)).toHaveLength(1);
  });

  it('updates with If-Match, reads history and maps version conflicts', async () => {
    const { resource } = await remote.create<Patient>({ resourceType: 'Patient', gender: 'male' });
    const v1 = resource.meta?.versionId ?? '';
    const updated = await remote.update<Patient>({ ...resource, gender: 'other' }, { ifMatch: v1 });
    expect(updated.outcome).toBe('updated');
    expect(updated.resource.meta?.versionId).not.toBe(v1);
    expect((await remote.vread<Patient>('Patient', resource.id!, v1)).gender).toBe('male');
    const history = await remote.history('Patient', resource.id);
    expect(history.entry).toHaveLength(2);
    const conflict = await rejection(remote.update<Patient>({ ...resource, gender: 'unknown' }, { ifMatch: v1 }));
    expect(conflict.code).toBe('VITALIS_PRECONDITION_FAILED');
  });

  it('runs a transaction with urn:uuid references and returns $everything', async () => {
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:6f1c3b0e-1d5e-4a53-9d8c-1f2e3d4c5b6a',
          resource: { resourceType: 'Patient', gender: 'female' },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
            subject: { reference: 'urn:uuid:6f1c3b0e-1d5e-4a53-9d8c-1f2e3d4c5b6a' },
            valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await remote.processBundle(tx);
    expect(res.type).toBe('transaction-response');
    expect(res.entry?.every((e) => e.response?.status.startsWith('201'))).toBe(true);
    const patientId = /Patient\/([^/]+)/.exec(res.entry?.[0]?.response?.location ?? '')?.[1] ?? '';
    expect(patientId).not.toBe('');

    const obs = await remote.search(
      parseSearchRequest<Observation>(`Observation?subject=Patient/${patientId}&code=http://loinc.org|8867-4`),
    );
    expect(obs.entry).toHaveLength(1);
    expect(obs.entry?.[0]?.resource?.subject?.reference).toBe(`Patient/${patientId}`);

    const everything = await remote.everything(patientId);
    expect(everything.entry?.map((e) => e.resource?.resourceType).sort()).toEqual(['Observation', 'Patient']);
  });

  it('maps invalid content to VITALIS_INVALID_RESOURCE with the server’s FHIRPath expressions', async () => {
    const err = await rejection(remote.create<Patient>({ resourceType: 'Patient', birthDate: 'not-a-date' }));
    expect(err.code).toBe('VITALIS_INVALID_RESOURCE');
    expect(err.issues.length).toBeGreaterThan(0);
    expect(err.issues.flatMap((i) => i.expression ?? []).some((e) => e.includes('birthDate'))).toBe(true);
  });

  it('maps missing and deleted resources', async () => {
    expect((await rejection(remote.read('Patient', 'does-not-exist'))).code).toBe('VITALIS_NOT_FOUND');
    const { resource } = await remote.create<Patient>({ resourceType: 'Patient' });
    await remote.delete('Patient', resource.id!);
    expect((await rejection(remote.read('Patient', resource.id!))).code).toBe('VITALIS_GONE');
  });

  it('gets a fresh token after the gateway stops accepting the old one', async () => {
    const before = auth.requests.filter((r) => r.accepted).length;
    const rejectedBefore = gateway.rejected;
    auth.revokeAll();
    const bundle = await remote.search({ resourceType: 'Patient', count: 1 });
    expect(bundle.type).toBe('searchset');
    expect(auth.requests.filter((r) => r.accepted).length).toBe(before + 1);
    expect(gateway.rejected).toBe(rejectedBefore + 1);
  });
});
