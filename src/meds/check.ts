import type { Resource } from '@medplum/fhirtypes';
import { AppError } from '../core/errors.js';
import type { PatientContext } from '../patient/index.js';
import type { MedAlert, MedsCheckResult } from './alert-schema.js';
import { alertDrug, interactionAlerts } from './ddi.js';
import { vitalisKnowledge, type MedsKnowledge } from './kb.js';
import { entriesFromContext, entryFromCode, entryFromDraft, type MedEntry } from './med-list.js';
import { allergyAlerts, duplicateAlerts } from './other-checks.js';
import { patientState } from './patient-state.js';
import { pimAlerts, renalAlerts } from './renal-pim-checks.js';
import { tierRank } from './tiers.js';

/** Input of a medication check. */
export interface MedsCheckInput {
  context: PatientContext;
  /** Draft orders (from `ordersFromCodes` / `ordersFromDrafts`); none = review of the active list. */
  orders?: readonly MedEntry[];
  /** Orders that could not be resolved (reported, not checked). */
  unresolved?: readonly string[];
  /** Evaluation time (default: the context's asOf). */
  now?: string;
  knowledge?: MedsKnowledge;
}

/** Resolves `rxnorm:CODE` order strings; throws VITALIS_BAD_REQUEST for malformed ones. */
export function ordersFromCodes(codes: readonly string[], now: string): { orders: MedEntry[]; unresolved: string[] } {
  const orders: MedEntry[] = [];
  const unresolved: string[] = [];
  codes.forEach((code, i) => {
    if (!/^(rxnorm:)?\d+$/i.test(code.trim())) {
      throw new AppError('VITALIS_BAD_REQUEST', 'An order must be rxnorm:CODE with a numeric RxCUI, e.g. rxnorm:5640');
    }
    const entry = entryFromCode(code, i, now);
    if (entry) {
      orders.push(entry);
    } else {
      unresolved.push(code);
    }
  });
  return { orders, unresolved };
}

/** Turns CDS Hooks draft orders (MedicationRequests) into entries. */
export function ordersFromDrafts(
  resources: readonly Resource[],
  now: string,
): { orders: MedEntry[]; unresolved: string[] } {
  const orders: MedEntry[] = [];
  const unresolved: string[] = [];
  for (const r of resources) {
    const e = entryFromDraft(r, now);
    if (e) {
      orders.push(e);
    } else if (r.resourceType === 'MedicationRequest') {
      unresolved.push(r.id ? `MedicationRequest/${r.id}` : 'MedicationRequest');
    }
  }
  return { orders, unresolved };
}

function sortAlerts(alerts: MedAlert[]): MedAlert[] {
  return alerts.sort(
    (a, b) => tierRank(a.tier) - tierRank(b.tier) || a.category.localeCompare(b.category) || a.id.localeCompare(b.id),
  );
}

/**
 * Checks medications for a patient: interactions, allergies, duplicates, renal dosing and inappropriate drugs for
 * older patients. With orders, the orders are checked against the chart; without, the active list is reviewed.
 */
export function checkMedications(input: MedsCheckInput): MedsCheckResult {
  const now = input.now ?? input.context.asOf;
  const knowledge = input.knowledge ?? vitalisKnowledge();
  const state = patientState(input.context, now);
  const orders = [...(input.orders ?? [])];
  const entries = [...orders, ...entriesFromContext(input.context)];
  const targets = orders.length > 0 ? orders : entries.filter((e) => e.status === 'active');
  const alerts = [
    ...interactionAlerts({ entries, knowledge, state }),
    ...allergyAlerts(targets, state),
    ...duplicateAlerts(entries),
    ...renalAlerts(targets, state),
    ...pimAlerts(targets, state),
  ];
  return {
    patient: input.context.patient.id,
    evaluatedAt: now,
    mode: orders.length > 0 ? 'orders' : 'review',
    knowledge: knowledge.sources.map((s) => ({ name: s.name, version: s.version, rules: s.rules.length })),
    renal: { egfr: state.egfr?.value ?? null, crcl: state.crcl?.value ?? null },
    checked: entries.filter((e) => e.status !== 'past').map(alertDrug),
    unresolved: [...(input.unresolved ?? [])],
    alerts: sortAlerts(alerts),
  };
}
