import type { Patient } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { generateClientKeys } from './client-keys.js';
import { silentLogger } from '../../core/logger.js';
import { createRemoteRepository } from './remote-repository.js';
import { smartBackendAuth } from './smart-backend-auth.js';
import { callSignal } from './transport.js';
import { startFhirFixture, type DiscoveryMode, type FhirFixture } from './test-support/fhir-fixture-server.js';
import { startTestAuthServer, type TestAuthServer } from './test-support/smart-auth-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) {
    await c();
  }
});

async function setup(alg: 'RS384' | 'ES384', discovery: DiscoveryMode = 'well-known') {
  const keys = await generateClientKeys(alg);
  const auth = await startTestAuthServer({ clients: [{ clientId: 'vitalis', jwks: keys.publicJwks }] });
  cleanups.push(() => auth.close());
  const fhir = await startFhirFixture({ authorize: (h) => auth.isAuthorized(h), discovery, tokenUrl: auth.tokenUrl });
  cleanups.push(() => fhir.close());
  return { keys, auth, fhir };
}

function smartRepo(
  fhir: FhirFixture,
  auth: { privateKey: string; alg: 'RS384' | 'ES384'; tokenUrl?: string; keyId?: string },
) {
  const repo = createRemoteRepository({
    baseUrl: fhir.baseUrl,
    auth: { kind: 'smart-backend', clientId: 'vitalis', scope: 'system/*.rs', ...auth },
    timeoutMs: 15_000,
  });
  cleanups.push(() => repo.close());
  return repo;
}

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

function tokenRequests(auth: TestAuthServer): number {
  return auth.requests.filter((r) => r.accepted).length;
}

