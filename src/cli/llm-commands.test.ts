import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTinyModel, TINY_MODEL } from '../llm/test-support/tiny-model.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const EVAL_DATA = resolve(root, '../shared/data/llm-eval');

function vitalis(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^VITALIS_(MODEL|LLM|MODELS|ANTHROPIC)/.test(k)),
  );
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...clean, VITALIS_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vitalis models / explain / model pull (CLI)', () => {
  it('says clearly that no model is configured and how to configure one', () => {
    const r = vitalis(['models']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No language model is configured/);
    expect(r.stdout).toMatch(/VITALIS_MODEL_GGUF/);
    expect(r.stdout).toMatch(/summary\s+-> no model; fallback: deterministic-template/);
  });

  it('routes every task to a VITALIS_MODEL_GGUF model, on-prem', () => {
    const r = vitalis(['models', '--json'], { VITALIS_MODEL_GGUF: '/models/med.gguf' });
    expect(r.status, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as { routing: { task: string; model: string; boundary: string }[] };
    expect(body.routing.every((row) => row.model === 'med' && row.boundary === 'on-prem')).toBe(true);
  });

  it('explains a differential without a model using the labelled, verified template', () => {
    const r = vitalis(['explain', '--text', '58 year old man with crushing chest pain and sweating', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as {
      explanation: { status: string; fallback: { label: string; verification: { verified: boolean } } };
    };
    expect(body.explanation.status).toBe('no_model_configured');
    expect(body.explanation.fallback.verification.verified).toBe(true);
  });

  it('rejects a bad pull URI with what to do', () => {
    const r = vitalis(['model', 'pull', 'ftp://example.org/x.gguf']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/hf:\/\/owner\/repo\/file\.gguf/);
  });
});

const haveEval = haveTinyModel() && existsSync(join(EVAL_DATA, 'medqa-usmle-4opt'));

describe.skipIf(!haveEval)('vitalis eval llm with the tiny model (skipped without ../shared)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitalis-eval-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints accuracy with a bootstrap CI and the anchors, and resumes', () => {
    const out = join(dir, 'medqa.jsonl');
    const args = ['eval', 'llm', '--task', 'medqa', '--model', TINY_MODEL, '--data', EVAL_DATA, '--out', out, '--json'];
    const first = vitalis([...args, '--limit', '2']);
    expect(first.status, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as {
      items: number;
      accuracy: { n: number; low: number; high: number };
      anchors: { name: string }[];
    };
    expect(a.accuracy.n).toBe(2);
    expect(a.anchors.map((x) => x.name)).toContain('Med-PaLM 2');
    const second = vitalis([...args, '--limit', '3']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/Resuming: 2 of 3/);
    expect((JSON.parse(second.stdout) as { accuracy: { n: number } }).accuracy.n).toBe(3);
  });
});
