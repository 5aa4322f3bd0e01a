import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { defaultMedsDataDir, runMedsBench } from '../meds/bench/index.js';

const OptionsSchema = z.object({
  dataDir: z.string().optional(),
  demoPatients: z.coerce.number().int().min(1).max(5000).default(200),
  json: z.boolean().optional(),
});

/** `bench meds [--json]`: ONC coverage, CRESCENDDI with and without ANSM, interruptive share, order-sign p95. */
export function registerBenchMeds(bench: Command): void {
  bench
    .command('meds')
    .description(
      'medication-safety evaluation: ONC coverage, CRESCENDDI recall/false alerts (with and without ANSM), alert tiers, speed',
    )
    .option('--data-dir <dir>', 'folder of the medication data (default ../shared/data/meds beside the repository)')
    .option('--demo-patients <n>', 'demo patients for the interruptive share', '200')
    .option('--json', 'print the figures as one JSON line (details go to stderr)')
    .action((raw: Record<string, unknown>) => {
      const parsed = OptionsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('VITALIS_CONFIG', '--demo-patients must be an integer from 1 to 5000');
      }
      const opts = parsed.data;
      const result = runMedsBench({
        dataDir: opts.dataDir ?? defaultMedsDataDir(),
        demoPatients: opts.demoPatients,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
      const c = result.crescenddi;
      process.stdout.write(
        [
          `ONC high-priority coverage      ${pct(result.oncHighPriorityCoverage)}`,
          `CRESCENDDI with ANSM            recall ${pct(c.withAnsm.recall)}, negatives alerting ${pct(c.withAnsm.negativeAlertRate)}, interruptive ${pct(c.withAnsm.negativeInterruptiveRate)}`,
          `CRESCENDDI without ANSM         recall ${pct(c.withoutAnsm.recall)}, negatives alerting ${pct(c.withoutAnsm.negativeAlertRate)}, interruptive ${pct(c.withoutAnsm.negativeInterruptiveRate)}`,
          `interruptive share (demo)       ${pct(result.interruptiveShare)}`,
          `order-sign p95 (15 drugs)       ${result.orderSignP95Ms.toFixed(2)} ms`,
        ].join('\n') + '\n',
      );
    });
}