describe('SMART Backend Services', () => {
  for (const alg of ['RS384', 'ES384'] as const) {
    it(`authenticates with ${alg}, discovering the token endpoint, and reuses one token for many calls`, async () => {
      const { keys, auth, fhir } = await setup(alg);
      const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg });
      // Concurrent first calls share one token request.
      const searches = await Promise.all(Array.from({ length: 5 }, () => repo.search({ resourceType: 'Patient' })));
      expect(searches.map((b) => b.type)).toEqual(Array(5).fill('searchset'));
      const { resource } = await repo.create<Patient>({ resourceType: 'Patient', gender: 'female' });
      expect((await repo.read<Patient>('Patient', resource.id!)).gender).toBe('female');

      expect(auth.requests).toEqual([{ clientId: 'vitalis', scope: 'system/*.rs', accepted: true }]);
      const fhirCalls = fhir.requests.filter((r) => r.url.startsWith('/Patient'));
      expect(fhirCalls).toHaveLength(7);
      expect(new Set(fhirCalls.map((r) => r.authorization)).size).toBe(1);
      expect(fhirCalls[0]?.authorization).toMatch(/^Bearer /);
      expect(fhir.requests.some((r) => r.url === '/.well-known/smart-configuration')).toBe(true);
    });
  }

  it('caches the token until shortly before expires_in, then fetches a new one', async () => {
    const { keys, auth } = await setup('ES384');
    let clock = 1_000_000;
    const provider = smartBackendAuth(
      {
        kind: 'smart-backend',
        clientId: 'vitalis',
        privateKey: keys.privateKeyPem,
        alg: 'ES384',
        scope: 's',
        tokenUrl: auth.tokenUrl,
      },
      {
        fetch: (u, i) => fetch(u, i),
        baseUrl: 'http://unused',
        timeoutMs: 15_000,
        maxBytes: 1 << 20,
        logger: silentLogger,
        closed: new AbortController().signal,
        now: () => clock,
      },
    );
    const call = () => callSignal(15_000, []);
    const first = await provider.authorization(call());
    clock += 200_000;
    expect(await provider.authorization(call())).toBe(first);
    expect(tokenRequests(auth)).toBe(1);
    clock += 71_000; // 271 s: inside the last tenth of the 300 s lifetime
    const second = await provider.authorization(call());
    expect(second).not.toBe(first);
    expect(auth.isAuthorized(second)).toBe(true);
    expect(tokenRequests(auth)).toBe(2);
  });

  it('falls back to the CapabilityStatement oauth-uris extension', async () => {
    const { keys, auth, fhir } = await setup('ES384', 'metadata');
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'ES384' });
    await expect(repo.search({ resourceType: 'Patient' })).resolves.toMatchObject({ type: 'searchset' });
    expect(fhir.requests.map((r) => r.url).slice(0, 2)).toEqual(['/.well-known/smart-configuration', '/metadata']);
    expect(tokenRequests(auth)).toBe(1);
  });

  it('uses a configured token URL without discovery', async () => {
    const { keys, auth, fhir } = await setup('RS384', 'none');
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'RS384', tokenUrl: auth.tokenUrl });
    await repo.search({ resourceType: 'Patient' });
    expect(fhir.requests.map((r) => r.url)).toEqual(['/Patient']);
    expect(tokenRequests(auth)).toBe(1);
  });

  it('fails with VITALIS_CONFIG when no token endpoint can be discovered', async () => {
    const { keys, fhir } = await setup('RS384', 'none');
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'RS384' });
    const err = await rejection(repo.read('Patient', 'x'));
    expect(err.code).toBe('VITALIS_CONFIG');
    expect(err.message).toMatch(/VITALIS_FHIR_TOKEN_URL/);
  });

  it('refreshes the token once after a 401 and retries the call', async () => {
    const { keys, auth, fhir } = await setup('ES384');
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'ES384' });
    const { resource } = await repo.create<Patient>({ resourceType: 'Patient', gender: 'male' });
    auth.revokeAll();
    const again = await repo.read<Patient>('Patient', resource.id!);
    expect(again.gender).toBe('male');
    expect(tokenRequests(auth)).toBe(2);
    const reads = fhir.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/Patient/'));
    expect(reads).toHaveLength(2);
    expect(reads[0]?.authorization).not.toBe(reads[1]?.authorization);
  });

  it('gives up with VITALIS_UNAUTHORIZED when the fresh token is rejected too', async () => {
    const { keys, auth } = await setup('ES384');
    const fhir = await startFhirFixture({ authorize: () => false, discovery: 'well-known', tokenUrl: auth.tokenUrl });
    cleanups.push(() => fhir.close());
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'ES384' });
    const err = await rejection(repo.read('Patient', 'p1'));
    expect(err.code).toBe('VITALIS_UNAUTHORIZED');
    expect(tokenRequests(auth)).toBe(2);
    expect(fhir.requests.filter((r) => r.url === '/Patient/p1')).toHaveLength(2);
  });

  it('reports a rejected client assertion (unregistered key) as a clear VITALIS_UNAUTHORIZED', async () => {
    const { auth, fhir } = await setup('RS384');
    const stranger = await generateClientKeys('RS384');
    const repo = smartRepo(fhir, { privateKey: stranger.privateKeyPem, alg: 'RS384' });
    const err = await rejection(repo.read('Patient', 'p1'));
    expect(err.code).toBe('VITALIS_UNAUTHORIZED');
    expect(err.message).toMatch(/SMART token request: the authorization server rejected Vitalis \(invalid_client: /);
    expect(auth.requests[0]).toMatchObject({ accepted: false });
    expect(fhir.requests.some((r) => r.url.startsWith('/Patient'))).toBe(false);
  });

  it('is rejected by a server that only accepts the other algorithm', async () => {
    const keys = await generateClientKeys('ES384');
    const auth = await startTestAuthServer({
      clients: [{ clientId: 'vitalis', jwks: keys.publicJwks }],
      algorithms: ['RS384'],
    });
    cleanups.push(() => auth.close());
    const fhir = await startFhirFixture({ discovery: 'none' });
    cleanups.push(() => fhir.close());
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'ES384', tokenUrl: auth.tokenUrl });
    const err = await rejection(repo.search({ resourceType: 'Patient' }));
    expect(err.code).toBe('VITALIS_UNAUTHORIZED');
    expect(auth.requests[0]?.reason).toMatch(/assertion rejected/);
  });

  it('rejects a bad private key when the repository is created', async () => {
    const { fhir } = await setup('RS384');
    expect(() => smartRepo(fhir, { privateKey: 'not a key', alg: 'RS384' })).toThrow(
      expect.objectContaining({ code: 'VITALIS_CONFIG' }) as Error,
    );
  });

  it('signs with the configured key id, which the server must know', async () => {
    const { keys, auth, fhir } = await setup('ES384');
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'ES384', keyId: 'unknown-kid' });
    const err = await rejection(repo.search({ resourceType: 'Patient' }));
    expect(err.code).toBe('VITALIS_UNAUTHORIZED');
    expect(auth.requests[0]?.reason).toMatch(/assertion rejected/);
  });

  it('fails with VITALIS_UPSTREAM when the token endpoint is unreachable', async () => {
    const { keys, fhir } = await setup('ES384', 'none');
    const gone = await startTestAuthServer({ clients: [] });
    await gone.close();
    const repo = smartRepo(fhir, { privateKey: keys.privateKeyPem, alg: 'ES384', tokenUrl: gone.tokenUrl });
    const err = await rejection(repo.read('Patient', 'p1'));
    expect(err.code).toBe('VITALIS_UPSTREAM');
    expect(err.message).toMatch(/token endpoint is unreachable/);
  });
});
