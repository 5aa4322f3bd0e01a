import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { haveTinyModel, TINY_MODEL } from '../../llm/test-support/tiny-model.js';
import { pullModel, resolvePullUri } from './pull.js';

const TINY_SHA = '81f226c62d28ed4a1a9b9fa080fcd9f0cc40e0f9d5680036583ff98fbcd035cb';

describe('resolvePullUri', () => {
  it('maps Hugging Face URIs and plain URLs', () => {
    expect(resolvePullUri('hf://org/repo/sub/model-Q4.gguf')).toEqual({
      url: 'https://huggingface.co/org/repo/resolve/main/sub/model-Q4.gguf',
      fileName: 'model-Q4.gguf',
    });
    expect(resolvePullUri('hf://org/repo@v2/m.gguf').url).toBe('https://huggingface.co/org/repo/resolve/v2/m.gguf');
    expect(resolvePullUri('https://host/x/y.gguf?download=1').fileName).toBe('y.gguf');
    expect(() => resolvePullUri('ftp://host/y.gguf')).toThrow(/hf:\/\//);
  });
});

describe.skipIf(!haveTinyModel())('pullModel from a local HTTP server serving the tiny model', () => {
  let data: Buffer;
  let server: Server;
  let dir: string;
  const seen: { range: string | undefined }[] = [];
  let mode: 'ok' | 'break' | 'no-range' = 'ok';

  beforeAll(async () => {
    data = readFileSync(TINY_MODEL);
    dir = await mkdtemp(join(tmpdir(), 'vitalis-pull-'));
    server = createServer((req, res) => {
      const range = req.headers.range;
      seen.push({ range });
      const m = /^bytes=(\d+)-$/.exec(range ?? '');
      const from = m && mode !== 'no-range' ? Number(m[1]) : 0;
      const body = data.subarray(from);
      res.writeHead(from > 0 ? 206 : 200, {
        'content-length': String(body.length),
        ...(from > 0 ? { 'content-range': `bytes ${from}-${data.length - 1}/${data.length}` } : {}),
        'x-linked-etag': `"${TINY_SHA}"`,
      });
      if (mode === 'break') {
        res.write(body.subarray(0, 600_000), () => res.destroy());
      } else {
        res.end(body);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const url = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}/models/tiny.gguf`;

  it('resumes a broken download with Range and verifies the checksum', async () => {
    mode = 'break';
    const err: unknown = await pullModel({ uri: url(), dir }).catch((e: unknown) => e);
    expect(isAppError(err, 'VITALIS_UPSTREAM')).toBe(true);
    const partial = (await stat(join(dir, 'tiny.gguf.partial'))).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(data.length);
    mode = 'ok';
    const progress: number[] = [];
    const result = await pullModel({ uri: url(), dir, onProgress: (p) => progress.push(p.received) });
    expect(seen.at(-1)?.range).toBe(`bytes=${partial}-`);
    expect(result.resumedFrom).toBe(partial);
    expect(result.bytes).toBe(data.length);
    expect(result.sha256).toBe(TINY_SHA);
    expect(result.expected).toEqual({ sha256: TINY_SHA, from: 'server' });
    expect(progress.at(-1)).toBe(data.length);
    const again = await pullModel({ uri: url(), dir, sha256: TINY_SHA });
    expect(again.alreadyPresent).toBe(true);
  });

  it('restarts when the server ignores Range, and rejects a wrong checksum', async () => {
    const dir2 = await mkdtemp(join(tmpdir(), 'vitalis-pull-'));
    await writeFile(join(dir2, 'tiny.gguf.partial'), Buffer.alloc(1000, 7));
    mode = 'no-range';
    const result = await pullModel({ uri: url(), dir: dir2 });
    expect(result.resumedFrom).toBe(0);
    expect(result.sha256).toBe(TINY_SHA);
    mode = 'ok';
    const dir3 = await mkdtemp(join(tmpdir(), 'vitalis-pull-'));
    const err: unknown = await pullModel({ uri: url(), dir: dir3, sha256: '0'.repeat(64) }).catch((e: unknown) => e);
    expect(isAppError(err, 'VITALIS_UPSTREAM')).toBe(true);
    expect((err as Error).message).toMatch(/Checksum mismatch/);
    await rm(dir2, { recursive: true, force: true });
    await rm(dir3, { recursive: true, force: true });
  });
});
