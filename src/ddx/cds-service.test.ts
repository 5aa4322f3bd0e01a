import type { Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { allCdsServices } from '../app/cds-services.js';
import { CardDraftSchema, type CdsInvocation } from '../cds/contract.js';
import { generateDemoPatients } from '../demo/index.js';
import { contextFromResources } from '../patient/index.js';
import { DDX_SERVICE_ID, ddxCards, ddxCdsService } from './cds-service.js';
import { DdxEngine } from './engine.js';
import { TINY_SOURCES } from './kb/test-fixtures/tiny-kb.js';

const engine = DdxEngine.fromSources(TINY_SOURCES);
const invocation: CdsInvocation = {
  hook: 'patient-view',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  context: { patientId: 'p1', userId: 'Practitioner/1' },
  patient: null,
  draftOrders: [],
  selections: [],
  baseUrl: 'http://127.0.0.1:8080',
};

describe('ddx CDS service', () => {
  it("returns the differential, can't-miss and next-best cards", () => {
    const result = engine.diagnoseText('Pleuritic chest pain, tachycardia, recent long-haul flight, no fever.');
    const cards = ddxCards(result, invocation);
    expect(cards.map((c) => c.kind)).toEqual(['ddx-differential', 'ddx-cant-miss', 'ddx-next-best']);
    for (const card of cards) {
      expect(CardDraftSchema.parse(card)).toEqual(card);
    }
    expect(cards[0]?.summary).toMatch(/^Differential: Pulmonary embolism \d+%/);
    expect(cards[1]?.summary).toContain('Pulmonary embolism');
    expect(cards[2]?.detail).toContain('D-dimer elevated');
  });

  it('stays silent without findings or without a patient', async () => {
    expect(ddxCards(engine.diagnoseText('Nothing to see.'), invocation)).toEqual([]);
    const service = ddxCdsService(() => engine);
    expect(service.hook).toBe('patient-view');
    expect(await service.handle(invocation)).toEqual({ cards: [] });
  });
});

describe('ddx CDS service on a demo chart with the real knowledge base', () => {
  it('is in the service registry and answers patient-view for the meningitis showcase with cited facts', async () => {
    const service = allCdsServices().find((s) => s.id === DDX_SERVICE_ID);
    expect(service?.hook).toBe('patient-view');
    const bundle = [...generateDemoPatients({ patients: 7, seed: 42 })].find((b) =>
      (b.entry ?? []).some(
        (e) => e.resource?.resourceType === 'Patient' && e.resource.id === 'showcase-pediatric-meningitis',
      ),
    );
    const resources = (bundle?.entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined);
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    expect(patient).toBeDefined();
    if (!service || !patient) {
      return;
    }
    const ctx = contextFromResources(patient, resources, { now: new Date('2026-06-01T12:00:00Z') });
    const { cards } = await service.handle({ ...invocation, context: { patientId: patient.id ?? '' }, patient: ctx });
    expect(cards[0]?.kind).toBe('ddx-differential');
    for (const card of cards) {
      expect(CardDraftSchema.parse(card)).toEqual(card);
    }
    expect(cards[0]?.inputs?.some((i) => i.startsWith('Observation/'))).toBe(true);
  });
});
