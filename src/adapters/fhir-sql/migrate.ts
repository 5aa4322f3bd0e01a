import { MIGRATIONS } from './schema.js';
import type { SqlClient } from './sql-client.js';

/** Applies pending migrations in order, each in its own transaction. Safe to run concurrently on start-up. */
export async function migrate(db: SqlClient): Promise<number> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS vitalis_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const { rows } = await db.query<{ version: number }>('SELECT version FROM vitalis_migrations');
  const applied = new Set(rows.map((r) => r.version));
  let count = 0;
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) {
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO vitalis_migrations (version, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        m.version,
        m.name,
      ]);
    });
    count++;
  }
  return count;
}
