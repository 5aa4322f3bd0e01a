import { constructRoster } from './construct.js';
import type { IndexedProblem, RosterGrid } from './indexed.js';
import { coverCounts, employeeHard, employeeRequests, slotCost } from './penalty.js';

/** Options of the local search. */
export interface HeuristicOptions {
  timeLimitSeconds: number;
  signal?: AbortSignal | undefined;
  seed?: number;
  initial?: RosterGrid;
  /** Called when a better feasible roster is found. */
  onImprove?: ((objective: number, seconds: number) => void) | undefined;
}

/** Best roster of the local search; `hard` is 0 when it is feasible. */
export interface HeuristicResult {
  grid: RosterGrid;
  objective: number;
  hard: number;
  seconds: number;
  iterations: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

type Change = [e: number, d: number, v: number];

/** Simulated annealing over the roster grid with penalised hard constraints. */
class Search {
  readonly grid: RosterGrid;
  readonly counts: Int32Array;
  readonly hard: Float64Array;
  readonly req: Float64Array;
  hardTotal = 0;
  soft = 0;
  readonly values: number[][];

  constructor(
    readonly ip: IndexedProblem,
    grid: RosterGrid,
    public weight: number,
  ) {
    this.grid = grid;
    this.counts = coverCounts(ip, grid);
    this.hard = new Float64Array(ip.E);
    this.req = new Float64Array(ip.E);
    for (let e = 0; e < ip.E; e++) {
      this.hard[e] = employeeHard(ip, grid, e);
      this.req[e] = employeeRequests(ip, grid, e);
      this.hardTotal += this.hard[e] ?? 0;
      this.soft += this.req[e] ?? 0;
    }
    for (let k = 0; k < this.counts.length; k++) this.soft += slotCost(ip, k, this.counts[k] ?? 0);
    this.values = Array.from({ length: ip.E }, (_, e) => [
      0,
      ...Array.from({ length: ip.T }, (_x, t) => t + 1).filter((v) => (ip.maxShifts[e]?.[v - 1] ?? 0) > 0),
    ]);
  }

  get cost(): number {
    return this.soft + this.weight * this.hardTotal;
  }

  /** Applies changes and returns the old values (for undo) and the cost delta. */
  apply(changes: Change[], emps: number[]): { delta: number; undo: Change[] } {
    const { D, T } = this.ip;
    const before = this.cost;
    const undo: Change[] = [];
    for (const [e, d, v] of changes) {
      const i = e * D + d;
      const old = this.grid[i] ?? 0;
      if (old === v) continue;
      undo.push([e, d, old]);
      if (old > 0) this.moveCount(d * T + old - 1, -1);
      if (v > 0) this.moveCount(d * T + v - 1, 1);
      this.grid[i] = v;
    }
    for (const e of emps) {
      const h = employeeHard(this.ip, this.grid, e);
      const r = employeeRequests(this.ip, this.grid, e);
      this.hardTotal += h - (this.hard[e] ?? 0);
      this.soft += r - (this.req[e] ?? 0);
      this.hard[e] = h;
      this.req[e] = r;
    }
    return { delta: this.cost - before, undo: undo.reverse() };
  }

