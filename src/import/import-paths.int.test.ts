import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository, type SqlFhirRepository } from '../adapters/fhir-sql/sql-repository.js';
import { openTestStore, testStoreNames, type TestStore } from '../adapters/fhir-sql/test-support/stores.js';
import { isAppError } from '../core/errors.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { formatSummary, importPaths, type ImportProgress } from './index.js';

/** Typed asymmetric matchers (vitest's are typed any). */
const matching = (re: RegExp): string => expect.stringMatching(re) as string;

const PAT = 'c0a80101-0000-4000-8000-000000000001';
const TX_PAT = 'c0a80101-0000-4000-8000-0000000000ff';

async function exists(repo: SqlFhirRepository, type: 'Patient' | 'Observation', id: string): Promise<boolean> {
  try {
    await repo.read(type, id);
    return true;
  } catch (err) {
    if (isAppError(err, 'VITALIS_NOT_FOUND')) {
      return false;
    }
    throw err;
  }
}

const ndjson = (rows: unknown[]): string =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

describe.each(testStoreNames())('importPaths on %s', (storeName) => {
  let store: TestStore;
  let repo: SqlFhirRepository;
  let dir: string;

  beforeAll(async () => {
    loadFhirDefinitions();
    store = await openTestStore(storeName);
    repo = createSqlRepository(store.db);
    dir = await mkdtemp(join(tmpdir(), 'vitalis-import-'));
  });

  afterAll(async () => {
    await store.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports NDJSON, reporting a bad line and an invalid resource with file, line and reason', async () => {
    const file = join(dir, 'mixed.ndjson');
    await writeFile(
      file,
      ndjson([
        { resourceType: 'Patient', id: 'nd-p1', gender: 'female' },
        '{"resourceType": "Patient", "id": "nd-broken"',
        { resourceType: 'Observation', id: 'nd-o1', code: { text: 'no status' } },
        { resourceType: 'Patient', id: 'nd-p2', gender: 'male' },
      ]),
    );
    const summary = await importPaths(repo, [file]);
    expect(summary).toMatchObject({ files: 1, failedFiles: 0, resourcesRead: 4, created: 2, rejected: 2 });
    expect(summary.rejections).toEqual([
      { file, location: 'line 2', reason: matching(/^Invalid JSON/) },
      {
        file,
        location: 'line 3',
        resourceType: 'Observation',
        id: 'nd-o1',
        reason: 'Missing required property [Observation.status]',
      },
    ]);
    expect(await exists(repo, 'Patient', 'nd-p1')).toBe(true);
    expect(await exists(repo, 'Patient', 'nd-p2')).toBe(true);
    expect(await exists(repo, 'Observation', 'nd-o1')).toBe(false);
    expect(formatSummary(summary)).toContain(`${file} line 3 Observation/nd-o1:`);
  });

  it('reports a malformed .json file and still imports the next file', async () => {
    const folder = join(dir, 'malformed');
    await mkdir(folder);
    await writeFile(
      join(folder, 'a-broken.json'),
      '{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": ',
    );
    const good: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'mj-p1', gender: 'other' } }],
    };
    await writeFile(join(folder, 'b-good.json'), JSON.stringify(good));
    const summary = await importPaths(repo, [folder]);
    expect(summary).toMatchObject({ files: 2, failedFiles: 1, created: 1, rejected: 0 });
    expect(summary.rejections).toEqual([
      {
        file: join(folder, 'a-broken.json'),
        location: matching(/^byte \d+$/),
        reason: matching(/^Malformed JSON/),
      },
    ]);
    expect(await exists(repo, 'Patient', 'mj-p1')).toBe(true);
  });

  it('imports nothing from a transaction with one invalid entry', async () => {
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: `urn:uuid:${TX_PAT}`,
          resource: { resourceType: 'Patient', gender: 'female' },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: `urn:uuid:${TX_PAT}` },
            valueQuantity: { value: 'ten' },
          } as unknown as Observation,
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const file = join(dir, 'tx-invalid.json');
    await writeFile(file, JSON.stringify(tx, null, 2));
    const summary = await importPaths(repo, [file]);
    expect(summary).toMatchObject({ resourcesRead: 2, created: 0, rejected: 2, failedFiles: 0 });
    expect(summary.rejections).toHaveLength(1);
    expect(summary.rejections[0]).toMatchObject({ file, location: matching(/^transaction/) });
    expect(summary.rejections[0]?.reason).toContain('nothing from this transaction was imported');
    expect(summary.rejections[0]?.reason).toContain('[Observation.value[x].value]');
    expect(await exists(repo, 'Patient', TX_PAT)).toBe(false);
  });

  it('is idempotent across bundle kinds, NDJSON .gz and single resources, and reports increasing progress', async () => {
    const folder = join(dir, 'mixed-kinds');
    await mkdir(folder);
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: `urn:uuid:${PAT}`,
          resource: { resourceType: 'Patient', gender: 'female' },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          fullUrl: 'urn:uuid:c0a80101-0000-4000-8000-000000000002',
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'hr' },
            subject: { reference: `urn:uuid:${PAT}` },
          },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: {
            resourceType: 'Organization',
            name: 'Clinic',
            identifier: [{ system: 'urn:test', value: 'org-1' }],
          },
          request: { method: 'POST', url: 'Organization', ifNoneExist: 'identifier=urn:test|org-1' },
        },
      ],
    };
    const batch: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          resource: { resourceType: 'Patient', id: 'bt-p1', gender: 'male' },
          request: { method: 'PUT', url: 'Patient/bt-p1' },
        },
        {
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'no id' } },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const collection: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'collected, no id' } },
        },
      ],
    };
    await writeFile(join(folder, '1-tx.json'), JSON.stringify(tx));
    await writeFile(join(folder, '2-batch.json'), JSON.stringify(batch));
    await writeFile(join(folder, '3-collection.json.gz'), gzipSync(JSON.stringify(collection)));
    await writeFile(
      join(folder, '4-patient.json'),
      JSON.stringify({ resourceType: 'Patient', id: 'single-1', active: true }),
    );
    const rows = Array.from({ length: 7 }, (_, i) => ({ resourceType: 'Patient', id: `gz-${i}`, gender: 'unknown' }));
    await writeFile(
      join(folder, '5-bulk.ndjson.gz'),
      gzipSync(ndjson([...rows, { resourceType: 'Patient', gender: 'male', active: false }])),
    );

    const seen: ImportProgress[] = [];
    const first = await importPaths(repo, [folder], { batchSize: 3, onProgress: (p) => seen.push(p) });
    expect(first).toMatchObject({ files: 5, resourcesRead: 15, created: 15, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.rejections).toEqual([]);
    const obs = await repo.read<Observation>('Observation', 'c0a80101-0000-4000-8000-000000000002');
    expect(obs.subject?.reference).toBe(`Patient/${PAT}`);

    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      for (const key of ['resourcesRead', 'created', 'filesDone', 'bytesRead', 'elapsedSeconds'] as const) {
        expect(b[key]).toBeGreaterThanOrEqual(a[key]);
      }
    }
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ filesTotal: 5, filesDone: 5, resourcesRead: 15, created: 15 });
    expect(last.bytesRead).toBe(last.bytesTotal);
    expect(new Set(seen.map((p) => p.resourcesRead)).size).toBeGreaterThan(3);

    const second = await importPaths(repo, [folder], { batchSize: 3 });
    expect(second).toMatchObject({ resourcesRead: 15, created: 0, updated: 0, unchanged: 15, rejected: 0 });
    const patient = await repo.read<Patient>('Patient', PAT);
    expect(patient.meta?.versionId).toBe('1');
  });

  it('stops at once when the signal is already aborted', async () => {
    const file = join(dir, 'abort.ndjson');
    await writeFile(file, ndjson([{ resourceType: 'Patient', id: 'ab-1' }]));
    const summary = await importPaths(repo, [file], { signal: AbortSignal.abort() });
    expect(summary).toMatchObject({ aborted: true, resourcesRead: 0 });
    expect(await exists(repo, 'Patient', 'ab-1')).toBe(false);
  });

  it('reports missing paths without throwing and rejects a bad batch size', async () => {
    const summary = await importPaths(repo, [join(dir, 'nope')]);
    expect(summary).toMatchObject({
      files: 0,
      failedFiles: 1,
      rejections: [{ location: 'file', reason: 'File or folder not found' }],
    });
    await expect(importPaths(repo, [dir], { batchSize: 0 })).rejects.toThrow('batchSize');
  });
});
