import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStoreNames } from '../../adapters/fhir-sql/test-support/stores.js';
import {
  ALLERGY_SERVICE_ID,
  allergyCdsService,
  SpecDiscoveryResponseSchema,
  SpecServiceResponseSchema,
  SUMMARY_SERVICE_ID,
  summaryCdsService,
  type CdsService,
  type Hook,
  type SpecServiceResponse,
} from '../../cds/index.js';
import { startBearerGateway } from '../../adapters/fhir-http/test-support/bearer-gateway.js';
import { seedDemo } from '../../demo/index.js';
import { fetchJson } from '../test-support/http.js';
import { draftBundle, draftMedication, hookBody } from './cds-hook-bodies.js';
import { startCdsServer, startTestEhr, type CdsTestServer, type TestEhr } from './cds-test-ehr.js';

const today = new Date().toISOString().slice(0, 10);

// A probe service per remaining hook: it answers with a card that uses suggestions, links and override reasons.
function probe(hook: Hook): CdsService {
  return {
    id: `probe-${hook}`,
    hook,
    title: `Probe ${hook}`,
    description: `Test service for ${hook}`,
    prefetch: { patient: 'Patient/{{context.patientId}}' },
    handle: (inv) =>
      Promise.resolve({
        cards: [
          {
            kind: 'probe',
            summary: `${hook}: ${inv.patient?.patient.id ?? 'none'} ${inv.draftOrders.length} orders ${inv.selections.length} selected`,
            indicator: 'info',
            detail: `Context fields: ${Object.keys(inv.context).sort().join(', ')}`,
            source: { label: 'Probe', url: `${inv.baseUrl}/`, topic: { system: 'urn:test', code: 'probe' } },
            suggestions: [
              {
                label: 'Do it',
                actions: [
                  {
                    type: 'create',
                    description: 'Create',
                    resource: { resourceType: 'Task', status: 'draft', intent: 'order' },
                  },
                ],
              },
            ],
            links: [
              { label: 'Open app', url: `${inv.baseUrl}/`, type: 'smart', appContext: 'probe' },
              { label: 'Docs', url: 'https://cds-hooks.hl7.org/2.0/', type: 'absolute', appContext: 'dropped' },
            ],
            overrideReasons: [{ system: 'urn:test', code: 'no', display: 'Not relevant' }],
          },
        ],
        systemActions: [
          {
            type: 'update',
            description: 'Touch',
            resource: { resourceType: 'Task', id: 't1', status: 'draft', intent: 'order' },
          },
        ],
      }),
  };
}

const SERVICES = [
  summaryCdsService(),
  allergyCdsService(),
  probe('order-select'),
  probe('encounter-start'),
  probe('encounter-discharge'),
];

async function addAllergyPatient(server: CdsTestServer): Promise<void> {
  await server.repo.update({ resourceType: 'Patient', id: 'allergy-pt', gender: 'female', birthDate: '1970-01-01' });
  await server.repo.update({
    resourceType: 'AllergyIntolerance',
    id: 'allergy-pt-pcn',
    patient: { reference: 'Patient/allergy-pt' },
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }],
    },
    category: ['medication'],
    criticality: 'high',
    code: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7980', display: 'penicillin G' }],
    },
    reaction: [{ manifestation: [{ text: 'Anaphylaxis' }], severity: 'severe' }],
  });
}

