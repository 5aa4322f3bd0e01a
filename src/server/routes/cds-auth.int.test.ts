import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_SERVICE_ID, summaryCdsService } from '../../cds/index.js';
import { fetchJson } from '../test-support/http.js';
import { hookBody } from './cds-hook-bodies.js';
import { startCdsServer, startTestEhr, type CdsTestServer, type TestEhr } from './cds-test-ehr.js';

const NULL_PREFETCH = Object.fromEntries(Object.keys(summaryCdsService().prefetch ?? {}).map((k) => [k, null]));
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

async function post(
  url: string,
  authorization?: string,
): Promise<{ status: number; text: string; wwwAuth: string | null }> {
  const res = await fetchJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(hookBody({ hook: 'patient-view', patientId: 'p1', prefetch: NULL_PREFETCH })),
  });
  return { status: res.status, text: res.text, wwwAuth: res.headers.get('www-authenticate') };
}

describe('CDS Hooks JWT authentication', () => {
  let ehr: TestEhr;
  let server: CdsTestServer;
  let aud: string;

  beforeAll(async () => {
    ehr = await startTestEhr();
    server = await startCdsServer({
      store: 'pglite',
      services: [summaryCdsService()],
      config: {
        cdsIssuers: JSON.stringify({
          [ehr.issuer]: ehr.jwksUrl,
          'https://tenant-ehr.test': { jwks: ehr.jwksUrl, tenants: ['hospital-a'] },
        }),
      },
    });
    aud = `${server.url}/cds-services/${SUMMARY_SERVICE_ID}`;
  });
  afterAll(async () => {
    await server.close();
    await ehr.close();
  });

  it('accepts a token signed by an allow-listed issuer for this exact endpoint, once', async () => {
    const token = await ehr.sign(aud);
    expect((await post(aud, `Bearer ${token}`)).status).toBe(200);
    const replayed = await post(aud, `Bearer ${token}`);
    expect(replayed.status).toBe(401);
    expect(replayed.text).toContain('already used');
    expect(replayed.wwwAuth).toMatch(/^Bearer/);
  });

  it('refuses forged, expired, wrong-audience, alg:none, HS256 and unknown-issuer tokens with 401', async () => {
    const other = await generateKeyPair('ES384');
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ehr.issuer, sub: 'c', aud, iat: now, exp: now + 300 };
    const forged = await new SignJWT({ ...claims, jti: 'f1' })
      .setProtectedHeader({ alg: 'ES384', kid: ehr.kid })
      .sign(other.privateKey);
    const expired = await ehr.sign(aud, { claims: { iat: now - 900, exp: now - 600 } });
    const wrongAud = await ehr.sign(`${server.url}/cds-services/another-service`);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, jti: 'n1' })}.`;
    const hs256 = await new SignJWT({ ...claims, jti: 'h1' })
      .setProtectedHeader({ alg: 'HS256', kid: ehr.kid })
      .sign(new TextEncoder().encode('a shared secret that is long enough for HS256'));
    const unknownIssuer = await ehr.sign(aud, { claims: { iss: 'https://rogue.example' } });
    const future = await ehr.sign(aud, { claims: { iat: now + 600, exp: now + 900 } });
    const noJti = await ehr.sign(aud, { claims: { jti: undefined } });
    const badJku = await ehr.sign(aud, { header: { jku: 'https://attacker.example/jwks.json' } });
    const wrongTenant = await ehr.sign(aud, { claims: { iss: 'https://tenant-ehr.test', tenant: 'hospital-b' } });
    const cases: [string, string][] = [
      ['forged', forged],
      ['expired', expired],
      ['wrong audience', wrongAud],
      ['alg none', none],
      ['HS256', hs256],
      ['unknown issuer', unknownIssuer],
      ['issued in the future', future],
      ['no jti', noJti],
      ['jku not allow-listed', badJku],
      ['wrong tenant', wrongTenant],
    ];
    for (const [name, token] of cases) {
      const res = await post(aud, `Bearer ${token}`);
      expect(res.status, name).toBe(401);
      expect(res.text, name).not.toContain(token.slice(0, 20));
    }
    expect((await post(aud)).status).toBe(401);
    expect((await post(aud, 'Basic dXNlcjpwYXNz')).status).toBe(401);
    const refused = server.audit.accesses.filter((r) => r.outcome === 'failure');
    expect(refused.length).toBeGreaterThanOrEqual(cases.length + 2);
    expect(refused.at(-1)).toMatchObject({
      agent: { who: 'client:unverified' },
      what: `cds-services/${SUMMARY_SERVICE_ID}`,
      detail: 'VITALIS_UNAUTHORIZED',
    });
  });

  it('honours an allow-listed jku and checks the tenant', async () => {
    expect((await post(aud, `Bearer ${await ehr.sign(aud, { header: { jku: ehr.jwksUrl } })}`)).status).toBe(200);
    const tenant = await ehr.sign(aud, { claims: { iss: 'https://tenant-ehr.test', tenant: 'hospital-a' } });
    expect((await post(aud, `Bearer ${tenant}`)).status).toBe(200);
  });
});

describe('CDS Hooks authentication modes', () => {
  it('refuses every hook call with a configuration hint when no issuer is configured', async () => {
    const server = await startCdsServer({ store: 'pglite', services: [summaryCdsService()] });
    try {
      const res = await post(`${server.url}/cds-services/${SUMMARY_SERVICE_ID}`);
      expect(res.status).toBe(401);
      expect(res.text).toContain('VITALIS_CDS_ISSUERS');
      expect(res.text).toContain('--cds-allow-unauthenticated');
      expect((await fetchJson(`${server.url}/cds-services`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('accepts calls without a token only in development mode', async () => {
    const server = await startCdsServer({
      store: 'pglite',
      services: [summaryCdsService()],
      config: { cdsAllowUnauthenticated: '1' },
    });
    try {
      expect((await post(`${server.url}/cds-services/${SUMMARY_SERVICE_ID}`)).status).toBe(200);
      expect(server.audit.accesses.at(-1)?.agent.who).toBe('Practitioner/demo-prac-1');
    } finally {
      await server.close();
    }
  });

  it('reads an issuer JWKS from a file path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitalis-jwks-'));
    const { privateKey, publicKey } = await generateKeyPair('RS384');
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS384' }] }));
    const server = await startCdsServer({
      store: 'pglite',
      services: [summaryCdsService()],
      config: { cdsIssuers: JSON.stringify({ 'https://file-ehr.test': file }) },
    });
    try {
      const url = `${server.url}/cds-services/${SUMMARY_SERVICE_ID}`;
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({
        iss: 'https://file-ehr.test',
        sub: 'c',
        aud: url,
        iat: now,
        exp: now + 60,
        jti: 'file-1',
      })
        .setProtectedHeader({ alg: 'RS384', kid: 'k1', typ: 'JWT' })
        .sign(privateKey);
      expect((await post(url, `Bearer ${token}`)).status).toBe(200);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
