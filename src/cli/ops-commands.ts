import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { Bundle } from '@medplum/fhirtypes';
import {
  formatRosterCsv,
  formatRosterTable,
  parseRosterProblem,
  rosterProblemFromFhir,
  rosterToFhir,
  solveRoster,
} from '../ops/roster/index.js';

const TimeLimit = z.coerce.number().positive().max(86_400);

/** `roster solve`: staff rostering with HiGHS and local search, every roster verified by an independent checker. */
export function registerOpsCommands(program: Command): void {
  const roster = program.command('roster').description('staff rostering (nurse rostering, Curtois & Qu model)');
  roster
    .command('solve')
    .description('solve a roster problem (benchmark .txt or Vitalis JSON) and print the verified result')
    .argument('<file>', 'problem file')
    .option('--time-limit <seconds>', 'wall-clock limit', '60')
    .option('--json', 'print {instance,status,objective,bound,gap,seconds,violations} as one JSON line')
    .option('--table', 'also print the roster as a table')
    .option('--csv <file>', 'write the roster as CSV')
    .option(
      '--ward <file>',
      'ward configuration (JSON); FILE is then a FHIR Bundle of PractitionerRoles, Schedules and Slots',
    )
    .option(
      '--fhir-out <file>',
      'write the roster as a FHIR transaction Bundle of Slots and Appointments (needs --ward)',
    )
    .action(
      async (
        file: string,
        opts: { timeLimit: string; json?: boolean; table?: boolean; csv?: string; ward?: string; fhirOut?: string },
      ) => {
        const limit = TimeLimit.safeParse(opts.timeLimit);
        if (!limit.success) {
          throw new AppError('VITALIS_CONFIG', '--time-limit must be a positive number of seconds');
        }
        if (opts.fhirOut && !opts.ward) {
          throw new AppError(
            'VITALIS_CONFIG',
            '--fhir-out needs --ward WARD.json (shift start times and the horizon dates)',
          );
        }
        const text = await readFile(file, 'utf8');
        const ward = opts.ward ? (JSON.parse(await readFile(opts.ward, 'utf8')) as unknown) : undefined;
        const problem =
          ward === undefined
            ? parseRosterProblem(text, basename(file).replace(/\.[^.]+$/, ''))
            : rosterProblemFromFhir(JSON.parse(text) as Bundle, ward);
        const abort = new AbortController();
        const onSigint = (): void => {
          abort.abort();
        };
        process.once('SIGINT', onSigint);
        const result = await solveRoster(problem, {
          timeLimitSeconds: limit.data,
          signal: abort.signal,
          onProgress: (p) => {
            if (!opts.json && process.stderr.isTTY) {
              process.stderr.write(`\r${p.phase}: objective ${p.objective ?? '—'}, ${Math.round(p.seconds)} s   `);
            }
          },
        }).finally(() => process.off('SIGINT', onSigint));
        if (!opts.json && process.stderr.isTTY) {
          process.stderr.write('\n');
        }
        const { instance, status, objective, bound, gap, seconds, violations } = result;
        if (opts.json) {
          process.stdout.write(JSON.stringify({ instance, status, objective, bound, gap, seconds, violations }) + '\n');
        } else {
          process.stdout.write(
            `${instance}: ${status}, objective ${objective ?? '—'}, bound ${bound ?? '—'}, gap ${gap ?? '—'}, ` +
              `${seconds.toFixed(1)} s, ${violations} hard violations\n`,
          );
          if (result.breakdown) {
            process.stdout.write(`cost breakdown: ${JSON.stringify(result.breakdown)}\n`);
          }
          for (const line of [...result.explanation, ...result.warnings]) {
            process.stdout.write(`  - ${line}\n`);
          }
        }
        if (result.roster && opts.table) {
          process.stdout.write(formatRosterTable(problem, result.roster) + '\n');
        }
        if (result.roster && opts.csv) {
          await writeFile(opts.csv, formatRosterCsv(problem, result.roster));
        }
        if (result.roster && opts.fhirOut && ward !== undefined) {
          await writeFile(opts.fhirOut, JSON.stringify(rosterToFhir(problem, result.roster, ward), null, 2) + '\n');
        }
        if (status === 'infeasible' || status === 'timeout') {
          process.exitCode = 4;
        }
      },
    );
}
