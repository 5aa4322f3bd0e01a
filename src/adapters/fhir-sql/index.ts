/** The SQL FHIR store: repository, client, migrations and index extraction. */
export { createSqlRepository, openSqlRepository, SqlFhirRepository } from './sql-repository.js';
export { openSqlClient, type OpenSqlOptions } from './db.js';
export { migrate } from './migrate.js';
export type { SqlClient } from './sql-client.js';
export { extractIndexRows } from './index-extract.js';
