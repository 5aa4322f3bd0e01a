import type { Resource } from '@medplum/fhirtypes';
import type { CardDraft, CdsAction, CdsSuggestion } from '../cds/contract.js';
import type { MedAlert } from './alert-schema.js';
import type { ActionSpec, Tier } from './knowledge/schema.js';

const INDICATOR: Record<Tier, CardDraft['indicator']> = {
  'hard-stop': 'critical',
  interruptive: 'warning',
  informational: 'info',
};

const OVERRIDE_REASONS = [
  { code: 'tolerated-before', display: 'Patient has tolerated this combination before' },
  { code: 'benefit-outweighs-risk', display: 'Benefit outweighs the risk' },
  { code: 'will-monitor', display: 'Will monitor and adjust' },
  { code: 'not-accurate', display: 'Alert not accurate for this patient' },
];

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';

/** Where the card's actions point: the patient and the draft orders of the hook call. */
export interface CardContext {
  patientId: string;
  drafts: readonly Resource[];
}

function isDraft(target: string, ctx: CardContext): boolean {
  return ctx.drafts.some((r) => `${r.resourceType}/${r.id ?? ''}` === target);
}

function actionsFor(spec: ActionSpec, target: string, ctx: CardContext): CdsAction[] {
  const subject = { reference: `Patient/${ctx.patientId}` };
  const draft = isDraft(target, ctx);
  const [type, id] = target.split('/');
  switch (spec.kind) {
    case 'replace':
      return [
        ...(draft ? [{ type: 'delete' as const, description: 'Remove the draft order', resourceId: [target] }] : []),
        {
          type: 'create',
          description: spec.label,
          resource: {
            resourceType: 'MedicationRequest',
            status: 'draft',
            intent: 'order',
            subject,
            medicationCodeableConcept: {
              coding: [{ system: RXNORM, code: spec.rxcui, display: spec.name }],
              text: spec.name,
            },
          },
        },
      ];
    case 'order-lab':
      return [
        {
          type: 'create',
          description: spec.label,
          resource: {
            resourceType: 'ServiceRequest',
            status: 'draft',
            intent: 'order',
            subject,
            code: { coding: [{ system: LOINC, code: spec.loinc, display: spec.name }], text: spec.name },
          },
        },
      ];
    case 'cancel-order':
      if (draft) {
        return [{ type: 'delete', description: spec.label, resourceId: [target] }];
      }
      return type === 'MedicationRequest' && id
        ? [
            {
              type: 'update',
              description: spec.label,
              resource: { resourceType: 'MedicationRequest', id, status: 'stopped' },
            },
          ]
        : [];
    case 'adjust-dose':
      return [];
  }
}

/** Turns a medication alert into a CDS Hooks card with real suggestions (replace, order a lab, stop). */
export function alertToCard(alert: MedAlert, ctx: CardContext): CardDraft {
  const suggestions: CdsSuggestion[] = alert.suggestions.map((s, i) => {
    const actions = actionsFor(s.action, s.target, ctx);
    return {
      label: s.action.label.slice(0, 140),
      ...(i === 0 ? { isRecommended: true } : {}),
      ...(actions.length ? { actions } : {}),
    };
  });
  const why = alert.reasons.length > 0 ? `\n\n**Why:** ${alert.reasons.join('; ')}.` : '';
  return {
    kind: alert.ruleId,
    summary: alert.summary,
    indicator: INDICATOR[alert.tier],
    detail: `${alert.detail}${why}\n\nRule \`${alert.ruleId}\` · knowledge ${alert.knowledgeVersion} · ${alert.reference}`,
    source: {
      label: `Vitalis medication safety (${alert.knowledgeVersion})`,
      topic: { system: 'urn:vitalis:meds-rule', code: alert.ruleId, display: alert.category },
    },
    ...(suggestions.length > 0 ? { suggestions, selectionBehavior: 'at-most-one' as const } : {}),
    ...(alert.tier === 'informational'
      ? {}
      : { overrideReasons: OVERRIDE_REASONS.map((r) => ({ system: 'urn:vitalis:override-reason', ...r })) }),
  };
}
