import type { DdxResult } from '../../../src/ddx/contract.js';
import { apiFetch } from './client.js';

export type { DdxResult };

/** A clinician's change to the findings: mark present or absent (overrides what the chart says). */
export interface FindingOverride {
  id: string;
  present: boolean;
}

/** The differential from the chart, with the clinician's overrides applied. */
export function ddxForPatient(patientId: string, findings: FindingOverride[]): Promise<DdxResult> {
  return findings.length > 0
    ? apiFetch<DdxResult>('/api/ddx/patient', { method: 'POST', body: JSON.stringify({ patientId, findings }) })
    : apiFetch<DdxResult>('/api/ddx', { method: 'POST', body: JSON.stringify({ patientId }) });
}

/** Knowledge-base findings whose label or synonyms match the typed text (auto-complete). */
export function searchFindings(q: string): Promise<{ id: string; label: string; kind: string }[]> {
  return apiFetch<{ findings: { id: string; label: string; kind: string }[] }>(
    `/api/ddx/findings?q=${encodeURIComponent(q)}`,
  ).then((b) => b.findings);
}
