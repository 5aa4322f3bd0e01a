import { parseIhtcInstance, solveIhtc } from '../ihtc/index.js';
import { parseRosterProblem, solveRoster } from '../roster/index.js';
import {
  curtoisBestKnown,
  curtoisInstanceText,
  ihtcBestKnown,
  ihtcInstanceText,
  ihtcPhase1Costs,
  requireOrData,
} from './data.js';

export interface OpsBenchOptions {
  dataDir: string;
  /** Curtois instance numbers (1–24). */
  curtois: number[];
  /** IHTC instance names (i01–i30). */
  ihtc: string[];
  rosterTimeLimit: number;
  ihtcTimeLimit: number;
  /** Also run plain HiGHS on our MILP with default settings (the baseline) on each Curtois instance. */
  baseline: boolean;
  onProgress?: (line: string) => void;
}

export interface CurtoisRow {
  instance: string;
  status: string;
  objective: number | null;
  bestKnown: number;
  /** (objective − best known) / best known. */
  gap: number | null;
  seconds: number;
  violations: number;
  baseline: { status: string; objective: number | null; seconds: number } | null;
}

export interface IhtcRow {
  instance: string;
  violations: number;
  cost: number;
  bestKnown: number;
  ratio: number;
  seconds: number;
  /** Where the cost would have ranked among the 32 phase-1 teams' feasible results (1 = best). */
  phase1Rank: number;
  phase1Teams: number;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

async function runCurtois(o: OpsBenchOptions): Promise<CurtoisRow[]> {
  const best = curtoisBestKnown(o.dataDir);
  const rows: CurtoisRow[] = [];
  for (const n of o.curtois) {
    const problem = parseRosterProblem(curtoisInstanceText(o.dataDir, n), `Instance${n}`);
    const result = await solveRoster(problem, { timeLimitSeconds: o.rosterTimeLimit });
    const baseline = o.baseline
      ? await solveRoster(problem, { timeLimitSeconds: o.rosterTimeLimit, method: 'milp' })
      : null;
    const bk = best.get(n)?.ub ?? Number.NaN;
    rows.push({
      instance: `Instance${n}`,
      status: result.status,
      objective: result.objective,
      bestKnown: bk,
      gap: result.objective === null ? null : round((result.objective - bk) / bk),
      seconds: round(result.seconds, 1),
      violations: result.violations,
      baseline: baseline
        ? { status: baseline.status, objective: baseline.objective, seconds: round(baseline.seconds, 1) }
        : null,
    });
    o.onProgress?.(`Instance${n}: ${result.status} ${result.objective ?? '—'} (best known ${bk})`);
  }
  return rows;
}

async function runIhtc(o: OpsBenchOptions): Promise<IhtcRow[]> {
  const best = ihtcBestKnown(o.dataDir);
  const rows: IhtcRow[] = [];
  for (const name of o.ihtc) {
    const result = await solveIhtc(parseIhtcInstance(ihtcInstanceText(o.dataDir, name)), name, {
      timeLimitSeconds: o.ihtcTimeLimit,
    });
    const bk = best.get(name) ?? Number.NaN;
    const teams = ihtcPhase1Costs(o.dataDir, name);
    rows.push({
      instance: name,
      violations: result.violations,
      cost: result.cost,
      bestKnown: bk,
      ratio: round(result.cost / bk),
      seconds: result.seconds,
      phase1Rank: result.violations > 0 ? teams.length + 1 : teams.filter((c) => c < result.cost).length + 1,
      phase1Teams: teams.length,
    });
    o.onProgress?.(`${name}: ${result.violations} violations, cost ${result.cost} (best known ${bk})`);
  }
  return rows;
}

/** `vitalis bench ops`: Curtois 1–24 against best-known objectives and IHTC i01–i30 against best-known costs. */
export async function runOpsBench(o: OpsBenchOptions): Promise<Record<string, unknown>> {
  requireOrData(o.dataDir);
  const curtois = await runCurtois(o);
  const ihtc = await runIhtc(o);
  const gaps = curtois.flatMap((r) => (r.gap === null ? [] : [r.gap]));
  return {
    machine: { cores: 2 },
    curtois: {
      timeLimitSeconds: o.rosterTimeLimit,
      instances: curtois,
      atBestKnown: curtois.filter((r) => r.gap !== null && r.gap <= 0).length,
      feasible: curtois.filter((r) => r.objective !== null).length,
      meanGap: gaps.length > 0 ? round(gaps.reduce((a, b) => a + b, 0) / gaps.length) : null,
    },
    ihtc: {
      timeLimitSeconds: o.ihtcTimeLimit,
      instances: ihtc,
      feasible: ihtc.filter((r) => r.violations === 0).length,
      meanRatio: ihtc.length > 0 ? round(ihtc.reduce((a, r) => a + r.ratio, 0) / ihtc.length) : null,
    },
  };
}
