import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../core/config.js';
import { isAppError } from '../core/errors.js';
import { createDeidService } from './service.js';
import { deidentifyStream, fileSink, utf8Chunks, type OutputSink } from './text-stream.js';

const service = createDeidService(ConfigSchema.parse({ dataDir: 'memory://' }));

function memorySink(): OutputSink & { out: string; committed: boolean } {
  const sink = {
    out: '',
    committed: false,
    write: (t: string) => {
      sink.out += t;
      return Promise.resolve();
    },
    commit: () => {
      sink.committed = true;
      return Promise.resolve();
    },
    abort: () => Promise.resolve(),
  };
  return sink;
}

async function collect(input: Iterable<Buffer>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of utf8Chunks(Readable.from(input), 64)) {
    out.push(c);
  }
  return out;
}

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) {
    await rm(d, { recursive: true, force: true });
  }
});

describe('streaming big inputs', () => {
  it('processes chunk by chunk with offsets of the whole input (UTF-16 code units)', async () => {
    const line = 'Seen by Dr. Okonkwo on 1/2/2023, MRN: 20418833. Café ☕ 😀 ok.\n';
    const text = line.repeat(2000);
    const sink = memorySink();
    const bytes = Buffer.from(text, 'utf8');
    // Split the bytes at awkward places (inside multi-byte characters).
    const parts = [bytes.subarray(0, 1001), bytes.subarray(1001, 50_003), bytes.subarray(50_003)];
    const summary = await deidentifyStream(service, Readable.from(parts), {
      mode: 'tag',
      json: true,
      sink,
      chunkChars: 4096,
    });
    expect(sink.committed).toBe(true);
    const doc = JSON.parse(sink.out) as {
      text: string;
      spans: { start: number; end: number; text: string; category: string }[];
    };
    expect(doc.text).toBe('Seen by Dr. [NAME] on [DATE], MRN: [MRN]. Café ☕ 😀 ok.\n'.repeat(2000));
    expect(doc.spans).toHaveLength(6000);
    for (const s of doc.spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(summary.chars).toBe(text.length);
  });
});

describe('bad input', () => {
  it('binary input', async () => {
    await expect(collect([Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])])).rejects.toSatisfy((e: unknown) =>
      isAppError(e, 'VITALIS_UNSUPPORTED_MEDIA_TYPE'),
    );
  });
  it('invalid UTF-8', async () => {
    await expect(collect([Buffer.from([0x61, 0xff, 0xfe, 0x62])])).rejects.toThrow(/not valid UTF-8/);
    await expect(collect([Buffer.from([0x61, 0xe2, 0x82])])).rejects.toThrow(/inside a UTF-8 character/);
  });
  it('empty and blank input', async () => {
    await expect(collect([])).rejects.toThrow(/empty/);
    await expect(collect([Buffer.from('  \n \n')])).rejects.toThrow(/empty/);
  });
  it('partial output is never left as if complete', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitalis-deid-stream-'));
    dirs.push(dir);
    const target = join(dir, 'out.json');
    const sink = await fileSink(target);
    const good = Buffer.from('Patient Jane Roe\n'.repeat(100));
    const input = Readable.from([good, Buffer.from([0xff])]);
    await expect(
      deidentifyStream(service, input, { mode: 'redact', json: true, sink, chunkChars: 256 }),
    ).rejects.toThrow(/UTF-8/);
    expect(await readdir(dir)).toEqual([]);
    const ok = await fileSink(target);
    await deidentifyStream(service, Readable.from([good]), { mode: 'redact', json: false, sink: ok });
    expect(await readFile(target, 'utf8')).toBe('Patient [REDACTED]\n'.repeat(100));
  });
});
