import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnchangedOutcome } from '../../fhir/outcomes.js';
import { createSqlRepository, type SqlFhirRepository } from './sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from './test-support/stores.js';

const DATA_DIR = resolve(import.meta.dirname, '../../../../shared/data/synthea/r4');
const hasData = existsSync(DATA_DIR);
if (!hasData && process.env['CI'] === 'true') {
  throw new Error(`Synthea test data missing at ${DATA_DIR}`);
}

function firstBundle(): Bundle {
  const file = readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()[0];
  return JSON.parse(readFileSync(resolve(DATA_DIR, file ?? ''), 'utf8')) as Bundle;
}

/** The importer's idempotent form: every entry becomes PUT Type/<id>. */
function asPuts(bundle: Bundle): Bundle {
  return {
    ...bundle,
    entry: (bundle.entry ?? []).map((e): BundleEntry => ({
      ...e,
      request: { method: 'PUT', url: `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}` },
    })),
  };
}

describe.skipIf(!hasData).each(testStoreNames())(
  'Synthea bundle import on %s (skipped when ../shared/data/synthea/r4 is missing)',
  (name) => {
    let store: TestStore;
    let repo: SqlFhirRepository;
    beforeAll(async () => {
      store = await openTestStore(name);
      repo = createSqlRepository(store.db);
    });
    afterAll(async () => {
      await store.cleanup();
    });

    it('imports a Synthea transaction (POST + urn:uuid) with every reference resolved', async () => {
      const bundle = firstBundle();
      const res = await repo.processBundle(bundle);
      expect(res.entry).toHaveLength(bundle.entry?.length ?? -1);
      expect(res.entry?.every((e) => e.response?.status === '201 Created')).toBe(true);
      expect(JSON.stringify(res.entry?.map((e) => e.resource))).not.toContain('urn:uuid:');
    });

    it('imports the PUT form idempotently and serves $everything for the patient', async () => {
      const bundle = asPuts(firstBundle());
      const first = await repo.processBundle(bundle);
      expect(first.entry?.every((e) => e.response?.status === '201 Created')).toBe(true);
      const again = await repo.processBundle(bundle);
      expect(again.entry?.every((e) => isUnchangedOutcome(e.response?.outcome))).toBe(true);
      const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource;
      const everything = await repo.everything(patient?.id ?? '');
      const inCompartment = (bundle.entry ?? []).filter(
        (e) => !['Organization', 'Practitioner'].includes(e.resource?.resourceType ?? ''),
      );
      expect(everything.total).toBe(inCompartment.length);
    });
  },
);
