import type { CardDraft, CdsInvocation, CdsService, CdsServiceResult } from '../cds/contract.js';
import { alertToCard } from './cards.js';
import { checkMedications, ordersFromDrafts } from './check.js';
import { scoreAlertCards } from './score-alerts.js';

const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  medications: 'MedicationRequest?patient={{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}',
  labs: 'Observation?patient={{context.patientId}}&category=laboratory',
  vitals: 'Observation?patient={{context.patientId}}&category=vital-signs',
};

function medsCards(inv: CdsInvocation, selectedOnly: boolean): CardDraft[] {
  if (!inv.patient) {
    return [];
  }
  const drafts =
    selectedOnly && inv.selections.length > 0
      ? inv.draftOrders.filter((r) => inv.selections.includes(`${r.resourceType}/${r.id ?? ''}`))
      : inv.draftOrders;
  if (drafts.length === 0) {
    return [];
  }
  const now = inv.patient.asOf;
  const { orders, unresolved } = ordersFromDrafts(drafts, now);
  if (orders.length === 0) {
    return [];
  }
  const result = checkMedications({ context: inv.patient, orders, unresolved, now });
  return result.alerts.map((a) =>
    alertToCard(a, { patientId: inv.patient?.patient.id ?? '', drafts: inv.draftOrders }),
  );
}

/** Medication-safety services (order-select, order-sign) and the score alerts (patient-view). */
export function medsCdsServices(): CdsService[] {
  return [
    {
      id: 'vitalis-meds-order-select',
      hook: 'order-select',
      title: 'Vitalis medication safety (order select)',
      description:
        'Interactions, allergies, duplicates, renal dosing and drugs to avoid over 65 for the selected draft medication orders, tiered by patient context.',
      prefetch: PREFETCH,
      handle(inv): Promise<CdsServiceResult> {
        return Promise.resolve({ cards: medsCards(inv, true) });
      },
    },
    {
      id: 'vitalis-meds-order-sign',
      hook: 'order-sign',
      title: 'Vitalis medication safety (order sign)',
      description: 'The same checks on every draft medication order at signing.',
      prefetch: PREFETCH,
      handle(inv): Promise<CdsServiceResult> {
        return Promise.resolve({ cards: medsCards(inv, false) });
      },
    },
    {
      id: 'vitalis-score-alerts',
      hook: 'patient-view',
      title: 'Vitalis clinical score alerts',
      description: 'NEWS2 ≥ 5 or a single parameter scoring 3, qSOFA ≥ 2, CHA2DS2-VASc ≥ 2 without an anticoagulant.',
      prefetch: PREFETCH,
      handle(inv): Promise<CdsServiceResult> {
        return Promise.resolve({ cards: inv.patient ? scoreAlertCards(inv.patient) : [] });
      },
    },
  ];
}

/** Id of the medication-review service on the active list (used by the workspace; not listed in discovery). */
export const MEDS_REVIEW_SERVICE_ID = 'vitalis-workspace-meds-review';

/**
 * Medication-safety alerts on the active list as patient-view cards, so that a clinician can accept or override them
 * like any card (the order-select and order-sign services above check draft orders only).
 */
export function medsReviewCdsService(): CdsService {
  return {
    id: MEDS_REVIEW_SERVICE_ID,
    hook: 'patient-view',
    title: 'Vitalis medication review (workspace)',
    description: 'Medication-safety alerts on the active medication list, as cards to accept or override.',
    handle(inv): Promise<CdsServiceResult> {
      const patient = inv.patient;
      if (!patient) return Promise.resolve({ cards: [] });
      const result = checkMedications({ context: patient, now: patient.asOf });
      return Promise.resolve({
        cards: result.alerts.map((a) => alertToCard(a, { patientId: patient.patient.id, drafts: [] })),
      });
    },
  };
}
