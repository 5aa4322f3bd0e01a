import { apiFetch } from './client.js';

export type OpsKind = 'roster' | 'ihtc';

export interface OpsJob {
  id: string;
  kind: OpsKind;
  name: string;
  status: 'running' | 'completed' | 'failed' | 'cancelled';
  progress: { phase: string; objective: number | null; seconds: number } | null;
  result: unknown;
  error: string | null;
}

export interface RosterResultView {
  instance: string;
  status: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  violations: number;
  roster: (string | null)[][] | null;
  breakdown: Record<string, number> | null;
  explanation: string[];
  warnings: string[];
  employees: string[];
  horizonDays: number;
  shifts: { id: string; minutes: number }[];
}

export interface IhtcResultView {
  instance: string;
  violations: number;
  cost: number;
  seconds: number;
  evaluation: { costs: Record<string, number>; details: { constraint: string; message: string }[] };
  solution: { patients: { id: string; admission_day: number | 'none'; room?: string; operating_theater?: string }[] };
  explanation: string[];
}

/** Starts a solve job with the uploaded problem text. */
export function submitOpsJob(
  kind: OpsKind,
  input: { problem: string; name: string; timeLimitSeconds: number },
): Promise<OpsJob> {
  return apiFetch<OpsJob>(`/api/ops/${kind}`, { method: 'POST', body: JSON.stringify(input) });
}

export function getOpsJob(kind: OpsKind, id: string): Promise<OpsJob> {
  return apiFetch<OpsJob>(`/api/ops/${kind}/${encodeURIComponent(id)}`);
}

export function cancelOpsJob(kind: OpsKind, id: string): Promise<unknown> {
  return apiFetch(`/api/ops/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
