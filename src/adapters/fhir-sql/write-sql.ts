import type { Resource } from '@medplum/fhirtypes';
import type { IndexRows } from './schema.js';
import type { SqlClient } from './sql-client.js';

/** The current row of a resource as read before a write. */
export interface ExistingRow {
  rid: number;
  res_type: string;
  id: string;
  version_id: number;
  deleted: boolean;
  content: Resource | null;
}

/** One version to write: content is null for a delete. */
export interface VersionRow {
  type: string;
  id: string;
  version: number;
  lastUpdated: string;
  content: Resource | null;
  /** rid of the existing row, when there is one (its old index rows are removed). */
  existingRid: number | undefined;
  index: IndexRows | undefined;
}

/** Key of a resource in maps: `Type/id`. */
export function resourceKey(type: string, id: string): string {
  return `${type}/${id}`;
}

/** Reads the current rows of the given resources with one query, locking them (FOR UPDATE) until commit. */
export async function fetchExisting(
  db: SqlClient,
  keys: readonly { type: string; id: string }[],
): Promise<Map<string, ExistingRow>> {
  const out = new Map<string, ExistingRow>();
  if (keys.length === 0) {
    return out;
  }
  const { rows } = await db.query<Record<string, unknown> & Omit<ExistingRow, 'rid'> & { rid: number | string }>(
    `SELECT r.rid, r.res_type, r.id, r.version_id, r.deleted, r.content
       FROM resources r
       JOIN json_to_recordset($1::json) AS k(t text, i text) ON r.res_type = k.t AND r.id = k.i
      FOR UPDATE OF r`,
    [JSON.stringify(keys.map((k) => ({ t: k.type, i: k.id })))],
  );
  for (const r of rows) {
    out.set(resourceKey(r.res_type, r.id), { ...r, rid: Number(r.rid) });
  }
  return out;
}

// json (not jsonb) input: the batch text is only scanned, and each content is parsed to jsonb once, when its row is
// read (jsonb input would build the whole batch as one jsonb value first, then copy each content out of it).
const UPSERT_SQL = `
WITH up AS (
  INSERT INTO resources (res_type, id, version_id, last_updated, deleted, content)
  SELECT x.t, x.i, x.v, x.lu::timestamptz, x.c IS NULL, x.c
    FROM json_to_recordset($1::json) AS x(t text, i text, v integer, lu text, c jsonb)
  ON CONFLICT (res_type, id) DO UPDATE SET version_id = EXCLUDED.version_id, last_updated = EXCLUDED.last_updated,
    deleted = EXCLUDED.deleted, content = EXCLUDED.content
  RETURNING rid, res_type, id, version_id, last_updated, deleted, content
), hist AS (
  INSERT INTO resource_history (rid, version_id, last_updated, deleted, content)
  SELECT rid, version_id, last_updated, deleted, content FROM up
)
SELECT rid, res_type, id FROM up`;

const DELETE_INDEX_SQL = `
WITH ids AS (SELECT value::bigint AS rid FROM json_array_elements_text($1::json)),
  d1 AS (DELETE FROM sp_token WHERE rid IN (SELECT rid FROM ids)),
  d2 AS (DELETE FROM sp_string WHERE rid IN (SELECT rid FROM ids)),
  d3 AS (DELETE FROM sp_date WHERE rid IN (SELECT rid FROM ids)),
  d4 AS (DELETE FROM sp_reference WHERE rid IN (SELECT rid FROM ids)),
  d5 AS (DELETE FROM sp_number WHERE rid IN (SELECT rid FROM ids)),
  d6 AS (DELETE FROM sp_quantity WHERE rid IN (SELECT rid FROM ids)),
  d7 AS (DELETE FROM sp_uri WHERE rid IN (SELECT rid FROM ids)),
  d8 AS (DELETE FROM compartments WHERE rid IN (SELECT rid FROM ids))
SELECT 1 AS done`;

