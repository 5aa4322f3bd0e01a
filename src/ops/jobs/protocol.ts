/** Messages between the solve-job runner and its worker thread. */
export type SolveKind = 'roster' | 'ihtc';

export interface SolveJobRequest {
  kind: SolveKind;
  /** The problem file's text (roster: benchmark text or Vitalis JSON; ihtc: competition JSON). */
  problem: string;
  name: string;
  timeLimitSeconds: number;
  /** Shared flag: set to 1 to ask the worker to stop and return its best result. */
  stopFlag: SharedArrayBuffer;
}

export type SolveJobMessage =
  | { type: 'progress'; phase: string; objective: number | null; seconds: number }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; message: string };
