/** The minimal SQL surface both PGlite and node-postgres provide. Parameters use $1..$n placeholders. */
export interface SqlClient {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: R[] }>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn inside one database transaction; rolls back when fn throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres', for logs and the banner only; code must not branch on it. */
  readonly dialectLabel: string;
}
