import { Worker } from 'node:worker_threads';
import type { MilpArrays } from './milp-build.js';
import type { LnsSettings, MilpWorkerMessage, MilpWorkerRequest } from './milp-protocol.js';

/** Progress of a running MILP solve. */
export interface MilpProgress {
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
}

/** Options of `runMilpInWorker`. */
export interface MilpRunOptions {
  timeLimitSeconds: number;
  signal?: AbortSignal | undefined;
  start?: Float64Array | null;
  mipRelGap?: number;
  computeIis?: boolean;
  highsOptions?: Record<string, number | string | boolean>;
  /** MILP-based large-neighbourhood search after a bounded full solve. */
  lns?: LnsSettings | null;
  onProgress?: ((p: MilpProgress) => void) | undefined;
  /** Extra wall-clock seconds after the time limit before the worker is terminated (default 5 + 10 %). */
  killGraceSeconds?: number;
}

/** How a worker solve ended. */
export type MilpEnd = 'optimal' | 'infeasible' | 'limit' | 'interrupted' | 'killed' | 'error';

/** Result of `runMilpInWorker`: the best solution seen, even when the worker had to be killed. */
export interface MilpRunResult {
  end: MilpEnd;
  objective: number | null;
  bound: number | null;
  colValue: Float64Array | null;
  iisRows: Int32Array | null;
  seconds: number;
  message?: string;
}

// HiGHS model status codes (highs.constants.modelStatus).
const OPTIMAL = 7;
const INFEASIBLE = 8;
const INTERRUPTED = 17;

function integralObjective(a: MilpArrays): boolean {
  return Number.isInteger(a.offset) && a.colCost.every((c) => Number.isInteger(c));
}

function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./milp-worker.${ext}`, import.meta.url);
}

function endOf(status: number): MilpEnd {
  if (status === OPTIMAL) return 'optimal';
  if (status === INFEASIBLE) return 'infeasible';
  if (status === INTERRUPTED) return 'interrupted';
  return 'limit';
}

/** Solves a MILP with HiGHS in a worker thread, honouring the time limit, a hard wall-clock kill and an AbortSignal. */
export function runMilpInWorker(arrays: MilpArrays, options: MilpRunOptions): Promise<MilpRunResult> {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const request: MilpWorkerRequest = {
    arrays,
    timeLimitSeconds: options.timeLimitSeconds,
    mipRelGap: options.mipRelGap ?? 1e-6,
    mipAbsGap: integralObjective(arrays) ? 0.999 : 1e-6,
    start: options.start ?? null,
    stopFlag,
    computeIis: options.computeIis ?? false,
    highsOptions: options.highsOptions ?? {},
    lns: options.lns ?? null,
  };
  const t0 = Date.now();
  let best: { objective: number; colValue: Float64Array } | null = null;
  let bound: number | null = null;
  return new Promise<MilpRunResult>((resolve) => {
    const worker = new Worker(workerUrl(), { workerData: request });
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (r: MilpRunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(hardTimer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(r);
    };
    /** Ends with the best incumbent streamed so far (the worker died, failed or was killed). */
    const finishWithBest = (end: 'killed' | 'error', message?: string): void => {
      finish({
        end,
        objective: best?.objective ?? null,
        bound,
        colValue: best?.colValue ?? null,
        iisRows: null,
        seconds: (Date.now() - t0) / 1000,
        ...(message === undefined ? {} : { message }),
      });
    };
    const kill = (): void => {
      finishWithBest('killed');
    };
    const grace = options.killGraceSeconds ?? 5 + 0.1 * options.timeLimitSeconds;
    const hardTimer = setTimeout(kill, (options.timeLimitSeconds + grace) * 1000);
    const onAbort = (): void => {
      Atomics.store(stop, 0, 1);
      killTimer = setTimeout(kill, 2000);
    };
    if (options.signal?.aborted === true) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: MilpWorkerMessage) => {
      switch (m.type) {
        case 'progress':
          if (m.bound !== null) bound = m.bound;
          options.onProgress?.({
            objective: m.objective,
            bound: m.bound,
            gap: m.gap,
            seconds: (Date.now() - t0) / 1000,
          });
          return;
        case 'incumbent':
          if (best === null || m.objective < best.objective) best = { objective: m.objective, colValue: m.colValue };
          options.onProgress?.({ objective: m.objective, bound, gap: null, seconds: (Date.now() - t0) / 1000 });
          return;
        case 'done': {
          const useDone = m.colValue !== null && (best === null || (m.objective ?? Infinity) <= best.objective);
          finish({
            end: endOf(m.modelStatus),
            objective: useDone ? m.objective : (best?.objective ?? null),
            bound: m.bound ?? bound,
            colValue: useDone ? m.colValue : (best?.colValue ?? null),
            iisRows: m.iisRows,
            seconds: (Date.now() - t0) / 1000,
          });
          return;
        }
        case 'error':
          finishWithBest('error', m.message);
          return;
      }
    });
    worker.on('error', (err: Error) => {
      finishWithBest('error', err.message);
    });
    worker.on('exit', () => {
      finishWithBest('error', 'HiGHS worker exited early');
    });
  });
}