const INSERT_INDEX_SQL = `
WITH
  i1 AS (INSERT INTO sp_token (rid, res_type, param, system, code, display)
    SELECT * FROM json_to_recordset($1::json) AS x(r bigint, t text, p text, s text, c text, d text)),
  i2 AS (INSERT INTO sp_string (rid, res_type, param, value, exact)
    SELECT * FROM json_to_recordset($2::json) AS x(r bigint, t text, p text, v text, e text)),
  i3 AS (INSERT INTO sp_date (rid, res_type, param, lo, hi)
    SELECT * FROM json_to_recordset($3::json) AS x(r bigint, t text, p text, l timestamptz, h timestamptz)),
  i4 AS (INSERT INTO sp_reference (rid, res_type, param, target_type, target_id, ref)
    SELECT * FROM json_to_recordset($4::json) AS x(r bigint, t text, p text, tt text, ti text, f text)),
  i5 AS (INSERT INTO sp_number (rid, res_type, param, value, lo, hi)
    SELECT * FROM json_to_recordset($5::json) AS x(r bigint, t text, p text, v numeric, l numeric, h numeric)),
  i6 AS (INSERT INTO sp_quantity (rid, res_type, param, value, lo, hi, system, code, unit)
    SELECT * FROM json_to_recordset($6::json)
      AS x(r bigint, t text, p text, v numeric, l numeric, h numeric, s text, c text, u text)),
  i7 AS (INSERT INTO sp_uri (rid, res_type, param, value)
    SELECT * FROM json_to_recordset($7::json) AS x(r bigint, t text, p text, v text)),
  i8 AS (INSERT INTO compartments (compartment, rid)
    SELECT * FROM json_to_recordset($8::json) AS x(c text, r bigint) ON CONFLICT DO NOTHING)
SELECT 1 AS done`;

/** Writes versions (current row, history row, index rows) with a constant number of statements. */
export async function persistVersions(db: SqlClient, versions: readonly VersionRow[]): Promise<void> {
  if (versions.length === 0) {
    return;
  }
  const { rows } = await db.query<{ rid: number | string; res_type: string; id: string }>(UPSERT_SQL, [
    JSON.stringify(versions.map((v) => ({ t: v.type, i: v.id, v: v.version, lu: v.lastUpdated, c: v.content }))),
  ]);
  const rids = new Map(rows.map((r) => [resourceKey(r.res_type, r.id), Number(r.rid)]));
  const stale = versions.flatMap((v) => (v.existingRid === undefined ? [] : [v.existingRid]));
  if (stale.length > 0) {
    await db.query(DELETE_INDEX_SQL, [JSON.stringify(stale)]);
  }
  const params = indexParams(versions, rids);
  if (params) {
    await db.query(INSERT_INDEX_SQL, params);
  }
}

function indexParams(versions: readonly VersionRow[], rids: Map<string, number>): string[] | undefined {
  const token: unknown[] = [];
  const string: unknown[] = [];
  const date: unknown[] = [];
  const reference: unknown[] = [];
  const number: unknown[] = [];
  const quantity: unknown[] = [];
  const uri: unknown[] = [];
  const compartments: unknown[] = [];
  for (const v of versions) {
    const r = rids.get(resourceKey(v.type, v.id));
    const x = v.index;
    if (r === undefined || !x) {
      continue;
    }
    const t = v.type;
    for (const e of x.token) token.push({ r, t, p: e.param, s: e.system, c: e.code, d: e.display });
    for (const e of x.string) string.push({ r, t, p: e.param, v: e.value, e: e.exact });
    for (const e of x.date) date.push({ r, t, p: e.param, l: e.lo, h: e.hi });
    for (const e of x.reference) reference.push({ r, t, p: e.param, tt: e.targetType, ti: e.targetId, f: e.ref });
    for (const e of x.number) number.push({ r, t, p: e.param, v: e.value, l: e.lo, h: e.hi });
    for (const e of x.quantity) {
      quantity.push({ r, t, p: e.param, v: e.value, l: e.lo, h: e.hi, s: e.system, c: e.code, u: e.unit });
    }
    for (const e of x.uri) uri.push({ r, t, p: e.param, v: e.value });
    for (const c of x.compartments) compartments.push({ c, r });
  }
  const all = [token, string, date, reference, number, quantity, uri, compartments];
  return all.some((a) => a.length > 0) ? all.map((a) => JSON.stringify(a)) : undefined;
}
