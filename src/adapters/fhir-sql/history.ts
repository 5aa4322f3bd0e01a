import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import type { HistoryOptions } from '../../fhir/repository.js';
import { isoInstant } from './read.js';
import type { SqlClient } from './sql-client.js';
import { assertResourceType } from './validate.js';

const DEFAULT_COUNT = 50;
const MAX_COUNT = 1000;

interface HistoryRow extends Record<string, unknown> {
  res_type: string;
  id: string;
  version_id: number;
  last_updated: unknown;
  deleted: boolean;
  content: Resource | null;
  total: number | string;
}

/** Instance history (id given) or type history as a `history` Bundle, newest first, with count/offset/since. */
export async function readHistory(
  db: SqlClient,
  type: string,
  id: string | undefined,
  options: HistoryOptions & { baseUrl?: string | undefined },
): Promise<Bundle> {
  assertResourceType(type);
  const count = Math.min(Math.max(options.count ?? DEFAULT_COUNT, 0), MAX_COUNT);
  const offset = Math.max(options.offset ?? 0, 0);
  const params: unknown[] = [type];
  let where = 'r.res_type = $1';
  if (id !== undefined) {
    params.push(id);
    where += ` AND r.id = $${params.length}`;
  }
  if (options.since !== undefined) {
    if (Number.isNaN(Date.parse(options.since))) {
      throw new AppError('VITALIS_BAD_REQUEST', 'Invalid _since instant');
    }
    params.push(options.since);
    where += ` AND h.last_updated >= $${params.length}::timestamptz`;
  }
  params.push(count, offset);
  const { rows } = await db.query<HistoryRow>(
    `SELECT r.res_type, r.id, h.version_id, h.last_updated, h.deleted, h.content, count(*) OVER () AS total
       FROM resource_history h JOIN resources r ON r.rid = h.rid
      WHERE ${where}
      ORDER BY h.last_updated DESC, h.version_id DESC, h.rid DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  if (id !== undefined && rows.length === 0 && offset === 0) {
    const exists = await db.query('SELECT 1 FROM resources WHERE res_type = $1 AND id = $2', [type, id]);
    if (exists.rows.length === 0) {
      throw new AppError('VITALIS_NOT_FOUND', 'Resource not found');
    }
  }
  const total = rows[0] ? Number(rows[0].total) : await countHistory(db, where, params.slice(0, -2));
  const base = options.baseUrl ?? '';
  const path = id === undefined ? `${type}/_history` : `${type}/${id}/_history`;
  const since = options.since === undefined ? '' : `&_since=${encodeURIComponent(options.since)}`;
  const page = (at: number): string => `${base}/${path}?_count=${count}&_offset=${at}${since}`;
  const link: Bundle['link'] = [{ relation: 'self', url: page(offset) }];
  if (offset + count < total) {
    link.push({ relation: 'next', url: page(offset + count) });
  }
  return { resourceType: 'Bundle', type: 'history', total, link, entry: rows.map((r) => historyEntry(r, base)) };
}

async function countHistory(db: SqlClient, where: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM resource_history h JOIN resources r ON r.rid = h.rid WHERE ${where}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

function historyEntry(r: HistoryRow, base: string): BundleEntry {
  const lastModified = isoInstant(r.last_updated);
  const first = r.version_id === 1;
  return {
    fullUrl: `${base}/${r.res_type}/${r.id}`,
    ...(r.content && !r.deleted ? { resource: r.content } : {}),
    request: r.deleted
      ? { method: 'DELETE', url: `${r.res_type}/${r.id}` }
      : { method: first ? 'POST' : 'PUT', url: first ? r.res_type : `${r.res_type}/${r.id}` },
    response: {
      status: r.deleted ? '204 No Content' : first ? '201 Created' : '200 OK',
      etag: `W/"${r.version_id}"`,
      lastModified,
    },
  };
}
