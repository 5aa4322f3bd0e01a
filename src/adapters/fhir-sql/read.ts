import type { Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import type { SqlClient } from './sql-client.js';
import { assertResourceType } from './validate.js';

interface ContentRow extends Record<string, unknown> {
  deleted: boolean;
  content: Resource | null;
}

function present(row: ContentRow | undefined): Resource {
  if (!row) {
    throw new AppError('VITALIS_NOT_FOUND', 'Resource not found');
  }
  if (row.deleted || !row.content) {
    throw new AppError('VITALIS_GONE', 'Resource was deleted');
  }
  return row.content;
}

/** Reads the current version; VITALIS_NOT_FOUND when missing, VITALIS_GONE when deleted. */
export async function readResource(db: SqlClient, type: string, id: string): Promise<Resource> {
  assertResourceType(type);
  const { rows } = await db.query<ContentRow>(
    'SELECT deleted, content FROM resources WHERE res_type = $1 AND id = $2',
    [type, id],
  );
  return present(rows[0]);
}

/** Reads one version from history; VITALIS_NOT_FOUND when missing, VITALIS_GONE when that version is a delete. */
export async function readVersion(db: SqlClient, type: string, id: string, versionId: string): Promise<Resource> {
  assertResourceType(type);
  if (!/^\d{1,9}$/.test(versionId)) {
    throw new AppError('VITALIS_NOT_FOUND', 'Resource version not found');
  }
  const { rows } = await db.query<ContentRow>(
    `SELECT h.deleted, h.content FROM resource_history h JOIN resources r ON r.rid = h.rid
      WHERE r.res_type = $1 AND r.id = $2 AND h.version_id = $3`,
    [type, id, Number(versionId)],
  );
  return present(rows[0]);
}

/** Converts a timestamptz value (Date or string, depending on the driver) to an ISO instant. */
export function isoInstant(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
