import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { buildPatientContext } from '../patient/index.js';
import { computeScores, parseScoreOptions, type ScoreResult } from '../scores/index.js';
import { configFromFlags, withStoreOptions } from './options.js';
import { withRepository } from './with-repository.js';

const NowSchema = z.iso.datetime({ offset: true }).optional();

function formatScores(results: readonly ScoreResult[]): string {
  const lines = results.map((r) => {
    const value = r.value === null ? '—' : `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
    const band = r.band ? r.band.label : r.status === 'not-applicable' ? 'not applicable' : 'undecided';
    const missing = r.missing.length > 0 ? `  missing: ${r.missing.map((m) => m.label).join(', ')}` : '';
    return `${r.name.padEnd(40)} ${value.padEnd(14)} ${band}${missing}`;
  });
  return lines.join('\n');
}

/** `scores`: clinical risk scores computed from the patient's chart. */
export function registerClinicalCommands(program: Command): void {
  withStoreOptions(
    program
      .command('scores')
      .description("compute the clinical scores (NEWS2, qSOFA, CHA2DS2-VASc, eGFR, ...) from a patient's chart")
      .requiredOption('--patient <id>', 'Patient resource id')
      .option('--now <iso>', 'evaluate as of this date-time (default: now)')
      .option('--json', 'print the full results (components, missing inputs, provenance) as JSON'),
  ).action(async (opts: Record<string, unknown>) => {
    const now = NowSchema.safeParse(opts['now']);
    if (!now.success) {
      throw new AppError(
        'VITALIS_CONFIG',
        '--now must be an ISO date-time with a time zone, e.g. 2026-06-01T12:00:00Z',
      );
    }
    const options = parseScoreOptions(now.data ? { now: now.data } : {});
    const config = configFromFlags(opts);
    const patientId = String(opts['patient']);
    const results = await withRepository(config, async (repo) =>
      computeScores(await buildPatientContext(repo, patientId), options),
    );
    process.stdout.write((opts['json'] ? JSON.stringify(results) : formatScores(results)) + '\n');
  });
}
