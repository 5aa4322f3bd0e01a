import { apiFetch } from './client.js';

/** The medication-safety result served at `/api/patients/{id}/meds-check` (mirrors src/meds/alert-schema.ts). */
export interface MedAlertView {
  id: string;
  category: 'interaction' | 'allergy' | 'duplicate' | 'renal' | 'elderly';
  ruleId: string;
  knowledgeVersion: string;
  reference: string;
  origin: string;
  tier: string;
  baseTier: string;
  summary: string;
  detail: string;
  drugs: { key: string; label: string; status: 'order' | 'active' | 'past'; source: string | null }[];
  reasons: string[];
  evidence: { factId: string; source: string; what: string }[];
  suggestions: { action: { kind: string; label: string }; target: string }[];
  alsoMatched: string[];
}

export interface MedsCheckView {
  patient: string;
  evaluatedAt: string;
  mode: 'orders' | 'review';
  knowledge: { name: string; version: string; rules: number }[];
  renal: { egfr: number | null; crcl: number | null };
  unresolved: string[];
  alerts: MedAlertView[];
}

/** Reviews the active medication list, optionally with draft orders as `rxnorm:CODE`. */
export function medsCheck(id: string, orders: string[] = []): Promise<MedsCheckView> {
  return apiFetch<MedsCheckView>(`/api/patients/${encodeURIComponent(id)}/meds-check`, {
    method: 'POST',
    body: JSON.stringify({ orders }),
  });
}
