import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadAnsmThesaurus } from '../external/ansm.js';
import { buildKnowledge, VITALIS_SOURCE, vitalisKnowledge } from '../kb.js';
import { crescenddiNameMap, evaluateCrescenddi, type CrescenddiFigures } from './crescenddi.js';
import { oncCoverage } from './onc-coverage.js';
import { populationFigures } from './population.js';
import { orderSignP95 } from './speed.js';

/** The JSON line of `vitalis bench meds --json` (shape fixed by the issue). */
export interface MedsBenchResult {
  oncHighPriorityCoverage: number;
  crescenddi: {
    withAnsm: Pick<CrescenddiFigures, 'recall' | 'negativeAlertRate' | 'negativeInterruptiveRate'>;
    withoutAnsm: Pick<CrescenddiFigures, 'recall' | 'negativeAlertRate' | 'negativeInterruptiveRate'>;
  };
  interruptiveShare: number;
  orderSignP95Ms: number;
}

/** Runs the medication-safety evaluation; `log` receives human-readable details (stderr in the CLI). */
export function runMedsBench(options: {
  dataDir: string;
  demoPatients: number;
  log: (line: string) => void;
}): MedsBenchResult {
  const { dataDir, log } = options;
  const ours = vitalisKnowledge();
  const high = oncCoverage(ours, dataDir, 'high');
  log(`ONC high-priority: ${String(high.covered)}/${String(high.pairs)} member pairs covered at an interrupting tier`);
  if (high.missing.length > 0) {
    log(`  missing: ${high.missing.slice(0, 20).join(' ')}`);
  }
  const ni = oncCoverage(ours, dataDir, 'non-interruptive');
  log(`ONC non-interruptive: ${String(ni.covered)}/${String(ni.pairs)} mapped member pairs covered`);
  const ansm = loadAnsmThesaurus(join(dataDir, 'ansm-thesaurus'), {
    rxnormIngredientsCsv: join(dataDir, 'rxnorm-prescribable-2025-10/ingredients.csv'),
  });
  log(`ANSM thesaurus loaded: ${String(ansm.rules.length)} rules (${ansm.version})`);
  const withAnsmKb = buildKnowledge([VITALIS_SOURCE, ansm]);
  const names = crescenddiNameMap(dataDir);
  const without = evaluateCrescenddi(ours, dataDir, names);
  const withA = evaluateCrescenddi(withAnsmKb, dataDir, names);
  log(
    `CRESCENDDI: ${String(without.positivePairs)} positive pairs (${String(without.mappedPositive)} mapped), ${String(without.negativePairs)} negative pairs (${String(without.mappedNegative)} mapped)`,
  );
  const population = populationFigures(ours, {
    patients: options.demoPatients,
    seed: 42,
    anchor: new Date('2026-06-01T12:00:00Z'),
  });
  log(
    `demo population: ${String(population.patients)} patients, ${String(population.cards)} cards, ${String(population.interruptive)} interruptive`,
  );
  const top = Object.entries(population.byRule)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  log(`  top rules: ${top.map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
  const speed = orderSignP95(ours);
  log(
    `order-sign with 15 active drugs: wall p50 ${speed.p50.toFixed(2)} ms, p95 ${speed.p95.toFixed(2)} ms; CPU-time p95 ${speed.cpuP95.toFixed(2)} ms; ${String(speed.alerts)} alerts; load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${String(cpus().length)} cores`,
  );
  const pick = (f: CrescenddiFigures): MedsBenchResult['crescenddi']['withAnsm'] => ({
    recall: round(f.recall),
    negativeAlertRate: round(f.negativeAlertRate),
    negativeInterruptiveRate: round(f.negativeInterruptiveRate),
  });
  return {
    oncHighPriorityCoverage: round(high.coverage),
    crescenddi: { withAnsm: pick(withA), withoutAnsm: pick(without) },
    interruptiveShare: round(population.interruptiveShare),
    orderSignP95Ms: Math.round(speed.p95 * 1000) / 1000,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
