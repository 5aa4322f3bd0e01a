import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../../core/errors.js';
import type { SqlClient } from './sql-client.js';

export interface OpenSqlOptions {
  /** PostgreSQL server URL; when set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Schema to use on a PostgreSQL server (created if missing); tests use a fresh one each. */
  schema?: string | undefined;
  /** Pool size on a PostgreSQL server. */
  poolSize?: number | undefined;
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

function wrapPglite(db: PGlite | Parameters<Parameters<PGlite['transaction']>[0]>[0], label: string): SqlClient {
  const client: SqlClient = {
    dialectLabel: label,
    async query<R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const res = await db.query<R>(sql, params as unknown[]);
      return { rows: res.rows };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (!(db instanceof PGlite)) {
        // Nested: already inside a transaction.
        return fn(client);
      }
      return db.transaction((tx) => fn(wrapPglite(tx, label)));
    },
    async close() {
      if (db instanceof PGlite) {
        await db.close();
      }
    },
  };
  return client;
}

function wrapPgClient(conn: Queryable, label: string): SqlClient {
  const client: SqlClient = {
    dialectLabel: label,
    async query<R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const res = await conn.query(sql, params as unknown[]);
      return { rows: res.rows as R[] };
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      return fn(client);
    },
    async close() {
      // The pool owns connections.
    },
  };
  return client;
}

function wrapPgPool(pool: pg.Pool, label: string): SqlClient {
  return {
    dialectLabel: label,
    async query<R extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const res = await pool.query(sql, params as unknown[]);
      return { rows: res.rows as R[] };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(wrapPgClient(conn, label));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

// numeric and bigint come back as strings from node-postgres; keep them as strings (exact), as PGlite does for numeric.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** Opens the SQL store: a PostgreSQL server when databaseUrl is set, otherwise PGlite in dataDir. */
export async function openSqlClient(options: OpenSqlOptions): Promise<SqlClient> {
  if (options.databaseUrl) {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new AppError('VITALIS_CONFIG', 'Invalid schema name');
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    pool.on('error', () => undefined);
    try {
      if (schema) {
        await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      }
      await pool.query('SELECT 1');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new AppError(
        'VITALIS_UNAVAILABLE',
        'Cannot connect to the PostgreSQL server in DATABASE_URL; check that it is running and the URL is right',
        { cause: err },
      );
    }
    return wrapPgPool(pool, 'postgres');
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(resolve(dataDir), { recursive: true });
  }
  const db = dataDir.startsWith('memory://') ? new PGlite() : new PGlite(resolve(dataDir));
  await db.waitReady;
  return wrapPglite(db, 'pglite');
}
