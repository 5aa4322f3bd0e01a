import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import {
  buildKnowledge,
  checkMedications,
  loadExternalKnowledge,
  ordersFromCodes,
  VITALIS_SOURCE,
  vitalisKnowledge,
  type MedsCheckResult,
} from '../meds/index.js';
import { buildPatientContext } from '../patient/index.js';
import { configFromFlags, withStoreOptions } from './options.js';
import { withRepository } from './with-repository.js';

const NowSchema = z.iso.datetime({ offset: true }).optional();
const TIER_MARK = { 'hard-stop': 'STOP', interruptive: 'WARN', informational: 'info' } as const;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function format(result: MedsCheckResult): string {
  const lines = [
    `patient ${result.patient} · ${result.mode === 'orders' ? 'orders checked' : 'active list reviewed'} · eGFR ${String(result.renal.egfr ?? '—')} · CrCl ${String(result.renal.crcl ?? '—')}`,
  ];
  for (const a of result.alerts) {
    lines.push(`${TIER_MARK[a.tier].padEnd(4)} ${a.summary}`);
    if (a.reasons.length > 0) {
      lines.push(`     why: ${a.reasons.join('; ')}`);
    }
    for (const s of a.suggestions) {
      lines.push(`     -> ${s.action.label}`);
    }
    lines.push(`     rule ${a.ruleId} · ${a.knowledgeVersion}`);
  }
  if (result.alerts.length === 0) {
    lines.push('no alerts');
  }
  if (result.unresolved.length > 0) {
    lines.push(`not checked (unknown RxNorm code): ${result.unresolved.join(', ')}`);
  }
  return lines.join('\n');
}

/** `meds check`: medication safety for a patient's chart and draft orders. */
export function registerMedsCommands(program: Command): void {
  const meds = program
    .command('meds')
    .description('medication safety: interactions, allergies, duplicates, renal dosing, older adults');
  withStoreOptions(
    meds
      .command('check')
      .description("check draft orders (or the active medication list) against the patient's chart")
      .requiredOption('--patient <id>', 'Patient resource id')
      .option(
        '--order <rxnorm:CODE>',
        'a draft order as an RxNorm ingredient or product code (repeatable)',
        collect,
        [],
      )
      .option(
        '--knowledge <path>',
        'also load an interaction knowledge base: ANSM thesaurus folder or CSV file (repeatable)',
        collect,
        [],
      )
      .option('--rxnorm-ingredients <csv>', 'RxNorm ingredient list (rxcui,name) to resolve unmapped ANSM substances')
      .option('--now <iso>', 'evaluate as of this date-time (default: now)')
      .option('--json', 'print the full result (alerts with rule, knowledge version, reference, evidence) as JSON'),
  ).action(async (opts: Record<string, unknown>) => {
    const now = NowSchema.safeParse(opts['now']);
    if (!now.success) {
      throw new AppError(
        'VITALIS_CONFIG',
        '--now must be an ISO date-time with a time zone, e.g. 2026-06-01T12:00:00Z',
      );
    }
    const paths = z.array(z.string()).parse(opts['knowledge'] ?? []);
    const codes = z.array(z.string()).parse(opts['order'] ?? []);
    const rxnorm = z.string().optional().parse(opts['rxnormIngredients']);
    const external = paths.map((p) => loadExternalKnowledge(p, rxnorm ? { rxnormIngredientsCsv: rxnorm } : {}));
    const knowledge = external.length > 0 ? buildKnowledge([VITALIS_SOURCE, ...external]) : vitalisKnowledge();
    const config = configFromFlags(opts);
    const patientId = String(opts['patient']);
    const result = await withRepository(config, async (repo) => {
      const context = await buildPatientContext(repo, patientId, now.data ? { now: new Date(now.data) } : {});
      const at = now.data ?? context.asOf;
      const { orders, unresolved } = ordersFromCodes(codes, at);
      return checkMedications({ context, orders, unresolved, now: at, knowledge });
    });
    process.stdout.write((opts['json'] ? JSON.stringify(result) : format(result)) + '\n');
  });
}
