import type { Condition, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository, type SqlFhirRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { buildPatientContext } from './build-context.js';
import { PatientContextSchema, type PatientContext } from './context-schema.js';
import { allFacts } from './queries.js';
import { marge, margeRecord, NOW } from './test-support/fixtures.js';
import { readSyntheaBundle, syntheaAvailable, syntheaFiles } from './test-support/synthea.js';

/** Checks that every fact's source names the version currently stored, and that vread returns it. */
async function expectSourcesAreStoredVersions(repo: SqlFhirRepository, ctx: PatientContext): Promise<void> {
  const sources = new Set(allFacts(ctx).map((f) => f.source));
  sources.add(ctx.patient.source);
  for (const source of sources) {
    const match = /^([A-Za-z]+)\/([^/]+)\/_history\/([^/]+)$/.exec(source);
    expect(match, source).not.toBeNull();
    const [, type = '', id = '', version = ''] = match ?? [];
    const current = await repo.read<Resource>(type as Resource['resourceType'], id);
    expect(current.meta?.versionId, source).toBe(version);
    const exact = await repo.vread<Resource>(type as Resource['resourceType'], id, version);
    expect(exact.id).toBe(id);
  }
}

// The store assigns versions; drop the fixture's.
function withoutMeta<T extends Resource>(resource: T): T {
  const copy = structuredClone(resource);
  delete copy.meta;
  return copy;
}

const data = syntheaAvailable();

describe.each(testStoreNames())('buildPatientContext over the SQL repository (%s)', (name) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  beforeAll(async () => {
    store = await openTestStore(name);
    repo = createSqlRepository(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('cites the stored version of every resource, after updates too', async () => {
    await repo.update<Patient>(withoutMeta(marge));
    for (const resource of margeRecord()) {
      if (resource.resourceType !== 'Claim') {
        await repo.update(withoutMeta(resource));
      }
    }
    // New versions: the problem resolves and a weight is corrected.
    const afib = await repo.read<Condition>('Condition', 'afib');
    await repo.update<Condition>({
      ...afib,
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
      },
      abatementDateTime: '2024-06-10',
    });
    const weight = await repo.read<Observation>('Observation', 'weight-lb');
    await repo.update<Observation>({
      ...weight,
      valueQuantity: { value: 160, unit: 'lb', system: 'http://unitsofmeasure.org', code: '[lb_av]' },
    });

    const ctx = PatientContextSchema.parse(await buildPatientContext(repo, 'marge', { now: NOW }));
    expect(ctx.patient).toMatchObject({ id: 'marge', source: 'Patient/marge/_history/1', age: { years: 68 } });
    expect(ctx.problems.find((p) => p.id === 'Condition/afib')).toMatchObject({
      source: 'Condition/afib/_history/2',
      flags: { active: false },
    });
    const lb = ctx.vitals.facts.find((f) => f.id === 'Observation/weight-lb');
    expect(lb?.source).toBe('Observation/weight-lb/_history/2');
    expect(lb?.value).toMatchObject({ unit: 'kg', original: { value: 160 } });
    // The Medication outside the patient compartment is read to resolve the statement's ingredients.
    expect(ctx.medications.find((m) => m.id === 'MedicationStatement/omeprazole')?.classes).toEqual(['ppi']);
    expect(ctx.medications).toHaveLength(4);
    await expectSourcesAreStoredVersions(repo, ctx);
  });

  it('fails with VITALIS_NOT_FOUND for an unknown patient', async () => {
    await expect(buildPatientContext(repo, 'nobody')).rejects.toMatchObject({ code: 'VITALIS_NOT_FOUND' });
  });

  it.skipIf(!data.ok)(`builds the context of an imported Synthea patient ${data.reason}`, async () => {
    const file = syntheaFiles().find((f) => f.startsWith('Alda_Carter')) ?? syntheaFiles()[0] ?? '';
    const response = await repo.processBundle(readSyntheaBundle(file));
    const patientEntry = response.entry?.find((e) => e.response?.location?.startsWith('Patient/'));
    const patientId = patientEntry?.response?.location?.split('/')[1] ?? '';
    expect(patientId).not.toBe('');
    const ctx = await buildPatientContext(repo, patientId, { now: NOW });
    expect(ctx.patient.id).toBe(patientId);
    expect(ctx.encounters.length).toBeGreaterThan(0);
    expect(ctx.vitals.series.some((s) => s.vitalSign === 'weight')).toBe(true);
    // References were rewritten from urn:uuid to stored ids: report results and encounters point at facts.
    const factIds = new Set(allFacts(ctx).map((f) => f.id));
    for (const report of ctx.reports) {
      for (const result of report.results) {
        expect(factIds.has(result), result).toBe(true);
      }
    }
    for (const f of allFacts(ctx)) {
      if (f.encounter) {
        expect(factIds.has(f.encounter), f.encounter).toBe(true);
      }
    }
    await expectSourcesAreStoredVersions(repo, ctx);
  });
});