describe.each(testStoreNames())('CDS Hooks over HTTP (%s)', (storeName) => {
  let ehr: TestEhr;
  let server: CdsTestServer;

  const call = async (
    serviceId: string,
    body: unknown,
    token?: string,
  ): Promise<{ status: number; body: SpecServiceResponse; text: string }> => {
    const aud = `${server.url}/cds-services/${serviceId}`;
    const res = await fetchJson<SpecServiceResponse>(aud, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await ehr.sign(aud))}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: res.body, text: res.text };
  };

  beforeAll(async () => {
    ehr = await startTestEhr();
    server = await startCdsServer({
      store: storeName,
      services: SERVICES,
      config: { cdsIssuers: JSON.stringify({ [ehr.issuer]: ehr.jwksUrl }) },
    });
    await seedDemo(server.repo, { patients: 7, seed: 42, anchorDate: today });
    await addAllergyPatient(server);
  });
  afterAll(async () => {
    await server.close();
    await ehr.close();
  });

  it('lists the services in discovery, spec-valid, with CORS for browser EHRs', async () => {
    const res = await fetchJson(`${server.url}/cds-services`, { headers: { origin: 'https://sandbox.example' } });
    expect(res.status).toBe(200);
    const discovery = SpecDiscoveryResponseSchema.parse(res.body);
    expect(discovery.services.map((s) => s.id)).toEqual(SERVICES.map((s) => s.id));
    expect(discovery.services[0]?.prefetch?.['patient']).toBe('Patient/{{context.patientId}}');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://sandbox.example');
    const pre = await fetch(`${server.url}/cds-services/${SUMMARY_SERVICE_ID}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://sandbox.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://sandbox.example');
    const unauth = await fetch(`${server.url}/cds-services/${SUMMARY_SERVICE_ID}`, {
      method: 'POST',
      headers: { origin: 'https://x.example' },
    });
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('access-control-allow-origin')).toBe('https://x.example');
    expect((await fetch(`${server.url}/cds-services`, { method: 'DELETE' })).status).toBe(405);
  });

  it('patient-view: the summary card from fetched data equals the one from prefetch', async () => {
    const fetched = await call(
      SUMMARY_SERVICE_ID,
      hookBody({ hook: 'patient-view', patientId: 'showcase-ckd4-metformin', fhirServer: `${server.url}/fhir` }),
    );
    expect(fetched.status).toBe(200);
    const response = SpecServiceResponseSchema.parse(fetched.body);
    expect(response.cards).toHaveLength(1);
    const card = response.cards[0];
    expect(card?.summary).toMatch(/^Summary: \d+ active problems?/);
    expect(card?.summary.length).toBeLessThan(140);
    expect(card?.detail).toContain('Active problems');
    expect(card?.detail).toMatch(/kidney/i);
    expect(card?.source.topic?.code).toBe('patient-summary');
    expect(card?.links).toEqual([
      { label: 'Open the Vitalis patient view', url: `${server.url}/smart/launch`, type: 'smart' },
    ]);
    // The same data sent as prefetch (what the EHR would send) gives the same card.
    const prefetch: Record<string, unknown> = {};
    for (const [key, template] of Object.entries(summaryCdsService().prefetch ?? {})) {
      const path = template.replaceAll('{{context.patientId}}', 'showcase-ckd4-metformin');
      prefetch[key] = (await fetchJson(`${server.url}/fhir/${path}`)).body;
    }
    const pre = await call(
      SUMMARY_SERVICE_ID,
      hookBody({ hook: 'patient-view', patientId: 'showcase-ckd4-metformin', prefetch }),
    );
    expect(pre.status).toBe(200);
    expect(pre.body.cards[0]?.detail).toBe(card?.detail);
    expect(pre.body.cards[0]?.uuid).not.toBe(card?.uuid);
  });

  it('patient-view: null prefetch means no data; missing prefetch without fhirServer is 412', async () => {
    const nulls = Object.fromEntries(Object.keys(summaryCdsService().prefetch ?? {}).map((k) => [k, null]));
    const empty = await call(
      SUMMARY_SERVICE_ID,
      hookBody({ hook: 'patient-view', patientId: 'nobody', prefetch: nulls }),
    );
    expect(empty.status).toBe(200);
    expect(empty.body.cards[0]?.summary).toContain('0 active problems');
    expect(empty.body.cards[0]?.detail).toContain('no vital signs in the last 12 months');
    expect(empty.body.cards[0]?.detail).toContain('allergy status not documented');
    const missing = await call(SUMMARY_SERVICE_ID, hookBody({ hook: 'patient-view', patientId: 'showcase-sepsis' }));
    expect(missing.status).toBe(412);
    const unreachable = await call(
      SUMMARY_SERVICE_ID,
      hookBody({ hook: 'patient-view', patientId: 'showcase-sepsis', fhirServer: 'http://127.0.0.1:9/fhir' }),
    );
    expect(unreachable.status).toBe(412);
  });

  it('presents the fhirAuthorization token to a fhirServer that demands it (and answers 412 when it is refused)', async () => {
    const gateway = await startBearerGateway({
      authorize: (h) => h === 'Bearer ehr-issued-token',
      tokenUrl: 'http://127.0.0.1:9/token',
    });
    gateway.setUpstream(server.url);
    try {
      const body = hookBody({
        hook: 'patient-view',
        patientId: 'showcase-sepsis',
        fhirServer: `${gateway.origin}/fhir`,
      });
      expect((await call(SUMMARY_SERVICE_ID, body)).status).toBe(200);
      expect(gateway.rejected).toBe(0);
      const wrong = { ...body, fhirAuthorization: { ...(body['fhirAuthorization'] as object), access_token: 'stale' } };
      expect((await call(SUMMARY_SERVICE_ID, wrong)).status).toBe(412);
      expect(gateway.rejected).toBeGreaterThan(0);
    } finally {
      await gateway.close();
    }
  });

  it('order-sign: allergy cards by ingredient, by class and by cross-sensitivity, with suggestions and override reasons', async () => {
    const orders = [
      draftMedication('mr-pen', '7980', 'penicillin G', 'allergy-pt'),
      draftMedication('mr-amox', '308192', 'Amoxicillin 500 MG Oral Tablet', 'allergy-pt'),
      draftMedication('mr-ceph', '2231', 'cephalexin', 'allergy-pt'),
      draftMedication('mr-met', '6809', 'metformin', 'allergy-pt'),
    ];
    const res = await call(
      ALLERGY_SERVICE_ID,
      hookBody({
        hook: 'order-sign',
        patientId: 'allergy-pt',
        fhirServer: `${server.url}/fhir`,
        context: { draftOrders: draftBundle(orders) },
      }),
    );
    expect(res.status).toBe(200);
    const cards = SpecServiceResponseSchema.parse(res.body).cards;
    expect(cards.map((c) => c.indicator)).toEqual(['critical', 'critical', 'info']);
    expect(cards[0]?.summary).toBe('Allergy, same ingredient: penicillin G vs documented penicillin G');
    expect(cards[1]?.summary).toBe('Allergy, penicillin class: amoxicillin vs documented penicillin G');
    expect(cards[2]?.detail).toMatch(/side-chain/);
    expect(cards[0]?.suggestions?.[0]?.actions?.[0]).toEqual({
      type: 'delete',
      description: 'Remove the draft medication order',
      resourceId: ['MedicationRequest/mr-pen'],
    });
    expect(cards[0]?.selectionBehavior).toBe('at-most-one');
    expect(cards[0]?.overrideReasons?.every((r) => r.display.length > 0)).toBe(true);
    // Every card and suggestion has its own uuid, and a Provenance names its inputs.
    const uuids = cards.flatMap((c) => [c.uuid, ...(c.suggestions ?? []).map((s) => s.uuid)]);
    expect(new Set(uuids).size).toBe(uuids.length);
    const prov = server.audit.provenances.find((p) => p.target === `cds-card/${cards[0]?.uuid ?? ''}`);
    expect(prov?.engine.id).toBe(ALLERGY_SERVICE_ID);
    expect(prov?.inputs.some((i) => i.startsWith('AllergyIntolerance/allergy-pt-pcn'))).toBe(true);
    const access = server.audit.accesses.filter((a) => a.what === `cds-services/${ALLERGY_SERVICE_ID}`);
    expect(access.at(-1)).toMatchObject({
      patient: 'Patient/allergy-pt',
      action: 'execute',
      outcome: 'success',
      agent: { who: 'Practitioner/demo-prac-1', clientId: 'test-ehr-client' },
    });
  });

  it('order-sign: the codeine-allergic warfarin showcase patient gets an opioid class card for morphine', async () => {
    const res = await call(
      ALLERGY_SERVICE_ID,
      hookBody({
        hook: 'order-sign',
        patientId: 'showcase-warfarin-nsaid',
        fhirServer: `${server.url}/fhir`,
        context: {
          draftOrders: draftBundle([draftMedication('mr-morph', '7052', 'morphine', 'showcase-warfarin-nsaid')]),
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.cards).toHaveLength(1);
    expect(res.body.cards[0]?.summary).toMatch(/opioid class/);
  });

  it('order-select, encounter-start and encounter-discharge reach their services with a validated context', async () => {
    const orders = draftBundle([draftMedication('mr-1', '6809', 'metformin', 'showcase-sepsis')]);
    const bodies: [string, Record<string, unknown>][] = [
      [
        'probe-order-select',
        hookBody({
          hook: 'order-select',
          patientId: 'showcase-sepsis',
          fhirServer: `${server.url}/fhir`,
          context: { selections: ['MedicationRequest/mr-1'], draftOrders: orders },
        }),
      ],
      [
        'probe-encounter-start',
        hookBody({
          hook: 'encounter-start',
          patientId: 'showcase-sepsis',
          fhirServer: `${server.url}/fhir`,
          context: { encounterId: 'e1' },
        }),
      ],
      [
        'probe-encounter-discharge',
        hookBody({
          hook: 'encounter-discharge',
          patientId: 'showcase-sepsis',
          fhirServer: `${server.url}/fhir`,
          context: { encounterId: 'e1' },
        }),
      ],
    ];
    for (const [id, body] of bodies) {
      const res = await call(id, body);
      expect(res.status, id).toBe(200);
      const parsed = SpecServiceResponseSchema.parse(res.body);
      expect(parsed.cards[0]?.summary).toContain('showcase-sepsis');
      expect(parsed.cards[0]?.links?.[1]).toEqual({
        label: 'Docs',
        url: 'https://cds-hooks.hl7.org/2.0/',
        type: 'absolute',
      });
      expect(parsed.systemActions?.[0]?.type).toBe('update');
    }
    expect((await call('probe-order-select', bodies[0]?.[1] ?? {})).body.cards[0]?.summary).toContain(
      '1 orders 1 selected',
    );
    const badSelection = await call(
      'probe-order-select',
      hookBody({
        hook: 'order-select',
        patientId: 'showcase-sepsis',
        context: { selections: ['MedicationRequest/other'], draftOrders: orders },
      }),
    );
    expect(badSelection.status).toBe(400);
    const noEncounter = await call(
      'probe-encounter-start',
      hookBody({ hook: 'encounter-start', patientId: 'showcase-sepsis' }),
    );
    expect(noEncounter.status).toBe(400);
    const wrongHook = await call(
      'probe-encounter-start',
      hookBody({ hook: 'patient-view', patientId: 'showcase-sepsis' }),
    );
    expect(wrongHook.status).toBe(400);
    expect((await call('no-such-service', hookBody({ hook: 'patient-view', patientId: 'x' }))).status).toBe(404);
  });

  it('stores feedback durably and reports override rates per service and card kind', async () => {
    const orders = draftBundle([draftMedication('mr-pen2', '7980', 'penicillin G', 'allergy-pt')]);
    const cards: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(
        ALLERGY_SERVICE_ID,
        hookBody({
          hook: 'order-sign',
          patientId: 'allergy-pt',
          fhirServer: `${server.url}/fhir`,
          context: { draftOrders: orders },
        }),
      );
      cards.push(res.body.cards[0]?.uuid ?? '');
    }
    const feedbackUrl = `${server.url}/cds-services/${ALLERGY_SERVICE_ID}/feedback`;
    const reason = {
      system: 'https://vitalis.health/fhir/CodeSystem/cds-override-reason',
      code: 'tolerated-before',
      display: 'Patient has tolerated this medication before',
    };
    const body = {
      feedback: [
        {
          card: cards[0],
          outcome: 'overridden',
          overrideReason: { reason, userComment: 'tolerated last year' },
          outcomeTimestamp: '2026-11-20T10:00:00Z',
        },
        { card: cards[1], outcome: 'overridden', overrideReason: { reason }, outcomeTimestamp: '2026-11-20T10:01:00Z' },
        {
          card: cards[2],
          outcome: 'accepted',
          acceptedSuggestions: [{ id: 'x' }],
          outcomeTimestamp: '2026-11-20T10:02:00Z',
        },
      ],
    };
    const post = async (payload: unknown): Promise<number> => {
      const res = await fetchJson(feedbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await ehr.sign(`${server.url}/cds-services/${ALLERGY_SERVICE_ID}`)}`,
        },
        body: JSON.stringify(payload),
      });
      return res.status;
    };
    expect(await post(body)).toBe(200);
    expect(await post(body)).toBe(200); // the same feedback again is not counted twice
    expect(await post({ feedback: [{ card: cards[0], outcome: 'maybe', outcomeTimestamp: 'now' }] })).toBe(400);
    const stats = await fetchJson<{
      durable: boolean;
      services: {
        serviceId: string;
        kinds: {
          kind: string;
          total: number;
          overridden: number;
          overrideRate: number;
          overrideReasons: { code: string; count: number }[];
        }[];
      }[];
    }>(`${server.url}/api/cds/feedback/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.durable).toBe(true);
    const kind = stats.body.services
      .find((s) => s.serviceId === ALLERGY_SERVICE_ID)
      ?.kinds.find((k) => k.kind === 'allergy-ingredient');
    expect(kind).toMatchObject({ total: 3, overridden: 2, overrideRate: 0.6667 });
    expect(kind?.overrideReasons[0]).toEqual({
      code: 'tolerated-before',
      display: 'Patient has tolerated this medication before',
      count: 2,
    });
    // Stored as FHIR Basic resources in the chart store, without the free-text comment (it may hold PHI).
    const stored = await server.repo.search({ resourceType: 'Basic' });
    expect(stored.entry).toHaveLength(3);
    expect(JSON.stringify(stored)).not.toContain('tolerated last year');
  });

  it('never writes patient data to the logs', () => {
    const logs = server.logs.join('\n');
    expect(logs).not.toMatch(/penicillin|Anaphylaxis|showcase-|allergy-pt/i);
  });
});
