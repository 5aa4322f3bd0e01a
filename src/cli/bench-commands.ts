import type { Command } from 'commander';
import { registerBenchDdx } from './bench-ddx-command.js';
import { registerBenchMeds } from './bench-meds-command.js';
import { registerBenchOps } from './bench-ops-command.js';
import { registerBenchDeid } from './deid-commands.js';

/**
 * `bench`: the benchmark command group. It is registered once here; each engine adds its subcommand through its own
 * function (e.g. `registerBenchDdx`; a `bench meds` would add `registerBenchMeds(bench)` below).
 */
export function registerBenchCommands(program: Command): void {
  const bench = program
    .command('bench')
    .description('benchmarks of the clinical engines (figures as JSON with --json)');
  registerBenchDdx(bench);
  registerBenchMeds(bench);
  registerBenchDeid(bench);
  registerBenchOps(bench);
}
