import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { runOpsBench } from '../ops/bench/bench-ops.js';

const Seconds = z.coerce.number().positive().max(86_400);

/** Parses "1-8,12" into [1..8, 12]. */
export function parseRange(text: string, max: number): number[] {
  if (text.trim() === '' || text === 'none') return [];
  const out: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new AppError('VITALIS_CONFIG', `Bad range "${part}": use e.g. 1-8,12`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    for (let i = from; i <= Math.min(to, max); i++) out.push(i);
  }
  return out;
}

/** `bench ops`: rostering and IHTC benchmarks against the published best-known results. */
export function registerBenchOps(bench: Command): void {
  bench
    .command('ops')
    .description('Curtois 1-24 rostering and IHTC 2024 i01-i30 against best-known results')
    .option('--data <dir>', 'folder with curtois-shift-scheduling-1-24/ and ihtc2024/', '../shared/data/or')
    .option('--curtois <range>', 'Curtois instances, e.g. 1-8 (none to skip)', '1-24')
    .option('--ihtc <range>', 'IHTC public instances, e.g. 1-30 (none to skip)', '1-30')
    .option('--roster-time-limit <s>', 'seconds per Curtois instance', '60')
    .option('--ihtc-time-limit <s>', 'seconds per IHTC instance', '600')
    .option('--baseline', 'also run plain HiGHS on our MILP (default settings) per Curtois instance')
    .option('--json', 'print one JSON document')
    .action(
      async (opts: {
        data: string;
        curtois: string;
        ihtc: string;
        rosterTimeLimit: string;
        ihtcTimeLimit: string;
        baseline?: boolean;
        json?: boolean;
      }) => {
        const roster = Seconds.safeParse(opts.rosterTimeLimit);
        const ihtc = Seconds.safeParse(opts.ihtcTimeLimit);
        if (!roster.success || !ihtc.success)
          throw new AppError('VITALIS_CONFIG', 'time limits must be positive numbers of seconds');
        const report = await runOpsBench({
          dataDir: resolve(opts.data),
          curtois: parseRange(opts.curtois, 24),
          ihtc: parseRange(opts.ihtc, 30).map((n) => `i${String(n).padStart(2, '0')}`),
          rosterTimeLimit: roster.data,
          ihtcTimeLimit: ihtc.data,
          baseline: opts.baseline === true,
          onProgress: (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(opts.json ? JSON.stringify(report) + '\n' : JSON.stringify(report, null, 2) + '\n');
      },
    );
}
