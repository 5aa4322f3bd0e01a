import { checkRoster, type RosterBreakdown, type RosterViolation } from './check.js';
import { describeIis, precheckRoster } from './explain.js';
import { explainInfeasibleEmployees } from './explain-employee.js';
import { runHeuristic } from './heuristic.js';
import { gridToRoster, indexProblem, type IndexedProblem, type RosterGrid } from './indexed.js';
import { buildRosterMilp, decodeSolution, encodeSolution } from './milp-build.js';
import { runMilpInWorker, type MilpRunResult } from './milp-run.js';
import type { Roster, RosterProblem } from './model.js';

/** Final status of a solve: proven optimal, a verified roster without proof, proven infeasible, or nothing found in time. */
export type RosterStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeout';

/** Progress event of `solveRoster`. */
export interface RosterProgress {
  phase: 'precheck' | 'heuristic' | 'milp' | 'explain';
  objective: number | null;
  bound: number | null;
  seconds: number;
}

/** Options of `solveRoster`. */
export interface SolveRosterOptions {
  /** Total wall-clock budget in seconds (default 60). */
  timeLimitSeconds?: number;
  signal?: AbortSignal;
  onProgress?: (p: RosterProgress) => void;
  /** 'auto' (heuristic warm start, HiGHS, then MILP-based LNS), 'milp' (plain HiGHS, the baseline) or 'heuristic'. */
  method?: 'auto' | 'milp' | 'heuristic';
  seed?: number;
}

/** Result of `solveRoster`; `roster` has always been verified by the independent checker. */
export interface RosterSolveResult {
  instance: string;
  status: RosterStatus;
  objective: number | null;
  bound: number | null;
  /** (objective - bound) / objective, or 0 when optimal; null without both numbers. */
  gap: number | null;
  seconds: number;
  /** Hard-constraint violations of the returned roster (always 0 when a roster is returned). */
  violations: number;
  roster: Roster | null;
  breakdown: RosterBreakdown | null;
  /** Plain-words reasons when infeasible or when nothing was found. */
  explanation: string[];
  /** Unavoidable costs found by the pre-checks (e.g. cover demand above the staff able to work it). */
  warnings: string[];
  /** Which method produced the roster. */
  source: 'milp' | 'heuristic' | null;
  cancelled: boolean;
}

interface Candidate {
  grid: RosterGrid;
  objective: number;
  violations: RosterViolation[];
  breakdown: RosterBreakdown;
  source: 'milp' | 'heuristic';
}

function verify(p: RosterProblem, ip: IndexedProblem, grid: RosterGrid, source: Candidate['source']): Candidate {
  const c = checkRoster(p, gridToRoster(ip, grid));
  return { grid, objective: c.objective, violations: c.violations, breakdown: c.breakdown, source };
}

const LNS_MIN_COLS = 5000;

/** Hard rules only (no cover, no requests): HiGHS finds a feasible roster fast where the local search could not. */
async function feasibleStart(
  p: RosterProblem,
  seconds: number,
  signal: AbortSignal | undefined,
): Promise<RosterGrid | null> {
  if (seconds < 0.5 || signal?.aborted === true) return null;
  const ip = indexProblem({ ...p, cover: [], shiftOnRequests: [], shiftOffRequests: [] });
  const milp = buildRosterMilp(ip);
  const run = await runMilpInWorker(milp.arrays, { timeLimitSeconds: seconds, signal });
  return run.colValue === null ? null : decodeSolution(ip, milp, run.colValue);
}

function integralWeights(p: RosterProblem): boolean {
  const w = [...p.shiftOnRequests, ...p.shiftOffRequests].map((r) => r.weight);
  for (const c of p.cover) w.push(c.underWeight, c.overWeight);
  return w.every((x) => Number.isInteger(x));
}

function heuristicShare(method: SolveRosterOptions['method'], numCols: number, limit: number): number {
  if (method === 'milp') return 0;
  if (method === 'heuristic') return limit;
  return numCols < 2000 ? Math.min(2, 0.1 * limit) : Math.min(120, 0.3 * limit);
}

