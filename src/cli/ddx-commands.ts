import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { defaultDdxEngine, type DdxResult, type DiagnoseOptions } from '../ddx/index.js';
import { buildPatientContext } from '../patient/index.js';
import { configFromFlags, withStoreOptions } from './options.js';
import { withRepository } from './with-repository.js';

const OptionsSchema = z.object({
  age: z.coerce.number().min(0).max(130).optional(),
  sex: z.enum(['female', 'male']).optional(),
  setting: z.enum(['primary-care', 'ed', 'general']).default('general'),
  limit: z.coerce.number().int().min(1).max(200).default(10),
});

const BatchLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    text: z.string().min(1),
    age: z.number().min(0).max(130).nullable().optional(),
    sex: z.enum(['female', 'male']).nullable().optional(),
  })
  .loose();

function diagnoseOptions(opts: Record<string, unknown>): DiagnoseOptions {
  const parsed = OptionsSchema.safeParse(opts);
  if (!parsed.success) {
    throw new AppError(
      'VITALIS_CONFIG',
      '--age must be 0–130, --sex female|male, --setting primary-care|ed|general, --limit 1–200',
    );
  }
  const o = parsed.data;
  return {
    setting: o.setting,
    limit: o.limit,
    ...(o.age === undefined ? {} : { age: o.age }),
    ...(o.sex ? { sex: o.sex } : {}),
  };
}

/** A readable differential for a terminal. */
export function formatDdx(result: DdxResult): string {
  const lines: string[] = [];
  const present = result.findings.filter((f) => f.present).map((f) => f.label);
  const absent = result.findings.filter((f) => !f.present).map((f) => f.label);
  lines.push(`Findings: ${present.join(', ') || '—'}`);
  if (absent.length > 0) {
    lines.push(`Absent:   ${absent.join(', ')}`);
  }
  lines.push('', 'Differential:');
  result.differential.forEach((d, i) => {
    const pct = `${(d.probability * 100).toFixed(1)}%`.padStart(6);
    lines.push(`${String(i + 1).padStart(2)}. ${pct}  ${d.name} [${d.icd10.join(', ')}] (${d.group})`);
    if (d.for.length > 0) {
      lines.push(
        `             for: ${d.for
          .slice(0, 5)
          .map((w) => `${w.label} (+${w.weight.toFixed(1)})`)
          .join(', ')}`,
      );
    }
    if (d.against.length > 0) {
      lines.push(
        `         against: ${d.against
          .slice(0, 4)
          .map((w) => `${w.label} (${w.weight.toFixed(1)})`)
          .join(', ')}`,
      );
    }
    if (d.unexplained.length > 0 && i < 3) {
      lines.push(`     unexplained: ${d.unexplained.slice(0, 5).join(', ')}`);
    }
  });
  if (result.nextBest.length > 0) {
    lines.push('', 'Next best (expected information gain):');
    for (const n of result.nextBest) {
      lines.push(`  - ${n.label} [${n.kind}] ${n.expectedInformationGain.toFixed(3)} bits`);
    }
  }
  lines.push('', `knowledge ${result.knowledgeVersion}`);
  return lines.join('\n');
}

async function runBatch(file: string, options: DiagnoseOptions): Promise<void> {
  const engine = defaultDdxEngine();
  const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') {
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new AppError('VITALIS_BAD_REQUEST', `line ${n} of the batch file is not JSON`);
    }
    const parsed = BatchLineSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('VITALIS_BAD_REQUEST', `line ${n} of the batch file needs {"id","text","age"?,"sex"?}`);
    }
    const c = parsed.data;
    const result = engine.diagnoseText(c.text, {
      ...options,
      ...(c.age === undefined || c.age === null ? {} : { age: c.age }),
      ...(c.sex ? { sex: c.sex } : {}),
    });
    process.stdout.write(JSON.stringify({ id: c.id, ...result }) + '\n');
  }
}

/** `ddx`: the differential diagnosis from a patient's chart, from free text, or for a JSONL batch of texts. */
export function registerDdxCommands(program: Command): void {
  withStoreOptions(
    program
      .command('ddx')
      .description('differential diagnosis from a chart (--patient), free text (--text) or a JSONL batch (--batch)')
      .option('--patient <id>', 'Patient resource id: read findings from the chart')
      .option('--text <text>', 'free text (note, referral letter, vignette)')
      .option('--batch <file>', 'JSONL file of {"id","text","age"?,"sex"?}; one result line per case ("-" for stdin)')
      .option('--age <years>', 'age, overrides the text')
      .option('--sex <sex>', 'female | male, overrides the text')
      .option('--setting <setting>', 'primary-care | ed | general (priors)', 'general')
      .option('--limit <n>', 'diagnoses shown', '10')
      .option('--json', 'print the result as JSON (the DdxResult contract)'),
  ).action(async (opts: Record<string, unknown>) => {
    const options = diagnoseOptions(opts);
    const modes = ['patient', 'text', 'batch'].filter((k) => typeof opts[k] === 'string');
    if (modes.length !== 1) {
      throw new AppError('VITALIS_CONFIG', 'give exactly one of --patient ID, --text "..." or --batch FILE.jsonl');
    }
    if (typeof opts['batch'] === 'string') {
      await runBatch(opts['batch'], options);
      return;
    }
    const engine = defaultDdxEngine();
    let result: DdxResult;
    if (typeof opts['text'] === 'string') {
      result = engine.diagnoseText(opts['text'], options);
    } else {
      const patientId = String(opts['patient']);
      const ctx = await withRepository(configFromFlags(opts), (repo) => buildPatientContext(repo, patientId));
      result = engine.diagnoseContext(ctx, options);
    }
    process.stdout.write((opts['json'] ? JSON.stringify(result) : formatDdx(result)) + '\n');
  });
}
