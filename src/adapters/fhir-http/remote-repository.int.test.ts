import { parseSearchRequest } from '@medplum/core';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { loadFhirDefinitions } from '../../fhir/definitions.js';
import { createRemoteRepository, type RemoteFhirRepository } from './remote-repository.js';
import { startFhirFixture, type FhirFixture } from './test-support/fhir-fixture-server.js';
import { listenLoopback } from './test-support/loopback.js';

let fhir: FhirFixture;
let repo: RemoteFhirRepository;

beforeAll(async () => {
  loadFhirDefinitions();
  fhir = await startFhirFixture({ authorize: (h) => h === 'Bearer s3cret', flakyFailures: 2 });
  repo = createRemoteRepository({
    baseUrl: `${fhir.baseUrl}/`,
    auth: { kind: 'bearer', token: 's3cret' },
    timeoutMs: 15_000,
    retryBaseDelayMs: 1,
  });
});

afterAll(async () => {
  await repo.close();
  await fhir.close();
});

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

const identifier = [{ system: 'urn:mrn', value: 'A-1' }];

describe('remote repository over HTTP', () => {
  it('declares a remote, writable store', () => {
    expect(repo.capabilities).toEqual({ write: true, local: false });
  });

  it('creates, reads, updates (If-Match), vreads, deletes and reads history', async () => {
    const created = await repo.create<Patient>({ resourceType: 'Patient', identifier, gender: 'female' });
    expect(created.outcome).toBe('created');
    const id = created.resource.id!;
    expect(created.resource.meta?.versionId).toBe('1');

    const again = await repo.create<Patient>(
      { resourceType: 'Patient', identifier },
      { ifNoneExist: 'identifier=urn:mrn|A-1' },
    );
    expect(again).toMatchObject({ outcome: 'existing', resource: { id } });
    expect(fhir.requests.at(-1)?.ifNoneExist).toBe('identifier=urn:mrn|A-1');

    const updated = await repo.update<Patient>({ ...created.resource, gender: 'other' }, { ifMatch: '1' });
    expect(updated.outcome).toBe('updated');
    expect(updated.resource.meta?.versionId).toBe('2');
    expect(fhir.requests.at(-1)?.ifMatch).toBe('W/"1"');

    const unchanged = await repo.update<Patient>(updated.resource);
    expect(unchanged.outcome).toBe('unchanged');

    const conflict = await rejection(repo.update<Patient>({ ...updated.resource, gender: 'male' }, { ifMatch: '1' }));
    expect(conflict.code).toBe('VITALIS_PRECONDITION_FAILED');

    expect((await repo.read<Patient>('Patient', id)).gender).toBe('other');
    expect((await repo.vread<Patient>('Patient', id, '1')).gender).toBe('female');
    const history = await repo.history('Patient', id);
    expect(history.type).toBe('history');
    expect(history.entry?.map((e) => e.resource?.meta?.versionId)).toEqual(['2', '1']);

    await repo.delete('Patient', id);
    expect((await rejection(repo.read('Patient', id))).code).toBe('VITALIS_GONE');
    expect((await rejection(repo.read('Patient', 'nope'))).code).toBe('VITALIS_NOT_FOUND');
  });

  it('creates with update when the id is new', async () => {
    const res = await repo.update<Patient>({ resourceType: 'Patient', id: 'put-new', gender: 'male' });
    expect(res).toMatchObject({ outcome: 'created', resource: { id: 'put-new', meta: { versionId: '1' } } });
  });

  it('reads the resource back from Location when the server answers a create without a body', async () => {
    const minimal = await startFhirFixture({ minimalCreates: true });
    const r = createRemoteRepository({ baseUrl: minimal.baseUrl });
    const created = await r.create<Patient>({ resourceType: 'Patient', gender: 'female' });
    expect(created).toMatchObject({ outcome: 'created', resource: { gender: 'female', meta: { versionId: '1' } } });
    expect(minimal.requests.map((q) => `${q.method} ${q.url}`)).toEqual([
      'POST /Patient',
      `GET /Patient/${created.resource.id ?? ''}/_history/1`,
    ]);
    await r.close();
    await minimal.close();
  });

  it('keeps OperationOutcome issues and their expressions for invalid content', async () => {
    const err = await rejection(repo.create<Patient>({ resourceType: 'Patient', birthDate: 'yesterday' }));
    expect(err.code).toBe('VITALIS_INVALID_RESOURCE');
    expect(err.issues).toEqual([
      { severity: 'error', code: 'value', diagnostics: 'Invalid date', expression: ['Patient.birthDate'] },
    ]);
    expect(err.message).not.toContain('yesterday');
    const err422 = await rejection(repo.update<Patient>({ resourceType: 'Patient', id: 'x1', birthDate: 'soon' }));
    expect(err422.code).toBe('VITALIS_INVALID_RESOURCE');
    expect(err422.issues[0]?.expression).toEqual(['Patient.birthDate']);
  });

  it('sends the search as a standard query and rebases links to the caller’s base', async () => {
    await repo.create<Observation>({ resourceType: 'Observation', status: 'final', code: { text: 'x' } });
    const request = parseSearchRequest<Observation>('Observation?code=http://loinc.org|8867-4&_count=10&_sort=-date');
    const bundle = await repo.search(request, 'http://vitalis.local/fhir');
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe('Observation');
    const sent = fhir.requests.at(-1)?.url ?? '';
    expect(sent.startsWith('/Observation?')).toBe(true);
    expect(new URLSearchParams(sent.split('?')[1]).get('code')).toBe('http://loinc.org|8867-4');
    expect(bundle.link?.find((l) => l.relation === 'next')?.url).toBe(
      'http://vitalis.local/fhir/Observation?_offset=10',
    );
    expect(bundle.entry?.[0]?.fullUrl?.startsWith('http://vitalis.local/fhir/Observation/')).toBe(true);
    const raw = await repo.search({ resourceType: 'Observation' });
    expect(raw.link?.[0]?.url.startsWith(fhir.baseUrl)).toBe(true);
  });

  it('posts transactions to the base and returns everything for a patient', async () => {
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: { resourceType: 'Patient', id: 'tx-p' }, request: { method: 'PUT', url: 'Patient/tx-p' } },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'hr' },
            subject: { reference: 'Patient/tx-p' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await repo.processBundle(tx);
    expect(res.type).toBe('transaction-response');
    expect(res.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created']);
    expect(fhir.requests.at(-1)).toMatchObject({ method: 'POST', url: '' });

    const bad = await rejection(
      repo.processBundle({
        ...tx,
        entry: [{ resource: { resourceType: 'Patient', birthDate: 'x' }, request: { method: 'POST', url: 'Patient' } }],
      }),
    );
    expect(bad.code).toBe('VITALIS_INVALID_RESOURCE');
    expect(bad.issues[0]?.expression).toEqual(['Patient.birthDate']);

    const everything = await repo.everything('tx-p');
    expect(everything.entry?.map((e) => e.resource?.resourceType).sort()).toEqual(['Observation', 'Patient']);
    await expect(repo.processBundle({ resourceType: 'Bundle', type: 'collection' })).rejects.toThrow(
      /batch and transaction/,
    );
  });

  it('retries idempotent GETs on 503 and succeeds', async () => {
    const before = fhir.requests.length;
    await expect(repo.read<Patient>('Patient', 'flaky')).resolves.toMatchObject({ id: 'flaky' });
    expect(fhir.requests.length - before).toBe(3);
  });

  it('gives up after the bounded retries with VITALIS_UPSTREAM, keeping the outcome', async () => {
    const before = fhir.requests.length;
    const err = await rejection(repo.read('Patient', 'broken'));
    expect(err.code).toBe('VITALIS_UPSTREAM');
    expect(err.issues[0]?.diagnostics).toBe('Database down');
    expect(fhir.requests.length - before).toBe(3);
  });

  it('never trusts the response: non-JSON or wrong resource types are VITALIS_UPSTREAM', async () => {
    expect((await rejection(repo.read('Patient', 'html'))).message).toMatch(/non-JSON/);
    expect((await rejection(repo.read('Patient', 'wrongtype'))).message).toMatch(/sent a Observation where a Patient/);
  });

  it('rejects ids that would change the URL path', async () => {
    expect((await rejection(repo.read('Patient', '../metadata'))).code).toBe('VITALIS_BAD_REQUEST');
    expect((await rejection(repo.update({ resourceType: 'Patient' }))).code).toBe('VITALIS_BAD_REQUEST');
  });

  it('maps a timeout to VITALIS_TIMEOUT', async () => {
    const fast = createRemoteRepository({
      baseUrl: fhir.baseUrl,
      auth: { kind: 'bearer', token: 's3cret' },
      timeoutMs: 150,
    });
    const err = await rejection(fast.read('Patient', 'slow'));
    expect(err.code).toBe('VITALIS_TIMEOUT');
    await fast.close();
  });

  it('cancels calls through withSignal and after close', async () => {
    const controller = new AbortController();
    const pending = rejection(repo.withSignal(controller.signal).read('Patient', 'slow'));
    setTimeout(() => {
      controller.abort();
    }, 50);
    const err = await pending;
    expect(err.code).toBe('VITALIS_UNAVAILABLE');
    expect(err.message).toMatch(/cancelled/);
    // The parent is unaffected by the cancelled view, and closing a view leaves the parent open.
    const view = repo.withSignal(new AbortController().signal);
    await view.close();
    await expect(repo.read<Patient>('Patient', 'flaky')).resolves.toMatchObject({ id: 'flaky' });

    const closing = createRemoteRepository({ baseUrl: fhir.baseUrl, auth: { kind: 'bearer', token: 's3cret' } });
    await closing.close();
    expect((await rejection(closing.read('Patient', 'p'))).message).toMatch(/closed/);
  });

  it('maps a rejected bearer token to VITALIS_UNAUTHORIZED without retrying', async () => {
    const wrong = createRemoteRepository({ baseUrl: fhir.baseUrl, auth: { kind: 'bearer', token: 'nope' } });
    const before = fhir.requests.length;
    const err = await rejection(wrong.read('Patient', 'p'));
    expect(err.code).toBe('VITALIS_UNAUTHORIZED');
    expect(err.message).not.toContain('nope');
    expect(fhir.requests.length - before).toBe(1);
    await wrong.close();
  });

  it('maps an unreachable server to VITALIS_UPSTREAM after retries', async () => {
    const dead = await listenLoopback(() => Promise.resolve());
    await dead.close();
    const offline = createRemoteRepository({ baseUrl: dead.origin, retryBaseDelayMs: 1 });
    const err = await rejection(offline.search({ resourceType: 'Patient' }));
    expect(err.code).toBe('VITALIS_UPSTREAM');
    expect(err.message).toMatch(/unreachable/);
    await offline.close();
  });

  it('refuses a response larger than the limit', async () => {
    const small = createRemoteRepository({
      baseUrl: fhir.baseUrl,
      auth: { kind: 'bearer', token: 's3cret' },
      maxResponseBytes: 1024,
    });
    await repo.update<Patient>({
      resourceType: 'Patient',
      id: 'big',
      text: { status: 'generated', div: `<div>${'x'.repeat(2000)}</div>` },
    });
    expect((await rejection(small.search({ resourceType: 'Patient' }))).message).toMatch(/exceeds the 1024-byte limit/);
    await small.close();
  });

  it('validates options with VITALIS_CONFIG', () => {
    expect(() => createRemoteRepository({ baseUrl: 'ftp://x' })).toThrow(/baseUrl/);
    expect(() => createRemoteRepository({ baseUrl: 'http://x', auth: { kind: 'bearer', token: '' } })).toThrow(
      /auth.token/,
    );
  });
});
