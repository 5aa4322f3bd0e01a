import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

function vitalis(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    input,
    cwd: root,
    env: { ...process.env, VITALIS_DEID_KEY: 'd'.repeat(64), VITALIS_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vitalis deid (CLI)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitalis-deid-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('text from stdin: --json with UTF-16 offsets; --batch JSONL on one engine; clear errors', async () => {
    const text = '😀 Seen by Dr. Okonkwo on 1/2/2023, MRN: 20418833.';
    const one = vitalis(['deid', '-', '--mode', 'tag', '--json', '--data-dir', dir], text);
    expect(one.status, one.stderr).toBe(0);
    const doc = JSON.parse(one.stdout) as {
      text: string;
      spans: { start: number; end: number; category: string; text: string }[];
    };
    expect(doc.text).toBe('😀 Seen by Dr. [NAME] on [DATE], MRN: [MRN].');
    expect(doc.spans.map((s) => [s.start, s.end, s.category])).toEqual([
      [text.indexOf('Okonkwo'), text.indexOf('Okonkwo') + 7, 'NAME'],
      [text.indexOf('1/2/2023'), text.indexOf('1/2/2023') + 8, 'DATE'],
      [text.indexOf('20418833'), text.indexOf('20418833') + 8, 'MRN'],
    ]);

    const batchFile = join(dir, 'in.jsonl');
    await writeFile(
      batchFile,
      `${JSON.stringify({ id: 'a', text: 'Call Jane Roe' })}\n${JSON.stringify({ id: 2, text: 'SSN 123-45-6789' })}\n`,
    );
    const batch = vitalis(['deid', '--batch', batchFile, '--mode', 'redact', '--json', '--data-dir', dir]);
    expect(batch.status, batch.stderr).toBe(0);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; text: string });
    expect(lines.map((l) => [l.id, l.text])).toEqual([
      ['a', 'Call [REDACTED]'],
      [2, 'SSN [REDACTED]'],
    ]);

    const binary = vitalis(
      ['deid', '-', '--json', '--data-dir', dir],
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
    );
    expect(binary.status).toBe(1);
    expect(binary.stderr).toMatch(/binary/);
    const empty = vitalis(['deid', '-', '--data-dir', dir], '');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/empty/);
  });

  it('--out writes atomically, and reid puts the originals back', async () => {
    const src = join(dir, 'note.txt');
    const out = join(dir, 'note.deid.json');
    const note = 'Jane Roe (MRN 20418833) called from (617) 555-0134 on March 3, 2024.\n';
    await writeFile(src, note);
    const r = vitalis(['deid', src, '--json', '--out', out, '--data-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as { text: string; mappingId: string };
    expect(doc.text).not.toMatch(/Roe|20418833|555-0134|March 3/);
    expect((await readdir(dir)).some((f) => f.includes('.tmp-'))).toBe(false);
    const back = vitalis(['deid', 'reid', '-', '--mapping', doc.mappingId, '--data-dir', dir], doc.text);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toBe(note);
  });
});
