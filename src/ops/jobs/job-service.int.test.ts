import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository } from '../../adapters/fhir-sql/sql-repository.js';
import { openTestStore, type TestStore } from '../../adapters/fhir-sql/test-support/stores.js';
import { createLogger } from '../../core/logger.js';
import { IHTC_DIR, ihtcDataMissing } from '../ihtc/test-support.js';
import { SolveJobService, type SolveJobView } from './job-service.js';

const missing = ihtcDataMissing();

async function until(service: SolveJobService, id: string, done: (v: SolveJobView) => boolean): Promise<SolveJobView> {
  for (;;) {
    const view = await service.get(id);
    if (done(view)) return view;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(missing !== null)('solve jobs in a worker thread, recorded as FHIR Tasks', () => {
  let store: TestStore;
  let service: SolveJobService;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    service = new SolveJobService(
      createSqlRepository(store.db),
      createLogger('silent', () => undefined),
    );
  });
  afterAll(async () => {
    await service.close();
    await store.cleanup();
  });

  it('runs an IHTC solve to completion and keeps the validated result', async () => {
    const problem = readFileSync(`${IHTC_DIR}toy.json`, 'utf8');
    const job = await service.submit({ kind: 'ihtc', problem, name: 'toy', timeLimitSeconds: 1 });
    expect(job.status).toBe('running');
    const done = await until(service, job.id, (v) => v.status !== 'running');
    expect(done.status).toBe('completed');
    expect(done.result).toMatchObject({ instance: 'toy', violations: 0 });
    await expect(service.get(job.id, 'roster')).rejects.toThrow(/No such solve job/);
  });

  it('reports a bad problem as a failed job with the parser message', async () => {
    const job = await service.submit({
      kind: 'roster',
      problem: 'SECTION_HORIZON\nnot a number',
      name: 'bad',
      timeLimitSeconds: 1,
    });
    const done = await until(service, job.id, (v) => v.status !== 'running');
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/line|horizon/i);
  });

  it('cancels a long solve, which stops early and keeps its best plan', async () => {
    const problem = readFileSync(`${IHTC_DIR}toy.json`, 'utf8');
    const job = await service.submit({ kind: 'ihtc', problem, name: 'toy', timeLimitSeconds: 300 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(service.cancel(job.id)).toBe(true);
    const done = await until(service, job.id, (v) => v.status !== 'running');
    expect(done.status).toBe('cancelled');
    expect(done.result).toMatchObject({ instance: 'toy' });
  });
});
