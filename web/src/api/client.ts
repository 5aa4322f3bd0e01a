import type { PatientContext } from '../../../src/patient/context-schema.js';
import type { ScoreResult } from '../../../src/scores/result-schema.js';

/** One row of the patient list (`GET /api/patients`). */
export interface PatientListItem {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  mrn?: string;
}

export type { PatientContext, ScoreResult };

/** An API failure with the message the server gave (never PHI) and what the user can do next. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

interface OutcomeLike {
  resourceType?: string;
  issue?: { diagnostics?: string }[];
  message?: string;
}

function messageOf(status: number, body: unknown): string {
  const outcome = body as OutcomeLike | null;
  const text = outcome?.issue?.[0]?.diagnostics ?? outcome?.message;
  if (text) {
    return text;
  }
  if (status === 401 || status === 403) {
    return 'You are not signed in or not allowed to see this. Open Vitalis from your EHR or sign in again.';
  }
  return `The server answered ${status}. Check that Vitalis is running, then retry.`;
}

/** Fetches JSON from Vitalis's own API; throws ApiError with a readable message on failure. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'Vitalis cannot be reached. Check that the server is running (npm start), then retry.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, messageOf(response.status, body));
  }
  return body as T;
}

export const api = {
  patients: (q: string): Promise<PatientListItem[]> =>
    apiFetch<{ patients?: PatientListItem[] } | PatientListItem[]>(
      `/api/patients?q=${encodeURIComponent(q)}&_count=100`,
    ).then((body) => (Array.isArray(body) ? body : (body.patients ?? []))),
  context: (id: string): Promise<PatientContext> => apiFetch(`/api/patients/${encodeURIComponent(id)}/context`),
  scores: (id: string): Promise<ScoreResult[]> =>
    apiFetch<{ scores: ScoreResult[] }>(`/api/patients/${encodeURIComponent(id)}/scores`).then((b) => b.scores),
};
