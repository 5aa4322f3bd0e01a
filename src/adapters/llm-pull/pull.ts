import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../core/errors.js';

/** Progress of a download: bytes on disk so far, total when known, and where a resume started. */
export interface PullProgress {
  received: number;
  total: number | null;
  resumedFrom: number;
}

export interface PullOptions {
  /** `hf://owner/repo/file.gguf` (optionally `hf://owner/repo@revision/file.gguf`) or an http(s) URL. */
  uri: string;
  dir: string;
  /** Expected SHA-256 (hex); else Hugging Face's `X-Linked-Etag` is used when it is one. */
  sha256?: string | undefined;
  onProgress?: (p: PullProgress) => void;
  signal?: AbortSignal;
  /** Bearer token (Hugging Face gated models). */
  token?: string | undefined;
}

export interface PullResult {
  path: string;
  bytes: number;
  sha256: string;
  /** The checksum it was checked against, and where that came from. */
  expected: { sha256: string; from: 'flag' | 'server' } | null;
  resumedFrom: number;
  alreadyPresent: boolean;
}

/** Turns a pull URI into a download URL and a file name. */
export function resolvePullUri(uri: string): { url: string; fileName: string } {
  const hf = /^hf:\/\/([^/]+)\/([^/@]+)(?:@([^/]+))?\/(.+)$/.exec(uri);
  if (hf) {
    const [, owner, repo, revision, file] = hf;
    const path = (file ?? '').split('/').map(encodeURIComponent).join('/');
    return {
      url: `https://huggingface.co/${owner ?? ''}/${repo ?? ''}/resolve/${encodeURIComponent(revision ?? 'main')}/${path}`,
      fileName: (file ?? '').split('/').pop() ?? 'model.gguf',
    };
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new AppError('VITALIS_BAD_REQUEST', 'The model URI must be hf://owner/repo/file.gguf or an http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('VITALIS_BAD_REQUEST', 'The model URI must be hf://owner/repo/file.gguf or an http(s) URL');
  }
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '') || 'model.gguf';
  return { url: url.toString(), fileName };
}

/** SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

function expectedFrom(options: PullOptions, response: Response | null): PullResult['expected'] {
  if (options.sha256) return { sha256: options.sha256.toLowerCase(), from: 'flag' };
  const etag = response?.headers.get('x-linked-etag')?.replace(/^W\//, '').replace(/"/g, '') ?? '';
  return /^[0-9a-f]{64}$/i.test(etag) ? { sha256: etag.toLowerCase(), from: 'server' } : null;
}

/** Downloads a GGUF with progress, resumes a partial download with HTTP Range, and verifies its SHA-256. */
export async function pullModel(options: PullOptions): Promise<PullResult> {
  const { url, fileName } = resolvePullUri(options.uri);
  await mkdir(options.dir, { recursive: true });
  const target = join(options.dir, fileName);
  const partial = `${target}.partial`;
  const existing = await sizeOf(target);
  if (existing !== null && options.sha256) {
    const sha = await sha256File(target);
    if (sha === options.sha256.toLowerCase()) {
      return {
        path: target,
        bytes: existing,
        sha256: sha,
        expected: { sha256: sha, from: 'flag' },
        resumedFrom: 0,
        alreadyPresent: true,
      };
    }
  }
  const start = (await sizeOf(partial)) ?? 0;
  const headers: Record<string, string> = start > 0 ? { range: `bytes=${start}-` } : {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: 'follow', ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    throw new AppError('VITALIS_UPSTREAM', 'The model server could not be reached', { cause: err });
  }
  let resumedFrom = 0;
  if (response.status === 416 && start > 0) {
    await response.body?.cancel();
  } else if (!response.ok) {
    await response.body?.cancel();
    const code =
      response.status === 404
        ? 'VITALIS_NOT_FOUND'
        : response.status === 401 || response.status === 403
          ? 'VITALIS_UNAUTHORIZED'
          : 'VITALIS_UPSTREAM';
    throw new AppError(code, `The model server answered HTTP ${response.status} for ${fileName}`);
  } else {
    resumedFrom = response.status === 206 ? start : 0;
    const length = Number(response.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(length) ? resumedFrom + length : null;
    let received = resumedFrom;
    options.onProgress?.({ received, total, resumedFrom });
    const body = response.body;
    if (!body) throw new AppError('VITALIS_UPSTREAM', 'The model server sent no body');
    const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
    source.on('data', (chunk: Buffer) => {
      received += chunk.length;
      options.onProgress?.({ received, total, resumedFrom });
    });
    try {
      await pipeline(source, createWriteStream(partial, { flags: resumedFrom > 0 ? 'a' : 'w' }));
    } catch (err) {
      throw new AppError(
        'VITALIS_UPSTREAM',
        `The download broke off at ${received} bytes; run the same command again to resume`,
        { cause: err },
      );
    }
    if (total !== null && received < total) {
      throw new AppError(
        'VITALIS_UPSTREAM',
        `The download stopped at ${received} of ${total} bytes; run the same command again to resume`,
      );
    }
  }
  const sha = await sha256File(partial);
  const expected = expectedFrom(options, response);
  if (expected && expected.sha256 !== sha) {
    await rm(partial, { force: true });
    throw new AppError(
      'VITALIS_UPSTREAM',
      `Checksum mismatch for ${fileName}: expected ${expected.sha256}, got ${sha}; the partial file was removed`,
    );
  }
  await rename(partial, target);
  return {
    path: target,
    bytes: (await sizeOf(target)) ?? 0,
    sha256: sha,
    expected,
    resumedFrom,
    alreadyPresent: false,
  };
}

/** Small GGUF models worth trying on a CPU (check each licence on its model page before use). */
export const RECOMMENDED_MODELS = [
  {
    uri: 'hf://unsloth/medgemma-4b-it-GGUF/medgemma-4b-it-Q4_K_M.gguf',
    note: 'MedGemma 4B instruction-tuned (Google, medical text and images), 4-bit, about 2.5 GB; Health AI Developer Foundations terms',
  },
  {
    uri: 'hf://Qwen/Qwen2.5-1.5B-Instruct-GGUF/qwen2.5-1.5b-instruct-q4_k_m.gguf',
    note: 'Qwen2.5 1.5B instruct (general, not medical), about 1 GB, Apache-2.0; fast on 2 cores for trying the pipeline',
  },
] as const;
