import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { defaultDdxEngine } from '../ddx/index.js';
import {
  readDdxplus,
  readVignettes,
  runDdxplusBench,
  runVignetteBench,
  SEMIGRAN_GOLD,
  sharedDataDir,
} from '../ddx/bench/index.js';

const OptionsSchema = z.object({
  dataset: z.enum(['ddxplus', 'semigran']),
  dataDir: z.string().optional(),
  folds: z.coerce.number().int().min(2).max(50).default(12),
  questions: z.coerce.number().int().min(0).max(50).default(15),
  details: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** `bench ddx --dataset ddxplus|semigran [--json]`: the diagnosis benchmarks. */
export function registerBenchDdx(bench: Command): void {
  bench
    .command('ddx')
    .description(
      'differential-diagnosis benchmarks: DDXPlus (k-fold, full evidence and interactive) or the Semigran vignettes',
    )
    .requiredOption('--dataset <name>', 'ddxplus | semigran')
    .option('--data-dir <dir>', 'folder of the data sets (default ../shared/data beside the repository)')
    .option('--folds <k>', 'DDXPlus: number of cross-validation folds', '12')
    .option('--questions <n>', 'DDXPlus: most questions in interactive mode', '15')
    .option('--details', 'semigran: include the per-case ranks')
    .option('--json', 'print the report as one JSON line')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = OptionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('VITALIS_CONFIG', '--dataset must be ddxplus or semigran; --folds 2–50; --questions 0–50');
      }
      const opts = parsed.data;
      const dir = opts.dataDir ?? sharedDataDir();
      let report: object;
      if (opts.dataset === 'ddxplus') {
        const data = await readDdxplus(join(dir, 'ddxplus'));
        report = runDdxplusBench(data, {
          folds: opts.folds,
          maxQuestions: opts.questions,
          onProgress: (done, total) => {
            if (process.stderr.isTTY && (done % 50 === 0 || done === total)) {
              process.stderr.write(`\rddxplus: ${done}/${total} cases`);
            }
          },
        });
        if (process.stderr.isTTY) {
          process.stderr.write('\n');
        }
      } else {
        const cases = await readVignettes(join(dir, 'semigran_vignettes', 'semigran_vignettes.jsonl'));
        const t0 = performance.now();
        const engine = defaultDdxEngine();
        const loadMs = Math.round(performance.now() - t0);
        const result = runVignetteBench(engine, cases, { dataset: 'semigran', gold: SEMIGRAN_GOLD });
        const { details, ...summary } = result;
        report = { ...summary, msLoad: loadMs, ...(opts.details ? { details } : {}) };
      }
      process.stdout.write((opts.json ? JSON.stringify(report) : JSON.stringify(report, null, 2)) + '\n');
    });
}
