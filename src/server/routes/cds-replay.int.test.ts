import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALLERGY_SERVICE_ID,
  allergyCdsService,
  SpecServiceResponseSchema,
  SUMMARY_SERVICE_ID,
  summaryCdsService,
  type CdsService,
  type Hook,
} from '../../cds/index.js';
import { fetchJson } from '../test-support/http.js';
import { startCdsServer, startTestEhr, type CdsTestServer, type TestEhr } from './cds-test-ehr.js';

// The CDS Hooks request fixtures of the Inferno Da Vinci CRD test kit (see ../shared/data/cds-hooks/SOURCE.md).
const DIR = fileURLToPath(new URL('../../../../shared/data/cds-hooks/hook-requests/', import.meta.url));
const missing = !existsSync(DIR);
if (missing && process.env['CI'] === 'true') {
  throw new Error(`CDS Hooks fixtures missing at ${DIR}: the replay test needs ../shared/data/cds-hooks`);
}

function echo(hook: Hook): CdsService {
  return {
    id: `echo-${hook}`,
    hook,
    title: `Echo ${hook}`,
    description: 'Answers one card naming the patient',
    prefetch: { patient: 'Patient/{{context.patientId}}', encounter: 'Encounter/{{context.encounterId}}' },
    handle: (inv) =>
      Promise.resolve({
        cards: [
          {
            kind: 'echo',
            summary: `${hook} for ${inv.patient?.patient.id ?? '-'}`,
            indicator: 'info',
            source: { label: 'Echo', url: `${inv.baseUrl}/`, topic: { system: 'urn:test', code: 'echo' } },
          },
        ],
      }),
  };
}

const SERVICE_FOR: Record<string, string> = {
  'patient-view': SUMMARY_SERVICE_ID,
  'order-sign': ALLERGY_SERVICE_ID,
  'order-select': 'echo-order-select',
  'encounter-start': 'echo-encounter-start',
  'encounter-discharge': 'echo-encounter-discharge',
};

describe.skipIf(missing)('replay of the shared CDS Hooks request fixtures', () => {
  let ehr: TestEhr;
  let server: CdsTestServer;
  const fixtures = missing
    ? []
    : readdirSync(DIR)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ file: f, body: JSON.parse(readFileSync(`${DIR}${f}`, 'utf8')) as Record<string, unknown> }));

  const call = async (serviceId: string, body: unknown): Promise<{ status: number; body: unknown }> => {
    const url = `${server.url}/cds-services/${serviceId}`;
    const res = await fetchJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await ehr.sign(url)}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: res.body };
  };

  beforeAll(async () => {
    ehr = await startTestEhr();
    server = await startCdsServer({
      store: 'pglite',
      services: [
        summaryCdsService(),
        allergyCdsService(),
        echo('order-select'),
        echo('encounter-start'),
        echo('encounter-discharge'),
      ],
      config: { cdsIssuers: JSON.stringify({ [ehr.issuer]: ehr.jwksUrl }) },
    });
    // The fixtures' patient "example" lives in our test EHR, with a penicillin allergy and an encounter.
    await server.repo.update({ resourceType: 'Patient', id: 'example', gender: 'male', birthDate: '1960-05-01' });
    await server.repo.update({
      resourceType: 'Encounter',
      id: 'example',
      status: 'in-progress',
      class: { code: 'IMP' },
      subject: { reference: 'Patient/example' },
    });
    await server.repo.update({
      resourceType: 'AllergyIntolerance',
      id: 'example-pcn',
      patient: { reference: 'Patient/example' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }],
      },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' }] },
    });
  });
  afterAll(async () => {
    await server?.close();
    await ehr?.close();
  });

  it('answers every fixture of a supported hook with a spec-valid response, fetching from fhirServer', async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    const supported = fixtures.filter((f) => SERVICE_FOR[String(f.body['hook'])] !== undefined);
    expect(supported.map((f) => f.body['hook']).sort()).toEqual([
      'encounter-discharge',
      'encounter-start',
      'order-select',
      'order-sign',
    ]);
    for (const { file, body } of supported) {
      const serviceId = SERVICE_FOR[String(body['hook'])] ?? '';
      const res = await call(serviceId, { ...body, fhirServer: `${server.url}/fhir` });
      expect(res.status, file).toBe(200);
      const parsed = SpecServiceResponseSchema.parse(res.body);
      expect(parsed.cards.length, file).toBeGreaterThan(0);
      if (body['hook'] === 'order-sign') {
        // Amoxicillin/clavulanate against "Allergy to penicillin": a penicillin class card.
        expect(parsed.cards[0]?.summary).toMatch(/^Allergy, penicillin class: amoxicillin \+ clavulan/);
      }
    }
  });

  it('answers 412 when the fixture’s data cannot be obtained, and 400 for hooks the service does not handle', async () => {
    for (const { file, body } of fixtures) {
      const serviceId = SERVICE_FOR[String(body['hook'])];
      if (serviceId === undefined) {
        expect((await call(SUMMARY_SERVICE_ID, body)).status, file).toBe(400);
        continue;
      }
      const res = await call(serviceId, { ...body, fhirServer: 'http://127.0.0.1:9/fhir' });
      expect(res.status, file).toBe(412);
    }
  });
});
