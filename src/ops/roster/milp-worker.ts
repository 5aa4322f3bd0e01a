// HiGHS worker: type-only imports so it runs under plain Node type stripping as well as tsx/vitest.
import { parentPort, workerData } from 'node:worker_threads';
import highsModule from 'highs';
import type { Highs, HighsCallbackMap, InitOptions, Model } from 'highs';
import type { LnsSettings, MilpWorkerMessage, MilpWorkerRequest } from './milp-protocol.js';

// The package types are CommonJS-shaped, but Node loads build/highs.mjs whose default export is the loader.
const loadHighs = highsModule as unknown as (options?: InitOptions) => Promise<Highs>;
const req = workerData as MilpWorkerRequest;
const port = parentPort;
const stop = new Int32Array(req.stopFlag);
const t0 = Date.now();
const post = (m: MilpWorkerMessage): void => {
  port?.postMessage(m);
};
const seconds = (): number => (Date.now() - t0) / 1000;
const num = (v: number | bigint | undefined): number | null =>
  v === undefined || !Number.isFinite(Number(v)) || Math.abs(Number(v)) >= 1e29 ? null : Number(v);

interface Incumbent {
  objective: number;
  colValue: Float64Array;
}

let best: Incumbent | null = null;
let bound: number | null = null;

function callbacks(highs: Highs, quiet: boolean): HighsCallbackMap {
  const cb = highs.constants.callbackType;
  return {
    [cb.mipImprovingSolution](event) {
      const sol = event.data.mip_solution;
      const obj = num(event.data.objective_function_value);
      if (sol === undefined || obj === null || (best !== null && obj >= best.objective - 1e-9)) return;
      best = { objective: obj, colValue: sol };
      post({ type: 'incumbent', objective: obj, colValue: sol, seconds: seconds() });
    },
    [cb.mipInterrupt](event) {
      if (Atomics.load(stop, 0) === 1) event.interrupt();
    },
    [cb.mipLogging](event) {
      if (quiet) return;
      const b = num(event.data.mip_dual_bound);
      if (b !== null) bound = b;
      post({
        type: 'progress',
        objective: num(event.data.mip_primal_bound),
        bound: b,
        gap: num(event.data.mip_gap),
        seconds: seconds(),
      });
    },
  };
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

/** Frees a random neighbourhood (some employees, or a window of days) and fixes every other x column. */
function neighbourhood(lns: LnsSettings, rand: () => number, fraction: number): Uint8Array {
  const free = new Uint8Array(lns.E * lns.D);
  if (rand() < 0.5) {
    const k = Math.max(2, Math.round(fraction * lns.E));
    const order = Array.from({ length: lns.E }, (_, e) => e).sort(() => rand() - 0.5);
    for (const e of order.slice(0, k)) for (let d = 0; d < lns.D; d++) free[e * lns.D + d] = 1;
  } else {
    const w = Math.max(3, Math.round(fraction * lns.D));
    const start = Math.floor(rand() * Math.max(1, lns.D - w + 1));
    for (let e = 0; e < lns.E; e++) for (let d = start; d < Math.min(lns.D, start + w); d++) free[e * lns.D + d] = 1;
  }
  return free;
}

function runLns(highs: Highs, model: Model, lns: LnsSettings, deadline: number): void {
  const a = req.arrays;
  const rand = rng(lns.seed);
  const lower = Float64Array.from(a.colLower);
  const upper = a.colUpper.map((v) => (v === Infinity ? highs.infinity : v));
  let fraction = 0.3;
  const all = { kind: 'range', from: 0, to: a.numCols - 1 } as const;
  while (Date.now() < deadline - 300 && Atomics.load(stop, 0) === 0 && best !== null) {
    const current: Incumbent = best;
    const free = neighbourhood(lns, rand, fraction);
    const lo = Float64Array.from(lower);
    const up = Float64Array.from(upper);
    for (let i = 0; i < lns.xCol.length; i++) {
      const c = lns.xCol[i] ?? -1;
      if (c < 0 || free[Math.floor(i / lns.T)] === 1) continue;
      const v = Math.round(current.colValue[c] ?? 0);
      lo[c] = v;
      up[c] = v;
    }
    model.changeColsBounds(all, lo, up);
    model.setSolution({ colValue: current.colValue });
    model.zeroAllClocks();
    const sub = Math.min(3, Math.max(0.5, (deadline - Date.now()) / 1000 - 0.2));
    model.options.set({ time_limit: sub, mip_abs_gap: req.mipAbsGap, objective_bound: current.objective });
    const status = model.run(callbacks(highs, true)).modelStatus;
    const solved = status === highs.constants.modelStatus.optimal || status === highs.constants.modelStatus.infeasible;
    fraction = solved ? Math.min(0.5, fraction * 1.1) : Math.max(0.05, fraction * 0.8);
    post({ type: 'progress', objective: best.objective, bound, gap: null, seconds: seconds() });
  }
  model.changeColsBounds(all, lower, upper);
}

function solve(highs: Highs): void {
  const a = req.arrays;
  const inf = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const model = highs.createModel({
    numCols: a.numCols,
    numRows: a.numRows,
    offset: a.offset,
    colCost: a.colCost,
    colLower: a.colLower,
    colUpper: a.colUpper.map(inf),
    rowLower: a.rowLower.map(inf),
    rowUpper: a.rowUpper.map(inf),
    matrix: {
      format: 'csr',
      numRows: a.numRows,
      numCols: a.numCols,
      starts: a.starts,
      indices: a.indices,
      values: a.values,
    },
    integrality: a.integrality,
  });
  try {
    const deadline = t0 + req.timeLimitSeconds * 1000;
    const full = req.lns === null ? req.timeLimitSeconds : Math.max(1, req.timeLimitSeconds * req.lns.fullShare);
    model.options.set({ output_flag: false, time_limit: full, mip_rel_gap: req.mipRelGap, mip_abs_gap: req.mipAbsGap });
    if (Object.keys(req.highsOptions).length > 0) model.options.set(req.highsOptions);
    if (req.start !== null) model.setSolution({ colValue: req.start });
    let status = model.run(callbacks(highs, false)).modelStatus;
    const b = num(model.info.get('mip_dual_bound'));
    if (b !== null) bound = b;
    const hasSol = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (hasSol) {
      const obj = model.getObjectiveValue();
      if (best === null || obj < best.objective) best = { objective: obj, colValue: model.getSolution().colValue };
    }
    let iisRows: Int32Array | null = null;
    if (status === highs.constants.modelStatus.infeasible && req.computeIis) {
      try {
        iisRows = model.getIis().rowIndex;
      } catch {
        iisRows = null;
      }
    }
    const timedOut = status === highs.constants.modelStatus.timeLimit;
    if (req.lns !== null && timedOut && Atomics.load(stop, 0) === 0) {
      if (best === null) {
        model.zeroAllClocks();
        model.options.set({ time_limit: Math.max(0.5, (deadline - Date.now()) / 1000) });
        status = model.run(callbacks(highs, false)).modelStatus;
      }
      runLns(highs, model, req.lns, deadline);
      status =
        Atomics.load(stop, 0) === 1 ? highs.constants.modelStatus.interrupted : highs.constants.modelStatus.timeLimit;
    }
    const final: Incumbent | null = best;
    post({
      type: 'done',
      modelStatus: status,
      objective: final === null ? null : final.objective,
      bound,
      colValue: final === null ? null : final.colValue,
      iisRows,
      seconds: seconds(),
    });
  } finally {
    model.dispose();
  }
}

try {
  solve(await loadHighs());
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : 'HiGHS worker failed' });
}
