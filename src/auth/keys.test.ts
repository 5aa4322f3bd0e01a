import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, it, onTestFinished } from 'vitest';
import { KEY_FILE, loadAuthKeys } from './keys.js';

describe('token signing keys', () => {
  it('generates an ES384 key at first start into the data dir (0600) and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitalis-keys-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const first = await loadAuthKeys({ dataDir: dir });
    const again = await loadAuthKeys({ dataDir: dir });
    expect(first.alg).toBe('ES384');
    expect(again.kid).toBe(first.kid);
    expect(first.publicJwk).not.toHaveProperty('d');
    expect((await stat(join(dir, KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('accepts a configured PKCS#8 RSA key (RS256) and refuses garbage with VITALIS_CONFIG', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const keys = await loadAuthKeys({ signingKey: await exportPKCS8(privateKey), dataDir: 'memory://' });
    expect(keys.alg).toBe('RS256');
    await expect(loadAuthKeys({ signingKey: '{"kty":"oct","k":"abc"}', dataDir: 'memory://' })).rejects.toMatchObject({
      code: 'VITALIS_CONFIG',
    });
  });
});
