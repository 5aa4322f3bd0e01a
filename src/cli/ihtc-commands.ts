import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { evaluateIhtcSolution, parseIhtcInstance, parseIhtcSolution, solveIhtc } from '../ops/ihtc/index.js';

const TimeLimit = z.coerce.number().positive().max(86_400);

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.partial`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** `ihtc solve` and `ihtc check`: the Integrated Healthcare Timetabling Problem (IHTC 2024). */
export function registerIhtcCommands(program: Command): void {
  const ihtc = program.command('ihtc').description('admissions, theatres and nurses (IHTC 2024 problem)');
  ihtc
    .command('solve')
    .description('solve an IHTC instance; the result is verified by the independent validator')
    .argument('<file>', 'instance JSON (competition format)')
    .option('--time-limit <seconds>', 'wall-clock limit', '60')
    .option('--seed <n>', 'random seed', '1')
    .option('--out <file>', 'where to write the solution (competition format); default sol_<instance>.json')
    .option('--json', 'print {instance,violations,cost,seconds} as one JSON line')
    .action(async (file: string, opts: { timeLimit: string; seed: string; out?: string; json?: boolean }) => {
      const limit = TimeLimit.safeParse(opts.timeLimit);
      if (!limit.success) throw new AppError('VITALIS_CONFIG', '--time-limit must be a positive number of seconds');
      const name = basename(file).replace(/\.json$/i, '');
      const instance = parseIhtcInstance(await readFile(file, 'utf8'));
      const abort = new AbortController();
      const onSigint = (): void => {
        abort.abort();
      };
      process.once('SIGINT', onSigint);
      const result = await solveIhtc(instance, name, {
        timeLimitSeconds: limit.data,
        seed: Number(opts.seed) || 1,
        signal: abort.signal,
        onProgress: (p) => {
          if (process.stderr.isTTY)
            process.stderr.write(`\r${p.phase}: search cost ${Math.round(p.cost)}, ${Math.round(p.seconds)} s   `);
        },
      }).finally(() => process.off('SIGINT', onSigint));
      if (process.stderr.isTTY) process.stderr.write('\n');
      await writeAtomically(opts.out ?? `sol_${name}.json`, JSON.stringify(result.solution, null, 2) + '\n');
      const { violations, cost, seconds } = result;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ instance: name, violations, cost, seconds }) + '\n');
      } else {
        process.stdout.write(
          `${name}: ${violations} hard violations, cost ${cost}, ${seconds} s; solution written to ${opts.out ?? `sol_${name}.json`}\n`,
        );
        process.stdout.write(`cost breakdown: ${JSON.stringify(result.evaluation.costs)}\n`);
        for (const line of result.explanation) process.stdout.write(`  - ${line}\n`);
      }
      if (violations > 0) process.exitCode = 4;
    });
  ihtc
    .command('check')
    .description('validate a solution against its instance: hard violations and the weighted cost')
    .argument('<instance>', 'instance JSON')
    .argument('<solution>', 'solution JSON')
    .option('--json', 'print the evaluation as JSON')
    .action(async (instanceFile: string, solutionFile: string, opts: { json?: boolean }) => {
      const instance = parseIhtcInstance(await readFile(instanceFile, 'utf8'));
      const evaluation = evaluateIhtcSolution(instance, parseIhtcSolution(await readFile(solutionFile, 'utf8')));
      if (opts.json) {
        process.stdout.write(JSON.stringify(evaluation) + '\n');
      } else {
        process.stdout.write(`${evaluation.violations} hard violations, cost ${evaluation.cost}\n`);
        process.stdout.write(`cost breakdown: ${JSON.stringify(evaluation.costs)}\n`);
        for (const v of evaluation.details) process.stdout.write(`  - ${v.constraint}: ${v.message}\n`);
      }
      if (evaluation.violations > 0) process.exitCode = 4;
    });
}
