import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DdxResultSchema } from '../ddx/index.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

function vitalis(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, VITALIS_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vitalis ddx (CLI)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitalis-ddx-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--text --json prints the contract; --batch writes one line per case; bad usage is explained', async () => {
    const one = vitalis(['ddx', '--text', '30 year old man with fever and cough', '--json']);
    expect(one.status, one.stderr).toBe(0);
    const result = DdxResultSchema.parse(JSON.parse(one.stdout));
    expect(result.findings.some((f) => f.present && f.source.kind === 'text')).toBe(true);

    const file = join(dir, 'cases.jsonl');
    await writeFile(
      file,
      `${JSON.stringify({ id: 'a', text: 'fever and cough' })}\n${JSON.stringify({ id: 2, text: 'headache', age: 30, sex: 'female' })}\n`,
    );
    const batch = vitalis(['ddx', '--batch', file, '--json']);
    expect(batch.status, batch.stderr).toBe(0);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: unknown; differential: unknown[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 2]);

    const both = vitalis(['ddx', '--text', 'x', '--patient', 'y']);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('give exactly one of --patient ID, --text "..." or --batch FILE.jsonl');
  }, 120_000);
});
