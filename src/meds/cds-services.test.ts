import type { MedicationRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { CardDraftSchema, type CdsInvocation } from '../cds/contract.js';
import { allCdsServices } from '../app/cds-services.js';
import { medsCdsServices } from './cds-services.js';
import { ANCHOR, demoContexts } from './test-support/demo.js';

const contexts = demoContexts();
const service = (id: string): ReturnType<typeof medsCdsServices>[number] => {
  const s = medsCdsServices().find((x) => x.id === id);
  if (!s) {
    throw new Error(id);
  }
  return s;
};

function draft(id: string, code: string, display: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/showcase-warfarin-nsaid' },
    authoredOn: ANCHOR.toISOString(),
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code, display }],
      text: display,
    },
  };
}

function invocation(
  hook: CdsInvocation['hook'],
  patientId: string,
  drafts: MedicationRequest[],
  selections: string[] = [],
): CdsInvocation {
  return {
    hook,
    hookInstance: '00000000-0000-4000-8000-000000000001',
    context: { patientId, userId: 'Practitioner/1' },
    patient: contexts.get(patientId) ?? null,
    draftOrders: drafts,
    selections,
    baseUrl: 'http://127.0.0.1:8080',
  };
}

describe('medication CDS services', () => {
  it('are registered in the service registry', () => {
    const ids = allCdsServices().map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['vitalis-meds-order-select', 'vitalis-meds-order-sign', 'vitalis-score-alerts']),
    );
  });
  it('order-sign: warfarin + ibuprofen gives a warning card with replace / order-INR actions on the draft', async () => {
    const drafts = [draft('d1', '197806', 'ibuprofen 600 MG Oral Tablet')];
    const { cards } = await service('vitalis-meds-order-sign').handle(
      invocation('order-sign', 'showcase-warfarin-nsaid', drafts),
    );
    cards.forEach((c) => {
      expect(CardDraftSchema.parse(c)).toEqual(c);
    });
    const card = cards.find((c) => c.kind === 'pddi-warfarin-nsaid');
    expect(card?.indicator).toBe('warning');
    expect(card?.overrideReasons?.length).toBeGreaterThan(0);
    const [replace, , inr] = card?.suggestions ?? [];
    expect(replace?.actions?.map((a) => a.type)).toEqual(['delete', 'create']);
    expect(replace?.actions?.[0]?.resourceId).toEqual(['MedicationRequest/d1']);
    expect(inr?.actions?.[0]?.resource?.['resourceType']).toBe('ServiceRequest');
    expect(card?.detail).toMatch(/Rule `pddi-warfarin-nsaid` · knowledge vitalis-meds-/);
  });
  it('order-sign: topical diclofenac gives only info cards', async () => {
    const drafts = [draft('d2', '855633', 'diclofenac sodium 10 MG/ML Topical Gel')];
    const { cards } = await service('vitalis-meds-order-sign').handle(
      invocation('order-sign', 'showcase-warfarin-nsaid', drafts),
    );
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.indicator === 'info')).toBe(true);
  });
  it('order-select checks only the selected drafts', async () => {
    const drafts = [draft('d1', '197806', 'ibuprofen 600 MG Oral Tablet'), draft('d3', '161', 'acetaminophen')];
    const selected = await service('vitalis-meds-order-select').handle(
      invocation('order-select', 'showcase-warfarin-nsaid', drafts, ['MedicationRequest/d3']),
    );
    expect(selected.cards.some((c) => c.kind === 'pddi-warfarin-nsaid')).toBe(false);
  });
  it('patient-view: sepsis score alerts; no patient, no cards', async () => {
    const { cards } = await service('vitalis-score-alerts').handle(invocation('patient-view', 'showcase-sepsis', []));
    expect(cards.map((c) => c.kind)).toContain('score-news2-high');
    const none = await service('vitalis-score-alerts').handle({
      ...invocation('patient-view', 'none', []),
      patient: null,
    });
    expect(none.cards).toEqual([]);
  });
});
