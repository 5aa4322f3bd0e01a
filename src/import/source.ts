import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ImportFile } from './discover.js';
import type { ImportUnit } from './types.js';

/** What readers need besides the file: batch size and a byte counter for the ETA. */
export interface ReaderContext {
  batchSize: number;
  /** Called with the number of file bytes (compressed, for .gz) just read. */
  onBytes: (n: number) => void;
}

const READ_CHUNK = 1 << 20;

/** Opens a file as a stream of (decompressed) bytes, counting the bytes read from disk. */
export function openSource(file: ImportFile, ctx: ReaderContext): Readable {
  const raw = createReadStream(file.path, { highWaterMark: READ_CHUNK });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback): void {
      ctx.onBytes(chunk.length);
      callback(null, chunk);
    },
  });
  const noop = (): void => undefined; // errors surface on the returned stream
  if (file.gzip) {
    return pipeline(raw, counter, createGunzip({ chunkSize: 256 * 1024 }), noop);
  }
  return pipeline(raw, counter, noop);
}

/** A short, PHI-free description of a JSON.parse failure (V8 quotes the offending text; that is dropped). */
export function jsonErrorReason(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const pos = /position (\d+)/.exec(message);
  return pos ? `Invalid JSON at character ${pos[1]}` : 'Invalid JSON';
}

/** A rejection unit for a file that could not be read or parsed (the rest of it is skipped). */
export function fileFailure(file: string, location: string, reason: string): ImportUnit {
  return { kind: 'rejection', resources: 0, fileFailed: true, rejection: { file, location, reason } };
}

/** Describes an I/O or decompression error without file content. */
export function readErrorReason(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') {
    return `Cannot read file (${code})`;
  }
  return `Cannot read file${err instanceof Error ? `: ${err.message}` : ''}`;
}
