import { createReadStream } from 'node:fs';
import { rename, rm, writeFile, open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../core/errors.js';
import type { Replacement } from './transform.js';
import type { DeidService, DeidTextOptions } from './service.js';
import type { PhiSpan } from './types.js';

/** Size of one processing chunk; chunks end at a line break so PHI is not cut in two. */
export const CHUNK_CHARS = 256 * 1024;

/** Opens a file path or "-" (stdin) as a byte stream. */
export function openInput(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path);
}

/** Decodes a byte stream as strict UTF-8 and yields text chunks that end at a line break (or the end). Throws clear
 * errors for binary (NUL bytes), invalid UTF-8 and empty input. */
export async function* utf8Chunks(
  input: AsyncIterable<Buffer | string>,
  chunkChars = CHUNK_CHARS,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let bytes = 0;
  let yielded = false;
  for await (const part of input) {
    const buf = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    if (buf.includes(0)) {
      throw new AppError(
        'VITALIS_UNSUPPORTED_MEDIA_TYPE',
        `Input looks binary (NUL byte near byte ${bytes + buf.indexOf(0)}); de-identification takes UTF-8 text`,
      );
    }
    try {
      pending += decoder.decode(buf, { stream: true });
    } catch (err) {
      throw new AppError(
        'VITALIS_UNPROCESSABLE',
        `Input is not valid UTF-8 (near byte ${bytes}); convert it to UTF-8 first`,
        { cause: err },
      );
    }
    bytes += buf.length;
    while (pending.length >= chunkChars) {
      const cut = pending.lastIndexOf('\n', chunkChars);
      const at = cut > 0 ? cut + 1 : chunkChars;
      yielded = true;
      yield pending.slice(0, at);
      pending = pending.slice(at);
    }
  }
  try {
    pending += decoder.decode();
  } catch (err) {
    throw new AppError('VITALIS_UNPROCESSABLE', 'Input ends inside a UTF-8 character (truncated file?)', {
      cause: err,
    });
  }
  if (bytes === 0 || (!yielded && pending.trim() === '')) {
    throw new AppError('VITALIS_UNPROCESSABLE', 'Input is empty; nothing to de-identify');
  }
  if (pending !== '') {
    yield pending;
  }
}

/** Where de-identified output goes: a sink with write and a commit step (temp file renamed only on success). */
export interface OutputSink {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A file sink that writes `<path>.tmp-<pid>` and renames it onto `path` only when complete. */
export async function fileSink(path: string): Promise<OutputSink> {
  const tmp = `${path}.tmp-${process.pid}`;
  const handle = await openFile(tmp, 'w', 0o600);
  return {
    write: async (text) => {
      await handle.write(text);
    },
    commit: async () => {
      await handle.close();
      await rename(tmp, path);
    },
    abort: async () => {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}

/** A sink over a writable stream such as stdout (no commit step; a failure leaves output unterminated). */
export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        stream.write(text, (err) => {
          if (err) {
            reject(err);
          } else {
            resolve();
          }
        });
      }),
    commit: () => Promise.resolve(),
    abort: () => Promise.resolve(),
  };
}

/** Result summary of a streamed de-identification. */
export interface StreamSummary {
  spans: PhiSpan[];
  chars: number;
  mappingId?: string;
}

/** De-identifies a text stream chunk by chunk (offsets stay those of the whole input) and writes plain text or the
 * `{"text","spans"}` JSON document to the sink; commits only when everything was processed. */
export async function deidentifyStream(
  service: DeidService,
  input: AsyncIterable<Buffer | string>,
  options: DeidTextOptions & { sink: OutputSink; json: boolean; chunkChars?: number },
): Promise<StreamSummary> {
  const spans: PhiSpan[] = [];
  const replacements: Replacement[] = [];
  let base = 0;
  let patientKey = 'anonymous';
  try {
    if (options.json) {
      await options.sink.write('{"text":"');
    }
    for await (const chunk of utf8Chunks(input, options.chunkChars)) {
      const r = service.process(chunk, options);
      patientKey = r.patientKey;
      for (const s of r.spans) {
        spans.push({ ...s, start: s.start + base, end: s.end + base });
      }
      replacements.push(...r.replacements);
      base += chunk.length;
      await options.sink.write(options.json ? JSON.stringify(r.text).slice(1, -1) : r.text);
    }
    let mappingId: string | undefined;
    if ((options.mode ?? 'surrogate') === 'surrogate' && options.keepMapping !== false) {
      mappingId = await service.saveMapping(patientKey, replacements);
    }
    if (options.json) {
      await options.sink.write(
        `","spans":${JSON.stringify(spans)}${mappingId ? `,"mappingId":${JSON.stringify(mappingId)}` : ''}}\n`,
      );
    }
    await options.sink.commit();
    return { spans, chars: base, ...(mappingId ? { mappingId } : {}) };
  } catch (err) {
    await options.sink.abort();
    throw err;
  }
}

/** Writes a whole string atomically (temp file + rename). */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, content, { mode: 0o600 });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
