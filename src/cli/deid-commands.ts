import type { Patient } from '@medplum/fhirtypes';
import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import {
  createDeidService,
  deidentifyFhirFile,
  deidentifyStream,
  fileSink,
  openInput,
  streamSink,
  type DeidMode,
  type DeidService,
} from '../deid/index.js';
import { runDeidBench, formatDeidBench, defaultSharedDataDir } from '../deid/bench/index.js';
import { configFromFlags, withStoreOptions } from './options.js';
import { withRepository } from './with-repository.js';

const ModeSchema = z.enum(['redact', 'tag', 'surrogate']);
const BatchLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

function parseMode(value: unknown): DeidMode {
  const r = ModeSchema.safeParse(value ?? 'surrogate');
  if (!r.success) {
    throw new AppError('VITALIS_CONFIG', '--mode must be redact, tag or surrogate');
  }
  return r.data;
}

async function loadPatient(config: Config, id: string | undefined): Promise<Patient | undefined> {
  if (id === undefined) {
    return undefined;
  }
  return withRepository(config, (repo) => repo.read<Patient>('Patient', id));
}

async function runBatch(
  service: DeidService,
  file: string,
  options: { mode: DeidMode; patient?: Patient },
): Promise<number> {
  const rl = createInterface({
    input: file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let n = 0;
  let failed = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === '') {
      continue;
    }
    let parsed: z.infer<typeof BatchLine>;
    try {
      parsed = BatchLine.parse(JSON.parse(line));
    } catch {
      failed++;
      process.stdout.write(`${JSON.stringify({ line: n, error: 'line is not {"id","text"} JSON' })}\n`);
      continue;
    }
    const r = await service.deidentify(parsed.text, {
      mode: options.mode,
      keepMapping: false,
      ...(options.patient ? { patient: options.patient } : {}),
    });
    process.stdout.write(`${JSON.stringify({ id: parsed.id, text: r.text, spans: r.spans })}\n`);
  }
  if (failed > 0) {
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      `${failed} of ${n} batch lines were not {"id","text"} JSON (see the error lines in the output)`,
    );
  }
  return n;
}