  private moveCount(k: number, by: number): void {
    const n = this.counts[k] ?? 0;
    this.soft += slotCost(this.ip, k, n + by) - slotCost(this.ip, k, n);
    this.counts[k] = n + by;
  }
}

function proposeMove(s: Search, rand: () => number): { changes: Change[]; emps: number[] } | null {
  const { E, D } = s.ip;
  const e = Math.floor(rand() * E);
  const d = Math.floor(rand() * D);
  const vals = s.values[e] ?? [0];
  const r = rand();
  if (r < 0.35) {
    const v = vals[Math.floor(rand() * vals.length)] ?? 0;
    if (v > 0 && s.ip.dayOff[e]?.[d] === true) return null;
    return { changes: [[e, d, v]], emps: [e] };
  }
  const f = Math.floor(rand() * E);
  if (f === e) return null;
  const len = r < 0.65 ? 1 : 1 + Math.floor(rand() * Math.min(5, D));
  if (r < 0.85) {
    const changes: Change[] = [];
    for (let j = d; j < Math.min(D, d + len); j++) {
      const a = s.grid[e * D + j] ?? 0;
      const b = s.grid[f * D + j] ?? 0;
      if (a === b) continue;
      changes.push([e, j, b], [f, j, a]);
    }
    return changes.length === 0 ? null : { changes, emps: [e, f] };
  }
  const v = vals[Math.floor(rand() * vals.length)] ?? 0;
  const changes: Change[] = [];
  for (let j = d; j < Math.min(D, d + len); j++) if (v === 0 || s.ip.dayOff[e]?.[j] !== true) changes.push([e, j, v]);
  return { changes, emps: [e] };
}

/** Local search on one employee's row alone until its hard rules hold (they never involve other employees). */
function repairEmployee(ip: IndexedProblem, grid: RosterGrid, e: number, rand: () => number): number {
  const iterations = 2_000;
  const { D } = ip;
  const vals = [0, ...Array.from({ length: ip.T }, (_, t) => t + 1).filter((v) => (ip.maxShifts[e]?.[v - 1] ?? 0) > 0)];
  let hard = employeeHard(ip, grid, e);
  const saved = new Int32Array(6);
  for (let i = 0; i < iterations && hard > 0; i++) {
    const d = Math.floor(rand() * D);
    const len = rand() < 0.6 ? 1 : 2 + Math.floor(rand() * 3);
    const v = vals[Math.floor(rand() * vals.length)] ?? 0;
    const end = Math.min(D, d + len);
    for (let j = d; j < end; j++) {
      saved[j - d] = grid[e * D + j] ?? 0;
      grid[e * D + j] = v > 0 && ip.dayOff[e]?.[j] === true ? 0 : v;
    }
    const next = employeeHard(ip, grid, e);
    if (next <= hard || rand() < 0.02) hard = next;
    else for (let j = d; j < end; j++) grid[e * D + j] = saved[j - d] ?? 0;
  }
  return hard;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Constructive start plus simulated annealing; yields to the event loop every few milliseconds. */
export async function runHeuristic(ip: IndexedProblem, options: HeuristicOptions): Promise<HeuristicResult> {
  const t0 = Date.now();
  const deadline = t0 + options.timeLimitSeconds * 1000;
  const rand = rng(options.seed ?? 12345);
  let maxW = 1;
  for (let k = 0; k < ip.underWeight.length; k++) maxW = Math.max(maxW, ip.underWeight[k] ?? 0, ip.overWeight[k] ?? 0);
  const start = options.initial ? Int32Array.from(options.initial) : constructRoster(ip);
  const repairDeadline = t0 + 0.25 * (deadline - t0);
  // Round-robin passes so every employee gets repair effort even when time is short.
  for (
    let pass = 0, broken = ip.E;
    pass < 200 && broken > 0 && Date.now() < repairDeadline && options.signal?.aborted !== true;
    pass++
  ) {
    broken = 0;
    for (let e = 0; e < ip.E; e++) if (repairEmployee(ip, start, e, rand) > 0) broken++;
    await yieldToLoop();
  }
  const s = new Search(ip, start, 2 * maxW);
  let best = { grid: Int32Array.from(s.grid), objective: s.hardTotal === 0 ? s.soft : Infinity, hard: s.hardTotal };
  const temp0 = Math.min(15, maxW / 2);
  const temp1 = 0.05;
  let iterations = 0;
  while (Date.now() < deadline && options.signal?.aborted !== true) {
    const sliceEnd = Math.min(deadline, Date.now() + 25);
    const frac = (Date.now() - t0) / Math.max(1, deadline - t0);
    const temp = temp0 * Math.pow(temp1 / temp0, frac);
    s.weight = s.hardTotal > 0 ? Math.min(s.weight * 1.05, 50 * maxW) : Math.max(2 * maxW, s.weight * 0.99);
    while (Date.now() < sliceEnd) {
      for (let i = 0; i < 200; i++) {
        iterations++;
        const move = proposeMove(s, rand);
        if (move === null) continue;
        const { delta, undo } = s.apply(move.changes, move.emps);
        if (delta <= 0 || rand() < Math.exp(-delta / temp)) {
          if (s.hardTotal === 0 && s.soft < best.objective) {
            best = { grid: Int32Array.from(s.grid), objective: s.soft, hard: 0 };
            options.onImprove?.(s.soft, (Date.now() - t0) / 1000);
          } else if (best.objective === Infinity && s.hardTotal < best.hard) {
            best = { grid: Int32Array.from(s.grid), objective: Infinity, hard: s.hardTotal };
          }
        } else {
          s.apply(undo, move.emps);
        }
      }
    }
    await yieldToLoop();
  }
  const { soft } = best.objective === Infinity ? { soft: Infinity } : { soft: best.objective };
  return { grid: best.grid, objective: soft, hard: best.hard, seconds: (Date.now() - t0) / 1000, iterations };
}
