import { apiFetch } from './client.js';

/** A sentence with the fact ids (or `Type/id` sources) it cites. */
export interface CitedSentenceView {
  text: string;
  citations: string[];
}

/** The verifier's verdict on one sentence (mirrors src/llm/grounding/verify.ts). */
export interface SentenceReportView {
  index: number;
  text: string;
  citations: string[];
  status: 'supported' | 'unsupported' | 'contradicted';
  claim: boolean;
  problems: { kind: string; severity: 'unsupported' | 'contradicted'; detail: string }[];
}

/** The verification report of a grounded text. */
export interface GroundingReportView {
  sentences: SentenceReportView[];
  score: number;
  verified: boolean;
  counts: { supported: number; unsupported: number; contradicted: number; citations: number; invalidCitations: number };
}

/** The body of `POST /api/patients/{id}/summary` (mirrors SummaryResult in src/llm/tasks/summary.ts). */
export interface SummaryView {
  patient: string;
  status: string;
  summary: { sentences: CitedSentenceView[] } | null;
  verification: GroundingReportView | null;
  verified: boolean;
  model: string | null;
  latencyMs: number | null;
  deidentified: boolean;
  message: string | null;
  howToConfigure: string | null;
  fallback: { label: string; summary: { sentences: CitedSentenceView[] }; verification: GroundingReportView } | null;
}

/** The grounded patient summary (or the labelled deterministic fallback when no model is configured). */
export function patientSummary(id: string): Promise<SummaryView> {
  return apiFetch<SummaryView>(`/api/patients/${encodeURIComponent(id)}/summary`, {
    method: 'POST',
    body: JSON.stringify({}),
  });
}
