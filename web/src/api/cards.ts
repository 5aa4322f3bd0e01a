import { apiFetch } from './client.js';

/** A CDS Hooks 2.0 Coding. */
export interface CodingView {
  system: string;
  code: string;
  display?: string;
}

/** A CDS Hooks 2.0 card (the spec shape, as `POST /cds-services/{id}` returns it). */
export interface CdsCardView {
  uuid: string;
  summary: string;
  detail?: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url?: string; icon?: string; topic?: CodingView };
  suggestions?: {
    label: string;
    uuid: string;
    isRecommended?: boolean;
    actions?: { type: string; description: string }[];
  }[];
  selectionBehavior?: 'at-most-one' | 'any';
  overrideReasons?: (CodingView & { display: string })[];
  links?: { label: string; url: string; type: 'absolute' | 'smart'; appContext?: string }[];
}

/** Feedback recorded on a card. */
export interface CardFeedbackView {
  outcome: 'accepted' | 'overridden';
  overrideReason: string | null;
  at: string;
}

/** One card in the workspace, with its service and the feedback already recorded. */
export interface WorkspaceCardView {
  serviceId: string;
  serviceTitle: string;
  card: CdsCardView;
  feedback: CardFeedbackView | null;
}

/** The body of `GET /api/patients/{id}/cards`. */
export interface CardsView {
  patient: string;
  services: string[];
  cards: WorkspaceCardView[];
  errors: { serviceId: string; message: string }[];
}

/** The patient-view CDS cards of a patient, computed by the server's services. */
export function patientCards(id: string): Promise<CardsView> {
  return apiFetch<CardsView>(`/api/patients/${encodeURIComponent(id)}/cards`);
}

/** What the clinician decided about a card. */
export interface CardDecision {
  outcome: 'accepted' | 'overridden';
  overrideReason?: CodingView;
  /** Free text; the feedback store keeps only whether there was one. */
  userComment?: string;
  acceptedSuggestions?: string[];
}

/** Records accept/override as CDS feedback (stored and audited by the server). */
export function sendCardFeedback(patientId: string, uuid: string, decision: CardDecision): Promise<CardFeedbackView> {
  return apiFetch<CardFeedbackView & { card: string }>(
    `/api/patients/${encodeURIComponent(patientId)}/cards/${encodeURIComponent(uuid)}/feedback`,
    { method: 'POST', body: JSON.stringify(decision) },
  );
}
