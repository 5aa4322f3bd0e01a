import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecServiceResponseSchema, type SpecServiceResponse } from '../cds/index.js';
import { seedDemo } from '../demo/index.js';
import { medsCdsServices } from '../meds/index.js';
import { draftBundle, draftMedication, hookBody } from './routes/cds-hook-bodies.js';
import { startCdsServer, startTestEhr, type CdsTestServer, type TestEhr } from './routes/cds-test-ehr.js';
import { fetchJson } from './test-support/http.js';

const today = new Date().toISOString().slice(0, 10);

describe('medication-safety and score-alert CDS services over HTTP (pglite)', () => {
  let ehr: TestEhr;
  let server: CdsTestServer;

  const call = async (serviceId: string, body: unknown): Promise<{ status: number; body: SpecServiceResponse }> => {
    const aud = `${server.url}/cds-services/${serviceId}`;
    const res = await fetchJson<SpecServiceResponse>(aud, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await ehr.sign(aud)}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: res.body };
  };

  beforeAll(async () => {
    ehr = await startTestEhr();
    server = await startCdsServer({
      store: 'pglite',
      services: medsCdsServices(),
      config: { cdsIssuers: JSON.stringify({ [ehr.issuer]: ehr.jwksUrl }) },
    });
    await seedDemo(server.repo, { patients: 7, seed: 42, anchorDate: today });
  });
  afterAll(async () => {
    await server.close();
    await ehr.close();
  });

  it('order-sign: warfarin + ibuprofen is a warning card with actions; topical diclofenac is info only', async () => {
    const patientId = 'showcase-warfarin-nsaid';
    const body = (rxcui: string, display: string): Record<string, unknown> =>
      hookBody({
        hook: 'order-sign',
        patientId,
        fhirServer: `${server.url}/fhir`,
        context: { draftOrders: draftBundle([draftMedication('d1', rxcui, display, patientId)]) },
      });
    const systemic = await call('vitalis-meds-order-sign', body('197806', 'ibuprofen 600 MG Oral Tablet'));
    expect(systemic.status).toBe(200);
    const cards = SpecServiceResponseSchema.parse(systemic.body).cards;
    const card = cards.find((c) => c.source.topic?.code === 'pddi-warfarin-nsaid');
    expect(card?.indicator).toBe('warning');
    expect(card?.suggestions?.[0]?.actions?.map((a) => a.type)).toEqual(['delete', 'create']);
    const topical = await call('vitalis-meds-order-sign', body('855633', 'diclofenac sodium 10 MG/ML Topical Gel'));
    expect(topical.status).toBe(200);
    const infoOnly = SpecServiceResponseSchema.parse(topical.body).cards;
    expect(infoOnly.length).toBeGreaterThan(0);
    expect(infoOnly.every((c) => c.indicator === 'info')).toBe(true);
  });

  it('patient-view: the sepsis patient gets NEWS2 and qSOFA alerts', async () => {
    const res = await call(
      'vitalis-score-alerts',
      hookBody({ hook: 'patient-view', patientId: 'showcase-sepsis', fhirServer: `${server.url}/fhir` }),
    );
    expect(res.status).toBe(200);
    const codes = SpecServiceResponseSchema.parse(res.body).cards.map((c) => c.source.topic?.code);
    expect(codes).toEqual(['score-news2-high', 'score-qsofa-positive']);
  });
});
