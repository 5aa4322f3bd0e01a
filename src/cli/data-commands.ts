import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { generateDemoPatients, seedDemo } from '../demo/index.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { parseSearchUrl } from '../fhir/search/index.js';
import { createProgressBar, formatSummary, importPaths } from '../import/index.js';
import { buildPatientContext } from '../patient/index.js';
import { configFromFlags, withStoreOptions } from './options.js';
import { withRepository } from './with-repository.js';

const positiveInt = (name: string, min = 0): z.ZodType<number, string> =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min, `${name} must be at least ${min}`);

function parseFlag<T>(schema: z.ZodType<T, string>, value: unknown, fallback: string): T {
  const result = schema.safeParse(typeof value === 'string' ? value : fallback);
  if (!result.success) {
    throw new AppError('VITALIS_CONFIG', result.error.issues.map((i) => i.message).join('; '));
  }
  return result.data;
}

/** `import`, `demo`, `search`, `context`: commands that read or write the chart store. */
export function registerDataCommands(program: Command): void {
  withStoreOptions(
    program
      .command('import')
      .description('import FHIR Bundles (transaction, batch, collection) and Bulk Data NDJSON files or folders')
      .argument('<paths...>', 'files or folders to import')
      .option('--report <file>', 'write the rejected resources, with reasons, to this JSON file')
      .option('--batch-size <n>', 'resources per batch for NDJSON and collection bundles', '500'),
  ).action(async (paths: string[], opts: Record<string, unknown>) => {
    const config = configFromFlags(opts);
    const batchSize = parseFlag(positiveInt('--batch-size', 1), opts['batchSize'], '500');
    const summary = await withRepository(config, async (repo) => {
      const bar = createProgressBar(process.stderr);
      // Ctrl-C stops after the current unit (a transaction is never cut in half) and still prints the summary.
      const abort = new AbortController();
      const onSigint = (): void => {
        abort.abort();
      };
      process.once('SIGINT', onSigint);
      try {
        return await importPaths(repo, paths, {
          batchSize,
          signal: abort.signal,
          onProgress: (p) => {
            bar.update(p);
          },
        });
      } finally {
        process.off('SIGINT', onSigint);
        bar.done();
      }
    });
    process.stdout.write(formatSummary(summary) + '\n');
    const report = opts['report'];
    if (typeof report === 'string') {
      await writeFile(report, JSON.stringify({ rejections: summary.rejections }, null, 2));
      process.stdout.write(`Rejections report written to ${report}\n`);
    }
    if (summary.rejected > 0 || summary.failedFiles > 0) {
      process.exitCode = 3;
    }
  });

  withStoreOptions(
    program
      .command('demo')
      .description('generate deterministic synthetic demo patients into the store (or as bundle files with --out)')
      .option('--patients <n>', 'how many patients (the first ones are the named showcase patients)', '20')
      .option('--seed <n>', 'generator seed; the same seed always gives the same patients', '42')
      .option('--out <dir>', 'write one transaction Bundle per patient to this folder instead of the store'),
  ).action(async (opts: Record<string, unknown>) => {
    const patients = parseFlag(positiveInt('--patients', 1), opts['patients'], '20');
    const seed = parseFlag(positiveInt('--seed'), opts['seed'], '42');
    const out = opts['out'];
    if (typeof out === 'string') {
      await mkdir(out, { recursive: true });
      let n = 0;
      for (const bundle of generateDemoPatients({ patients, seed })) {
        await writeFile(join(out, `demo-${seed}-${String(n).padStart(5, '0')}.json`), JSON.stringify(bundle));
        n++;
      }
      process.stdout.write(`Wrote ${n} patient bundles to ${out}\n`);
      return;
    }
    const config = configFromFlags(opts);
    const result = await withRepository(config, (repo) =>
      seedDemo(repo, {
        patients,
        seed,
        onProgress: (done, total) => {
          if (process.stderr.isTTY) {
            process.stderr.write(`\rdemo: ${done}/${total} patients`);
          }
        },
      }),
    );
    if (process.stderr.isTTY) {
      process.stderr.write('\n');
    }
    process.stdout.write(`Demo: ${result.patients} patients, ${result.resources} resources written (seed ${seed})\n`);
  });

  withStoreOptions(
    program
      .command('search')
      .description('run a FHIR search against the store and print the Bundle, e.g. "Observation?patient=ID&_count=5"')
      .argument('<query>', 'Type?param=value&... (quote it in the shell)'),
  ).action(async (query: string, opts: Record<string, unknown>) => {
    const config = configFromFlags(opts);
    loadFhirDefinitions();
    const request = parseSearchUrl(query);
    const bundle = await withRepository(config, (repo) => repo.search(request));
    process.stdout.write(JSON.stringify(bundle, null, 2) + '\n');
  });

  withStoreOptions(
    program
      .command('context')
      .description("print a patient's normalized context (facts with their source resources) as JSON")
      .argument('<patientId>', 'Patient resource id'),
  ).action(async (patientId: string, opts: Record<string, unknown>) => {
    const config = configFromFlags(opts);
    const context = await withRepository(config, (repo) => buildPatientContext(repo, patientId));
    process.stdout.write(JSON.stringify(context, null, 2) + '\n');
  });
}