/** `deid`: de-identify text (file, stdin or JSONL batch), FHIR Bundles/NDJSON, and re-identify. */
export function registerDeidCommands(program: Command): void {
  const deid = withStoreOptions(
    program
      .command('deid')
      .description('de-identify clinical text (redact | tag | surrogate); `deid fhir IN OUT` for FHIR data')
      .argument('[file]', 'UTF-8 text file, or - for stdin', '-')
      .option('--mode <mode>', 'redact | tag | surrogate', 'surrogate')
      .option('--json', 'print {"text","spans"[,"mappingId"]} (offsets in UTF-16 code units of the input)')
      .option('--batch <file>', 'JSONL of {"id","text"}; writes one {"id","text","spans"} line per input')
      .option('--out <file>', 'write the result to this file (written to a temp file and renamed when complete)')
      .option(
        '--patient <id>',
        "Patient id in the store: the patient's own identifiers are found wherever they appear",
      ),
  ).action(async (file: string, opts: Record<string, unknown>) => {
    const config = configFromFlags(opts);
    const mode = parseMode(opts['mode']);
    const service = createDeidService(config);
    const patient = await loadPatient(config, typeof opts['patient'] === 'string' ? opts['patient'] : undefined);
    if (typeof opts['batch'] === 'string') {
      await runBatch(service, opts['batch'], { mode, ...(patient ? { patient } : {}) });
      return;
    }
    if (file === '-' && process.stdin.isTTY) {
      throw new AppError('VITALIS_BAD_REQUEST', 'No input: give a FILE, or pipe text into `vitalis deid -`');
    }
    const sink = typeof opts['out'] === 'string' ? await fileSink(opts['out']) : streamSink(process.stdout);
    const input = openInput(file);
    input.on('error', () => undefined);
    let summary;
    try {
      summary = await deidentifyStream(service, input, {
        mode,
        json: opts['json'] === true,
        sink,
        keepMapping: mode === 'surrogate',
        ...(patient ? { patient } : {}),
      });
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
        throw new AppError('VITALIS_NOT_FOUND', 'Input file not found; check the path', { cause: err });
      }
      throw err;
    }
    if (opts['json'] !== true && summary.mappingId) {
      process.stderr.write(
        `deid: ${summary.spans.length} spans; mapping ${summary.mappingId} (re-identify with \`vitalis deid reid FILE --mapping ID\`)\n`,
      );
    }
  });

  withStoreOptions(
    deid
      .command('fhir')
      .description('de-identify a FHIR Bundle/resource JSON or NDJSON file with the Safe Harbor profile')
      .argument('<in>', 'Bundle or resource JSON, or .ndjson')
      .argument('<out>', 'output file (written to a temp file and renamed when complete)')
      .option('--dates <mode>', 'shift (per-patient offset) | year', undefined),
  ).action(async (inPath: string, outPath: string, _opts: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals<Record<string, unknown>>();
    const config = configFromFlags(opts);
    const dateMode = z.enum(['shift', 'year']).safeParse(opts['dates'] ?? config.deidDateMode);
    if (!dateMode.success) {
      throw new AppError('VITALIS_CONFIG', '--dates must be shift or year');
    }
    const service = createDeidService(config);
    let last = 0;
    const count = await deidentifyFhirFile(
      service,
      { in: inPath, out: outPath },
      {
        dateMode: dateMode.data,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - last > 500 || done === total) {
            last = now;
            process.stderr.write(`deid fhir: ${done}/${total} resources\r`);
          }
        },
      },
    ).catch((err: unknown) => {
      if (err instanceof Error && 'code' in err && err.code === 'ENOENT') {
        throw new AppError('VITALIS_NOT_FOUND', 'Input file not found; check the path', { cause: err });
      }
      throw err;
    });
    process.stderr.write(`\ndeid fhir: wrote ${count} resources to ${outPath}\n`);
  });

  withStoreOptions(
    deid
      .command('reid')
      .description('re-identify text produced in surrogate mode, using its encrypted mapping')
      .argument('[file]', 'text file, or - for stdin', '-')
      .requiredOption('--mapping <id>', 'mappingId printed by de-identification'),
  ).action(async (file: string, _opts: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals<Record<string, unknown>>();
    const service = createDeidService(configFromFlags(opts));
    const chunks: Buffer[] = [];
    for await (const c of openInput(file)) {
      chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
    }
    const text = Buffer.concat(chunks).toString('utf8');
    process.stdout.write(await service.reidentify(text, String(opts['mapping'])));
  });
}

const BenchOptions = z.object({
  dataDir: z.string().optional(),
  notes: z.coerce.number().int().min(10).max(5000).default(300),
  json: z.boolean().optional(),
  leaks: z.coerce.number().int().min(0).max(10_000).default(50),
});

/** `bench deid [--json]`: recall/precision/F1 per category on ASQ-PHI, presidio-synth and generated notes. */
export function registerBenchDeid(bench: Command): void {
  bench
    .command('deid')
    .description('de-identification benchmark: ASQ-PHI dev, presidio synth v2, generated demo notes; speed')
    .option('--data-dir <dir>', 'shared data folder (default ../shared/data from the repo)')
    .option('--notes <n>', 'generated notes for the note-length corpus', '300')
    .option('--leaks <n>', 'how many leaks to list per corpus', '50')
    .option('--json', 'print the full report as JSON')
    .action(async (opts: Record<string, unknown>) => {
      const parsed = BenchOptions.safeParse(opts);
      if (!parsed.success) {
        throw new AppError('VITALIS_CONFIG', parsed.error.issues.map((i) => i.message).join('; '));
      }
      const report = await runDeidBench({
        dataDir: parsed.data.dataDir ?? defaultSharedDataDir(),
        notes: parsed.data.notes,
        maxLeaks: parsed.data.leaks,
        onProgress: (msg) => process.stderr.write(`bench deid: ${msg}\n`),
      });
      process.stdout.write(parsed.data.json ? `${JSON.stringify(report)}\n` : `${formatDeidBench(report)}\n`);
    });
}
