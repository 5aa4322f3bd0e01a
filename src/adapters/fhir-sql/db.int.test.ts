import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testStoreNames, type TestStore } from './test-support/stores.js';

describe.each(testStoreNames())('SQL client on %s', (name) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(name);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('runs migrations and rolls back a failed transaction', async () => {
    const { rows } = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM vitalis_migrations');
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
    await expect(
      store.db.transaction(async (tx) => {
        await tx.query(
          "INSERT INTO resources (res_type, id, version_id, last_updated, content) VALUES ('Patient', 'p1', 1, now(), '{}')",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM resources');
    expect(after.rows[0]?.n).toBe(0);
  });
});
