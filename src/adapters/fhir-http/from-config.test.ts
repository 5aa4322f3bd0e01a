import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../core/config.js';
import { generateClientKeys } from './client-keys.js';
import { remoteOptionsFromConfig, remoteRepositoryFromConfig } from './from-config.js';

const dir = mkdtempSync(join(tmpdir(), 'vitalis-fhir-http-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const config = (input: Record<string, unknown>) =>
  ConfigSchema.parse({ fhirUrl: 'https://ehr.example/fhir/', ...input });

describe('remoteOptionsFromConfig', () => {
  it('uses no auth by default', () => {
    expect(remoteOptionsFromConfig(config({}))).toEqual({
      baseUrl: 'https://ehr.example/fhir/',
      auth: { kind: 'none' },
    });
  });

  it('prefers a bearer token', () => {
    const opts = remoteOptionsFromConfig(config({ fhirToken: 'tok', fhirClientId: 'c' }));
    expect(opts.auth).toEqual({ kind: 'bearer', token: 'tok' });
  });

  it('maps SMART Backend Services settings, reading the key from a file', async () => {
    const keys = await generateClientKeys('ES384');
    const file = join(dir, 'key.pem');
    writeFileSync(file, keys.privateKeyPem);
    const opts = remoteOptionsFromConfig(
      config({
        fhirClientId: 'vitalis',
        fhirPrivateKey: file,
        fhirAlg: 'ES384',
        fhirKeyId: 'k1',
        fhirTokenUrl: 'https://ehr.example/token',
      }),
    );
    expect(opts.auth).toEqual({
      kind: 'smart-backend',
      clientId: 'vitalis',
      privateKey: keys.privateKeyPem,
      alg: 'ES384',
      scope: 'system/*.read',
      keyId: 'k1',
      tokenUrl: 'https://ehr.example/token',
    });
    const repo = remoteRepositoryFromConfig(
      config({ fhirClientId: 'vitalis', fhirPrivateKey: file, fhirAlg: 'ES384' }),
    );
    expect(repo.capabilities).toEqual({ write: true, local: false });
    await repo.close();
  });

  it('accepts an inline PEM and fails clearly on a wrong algorithm', async () => {
    const keys = await generateClientKeys('ES384');
    expect(() =>
      remoteRepositoryFromConfig(config({ fhirClientId: 'v', fhirPrivateKey: keys.privateKeyPem, fhirAlg: 'RS384' })),
    ).toThrow(/RS384 needs an RSA private key/);
  });

  it('rejects half-configured SMART settings and unreadable key files', () => {
    expect(() => remoteOptionsFromConfig(config({ fhirClientId: 'v' }))).toThrow(/VITALIS_FHIR_PRIVATE_KEY/);
    expect(() =>
      remoteOptionsFromConfig(config({ fhirClientId: 'v', fhirPrivateKey: join(dir, 'missing.pem') })),
    ).toThrow(/neither an inline key nor a readable file/);
    expect(() => remoteOptionsFromConfig(ConfigSchema.parse({}))).toThrow(/VITALIS_FHIR_URL/);
  });
});
