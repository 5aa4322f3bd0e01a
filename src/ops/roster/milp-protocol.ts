import type { MilpArrays } from './milp-build.js';

/** Request sent to the HiGHS worker. */
export interface MilpWorkerRequest {
  arrays: MilpArrays;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** Absolute gap; just under 1 when every objective coefficient is an integer. */
  mipAbsGap: number;
  start: Float64Array | null;
  /** Int32 flag: the worker interrupts the solve when element 0 becomes 1. */
  stopFlag: SharedArrayBuffer;
  computeIis: boolean;
  /** Extra HiGHS options (snake_case names). */
  highsOptions: Record<string, number | string | boolean>;
  /** When set, the worker runs a bounded full solve, then MILP-based LNS on the x columns for the rest of the time. */
  lns: LnsSettings | null;
}

/** Column layout the worker needs for LNS neighbourhoods. */
export interface LnsSettings {
  E: number;
  D: number;
  T: number;
  /** xCol[(e*D+d)*T+t] = column or -1. */
  xCol: Int32Array;
  /** Share of the time limit spent in the initial full solve (0..1). */
  fullShare: number;
  seed: number;
}

/** Messages from the HiGHS worker. */
export type MilpWorkerMessage =
  | { type: 'progress'; objective: number | null; bound: number | null; gap: number | null; seconds: number }
  | { type: 'incumbent'; objective: number; colValue: Float64Array; seconds: number }
  | {
      type: 'done';
      modelStatus: number;
      objective: number | null;
      bound: number | null;
      colValue: Float64Array | null;
      iisRows: Int32Array | null;
      seconds: number;
    }
  | { type: 'error'; message: string };