/** Solves a roster problem: pre-checks, heuristic warm start, HiGHS MILP in a worker, verification and explanation. */
export async function solveRoster(p: RosterProblem, options: SolveRosterOptions = {}): Promise<RosterSolveResult> {
  const t0 = Date.now();
  const limit = options.timeLimitSeconds ?? 60;
  const elapsed = (): number => (Date.now() - t0) / 1000;
  const report = (phase: RosterProgress['phase'], objective: number | null, bound: number | null): void => {
    options.onProgress?.({ phase, objective, bound, seconds: elapsed() });
  };
  const ip = indexProblem(p);
  const base = { instance: p.name, seconds: 0, roster: null, breakdown: null, source: null } as const;
  report('precheck', null, null);
  const pre = precheckRoster(p, ip);
  if (pre.conflicts.length > 0) {
    return {
      ...base,
      status: 'infeasible',
      objective: null,
      bound: null,
      gap: null,
      seconds: elapsed(),
      violations: 0,
      explanation: pre.conflicts,
      warnings: pre.warnings,
      cancelled: false,
    };
  }
  const milp = buildRosterMilp(ip);
  const candidates: Candidate[] = [];
  const hSeconds = heuristicShare(options.method, milp.arrays.numCols, limit);
  if (hSeconds > 0) {
    report('heuristic', null, null);
    const h = await runHeuristic(ip, {
      timeLimitSeconds: hSeconds,
      signal: options.signal,
      seed: options.seed ?? 12345,
      onImprove: (objective) => {
        report('heuristic', objective, null);
      },
    });
    if (h.hard === 0) candidates.push(verify(p, ip, h.grid, 'heuristic'));
    else {
      const seed = await feasibleStart(p, Math.min(60, 0.4 * (limit - elapsed())), options.signal);
      if (seed !== null) {
        const again = await runHeuristic(ip, {
          timeLimitSeconds: Math.max(0.5, Math.min(hSeconds, 0.5 * (limit - elapsed()))),
          signal: options.signal,
          initial: seed,
          onImprove: (objective) => {
            report('heuristic', objective, null);
          },
        });
        candidates.push(verify(p, ip, again.hard === 0 ? again.grid : seed, 'heuristic'));
      }
    }
  }
  let run: MilpRunResult | null = null;
  const left = limit - elapsed();
  if (options.method !== 'heuristic' && left > 0.5 && options.signal?.aborted !== true) {
    const start =
      candidates[0] !== undefined && candidates[0].violations.length === 0
        ? encodeSolution(ip, milp, candidates[0].grid)
        : null;
    report('milp', candidates[0]?.objective ?? null, null);
    run = await runMilpInWorker(milp.arrays, {
      timeLimitSeconds: left,
      signal: options.signal,
      start,
      computeIis: true,
      // Small models: plain HiGHS proves optimality; large ones: a bounded full solve, then MILP-based LNS.
      lns:
        options.method === 'milp' || milp.arrays.numCols < LNS_MIN_COLS
          ? null
          : { E: ip.E, D: ip.D, T: ip.T, xCol: milp.xCol, fullShare: 0.3, seed: options.seed ?? 12345 },
      onProgress: (m) => {
        report('milp', m.objective, m.bound);
      },
    });
    if (run.colValue !== null) candidates.push(verify(p, ip, decodeSolution(ip, milp, run.colValue), 'milp'));
  }
  const valid = candidates.filter((c) => c.violations.length === 0).sort((a, b) => a.objective - b.objective);
  for (const c of candidates) {
    if (c.violations.length > 0)
      pre.warnings.push(`a ${c.source} roster was rejected by the checker: ${c.violations[0]?.message ?? ''}`);
  }
  const best = valid[0];
  const bound = run?.bound ?? null;
  const cancelled = options.signal?.aborted === true;
  if (best === undefined) {
    const infeasible = run?.end === 'infeasible';
    const explanation = infeasible
      ? [
          'HiGHS proved that no roster satisfies every hard constraint.',
          ...describeIis(p, milp, run?.iisRows ?? new Int32Array()),
        ]
      : [
          cancelled
            ? 'The solve was cancelled before a roster was found.'
            : 'No roster satisfying every hard constraint was found within the time limit; infeasibility was not proven.',
        ];
    if (run?.message !== undefined) explanation.push(`HiGHS: ${run.message}`);
    if (infeasible) {
      report('explain', null, null);
      explanation.push(
        ...(await explainInfeasibleEmployees(p, {
          budgetSeconds: Math.max(10, limit - elapsed()),
          signal: options.signal,
        })),
      );
    }
    return {
      ...base,
      status: infeasible ? 'infeasible' : 'timeout',
      objective: null,
      bound,
      gap: null,
      seconds: elapsed(),
      violations: 0,
      explanation,
      warnings: pre.warnings,
      cancelled,
    };
  }
  const tolerance = integralWeights(p) ? 1 - 1e-6 : 1e-6;
  const proven = run?.end === 'optimal' || (bound !== null && best.objective - bound < tolerance);
  const lower = proven ? best.objective : bound;
  const gap = lower === null ? null : proven ? 0 : (best.objective - lower) / Math.max(1e-9, Math.abs(best.objective));
  return {
    ...base,
    status: proven ? 'optimal' : 'feasible',
    objective: best.objective,
    bound: lower,
    gap,
    seconds: elapsed(),
    violations: 0,
    roster: gridToRoster(ip, best.grid),
    breakdown: best.breakdown,
    source: best.source,
    explanation: [],
    warnings: pre.warnings,
    cancelled,
  };
}
