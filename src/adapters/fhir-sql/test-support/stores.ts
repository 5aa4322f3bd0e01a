import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openSqlClient } from '../db.js';
import { migrate } from '../migrate.js';
import type { SqlClient } from '../sql-client.js';

export interface TestStore {
  name: 'pglite' | 'postgres';
  db: SqlClient;
  cleanup(): Promise<void>;
}

/** The stores every store test runs against: PGlite in memory, and a PostgreSQL server when DATABASE_URL is set. */
export function testStoreNames(): TestStore['name'][] {
  return process.env['DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

/** Opens a fresh, migrated store. On PostgreSQL each store gets its own schema, dropped by cleanup(). */
export async function openTestStore(name: TestStore['name']): Promise<TestStore> {
  if (name === 'pglite') {
    const db = await openSqlClient({ dataDir: 'memory://' });
    await migrate(db);
    return { name, db, cleanup: () => db.close() };
  }
  const url = process.env['DATABASE_URL'];
  if (!url) {
    throw new Error('DATABASE_URL is not set');
  }
  const schema = `vt_${randomBytes(6).toString('hex')}`;
  const db = await openSqlClient({ databaseUrl: url, schema, poolSize: 4 });
  await migrate(db);
  return {
    name,
    db,
    cleanup: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
