import type { Bundle, Resource } from '@medplum/fhirtypes';
import { ContentCache } from './content-cache.js';
import { readResource } from './read.js';
import type { SqlClient } from './sql-client.js';

// The version key of a row, `rid:versionId` (e.g. `42:3`): rids come from a sequence and rows of `resources` are
// never removed (a delete is a new version), so a key always names the same content.
const KEY = `r.rid::text || ':' || r.version_id::text`;

// The keys of the patient's compartment, in $everything order, as one comma-separated text (one row whatever the
// size of the record: no content is read here).
const KEYS_SQL = `
SELECT string_agg(${KEY}, ',' ORDER BY r.res_type, r.last_updated, r.id) AS keys
  FROM compartments c JOIN resources r ON r.rid = c.rid
 WHERE c.compartment = $1 AND NOT r.deleted AND r.content IS NOT NULL
   AND NOT (r.res_type = 'Patient' AND r.id = $2)`;

// The current content of the given rids, as newline-separated JSON texts (jsonb text output never contains a raw
// newline) with their keys in the same order: two strings instead of one row per resource.
const CONTENT_SQL = `
SELECT string_agg(${KEY}, ',' ORDER BY r.rid) AS keys, string_agg(r.content::text, E'\\n' ORDER BY r.rid) AS texts
  FROM resources r JOIN json_array_elements_text($1::json) AS k(v) ON r.rid = k.v::bigint
 WHERE NOT r.deleted AND r.content IS NOT NULL`;

// The same texts for a whole compartment, in $everything order (when most of it is not cached: one pass, no join).
const COMPARTMENT_CONTENT_SQL = `
SELECT string_agg(${KEY}, ',' ORDER BY r.res_type, r.last_updated, r.id) AS keys,
       string_agg(r.content::text, E'\\n' ORDER BY r.res_type, r.last_updated, r.id) AS texts
  FROM compartments c JOIN resources r ON r.rid = c.rid
 WHERE c.compartment = $1 AND NOT r.deleted AND r.content IS NOT NULL
   AND NOT (r.res_type = 'Patient' AND r.id = $2)`;

// Resources parsed per JSON.parse call (bounds the joined text, whatever the size of the record).
const PARSE_CHUNK = 5000;

function ridOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

// Reads texts with their keys (caching them), in the query's order.
async function fetchAll(
  db: SqlClient,
  query: { sql: string; params: unknown[] },
  cache: ContentCache,
): Promise<string[]> {
  const { rows } = await db.query<{ keys: string | null; texts: string | null }>(query.sql, query.params);
  const keys = rows[0]?.keys?.split(',') ?? [];
  const texts = rows[0]?.texts?.split('\n') ?? [];
  keys.forEach((key, i) => {
    const text = texts[i];
    if (text !== undefined) {
      cache.set(key, text);
    }
  });
  return texts;
}

async function fetchMissing(
  db: SqlClient,
  query: { sql: string; params: unknown[] },
  cache: ContentCache,
): Promise<Map<string, string>> {
  const byRid = new Map<string, string>();
  const { rows } = await db.query<{ keys: string | null; texts: string | null }>(query.sql, query.params);
  const keys = rows[0]?.keys?.split(',') ?? [];
  const texts = rows[0]?.texts?.split('\n') ?? [];
  keys.forEach((key, i) => {
    const text = texts[i];
    if (text !== undefined) {
      cache.set(key, text);
      byRid.set(ridOf(key), text);
    }
  });
  return byRid;
}

/**
 * The current resources of a patient's compartment (without the patient), ordered by type, last_updated, id. Texts
 * of versions already in `cache` are not read again; a resource changed between the two queries is returned in its
 * newer version, and one deleted in between is left out.
 */
export async function compartmentResources(
  db: SqlClient,
  patientId: string,
  cache: ContentCache = new ContentCache(),
): Promise<Resource[]> {
  const compartment = [`Patient/${patientId}`, patientId];
  if (!cache.hasRecord(patientId)) {
    // First read of this record: nothing of it can be cached, so read every text in one query.
    cache.addRecord(patientId);
    const texts = await fetchAll(db, { sql: COMPARTMENT_CONTENT_SQL, params: compartment }, cache);
    return parseTexts(texts);
  }
  const { rows } = await db.query<{ keys: string | null }>(KEYS_SQL, compartment);
  const keys = rows[0]?.keys?.split(',') ?? [];
  const texts: (string | undefined)[] = keys.map((k) => cache.get(k));
  const missing = keys.filter((_, i) => texts[i] === undefined).map(ridOf);
  // Mostly uncached (a first read): read the whole compartment's texts in order rather than look up each rid.
  const query =
    missing.length === 0
      ? undefined
      : missing.length > keys.length / 2
        ? { sql: COMPARTMENT_CONTENT_SQL, params: compartment }
        : { sql: CONTENT_SQL, params: [JSON.stringify(missing)] };
  const fetched = query ? await fetchMissing(db, query, cache) : new Map<string, string>();
  const present: string[] = [];
  keys.forEach((key, i) => {
    const text = texts[i] ?? fetched.get(ridOf(key));
    if (text !== undefined) {
      present.push(text);
    }
  });
  return parseTexts(present);
}

function parseTexts(present: readonly string[]): Resource[] {
  const out: Resource[] = [];
  for (let i = 0; i < present.length; i += PARSE_CHUNK) {
    const list = JSON.parse(`[${present.slice(i, i + PARSE_CHUNK).join(',')}]`) as Resource[];
    for (const resource of list) {
      out.push(resource);
    }
  }
  return out;
}

/** Options of `patientEverything`. */
export interface EverythingOptions {
  baseUrl?: string | undefined;
  /** Texts of resource versions read before (see ContentCache); none when omitted. */
  cache?: ContentCache | undefined;
}

/** Patient/{id}/$everything: the patient plus every current resource in its compartment, as a searchset Bundle. */
export async function patientEverything(
  db: SqlClient,
  patientId: string,
  options: EverythingOptions = {},
): Promise<Bundle> {
  const baseUrl = options.baseUrl ?? '';
  const patient = await readResource(db, 'Patient', patientId);
  const resources = [patient, ...(await compartmentResources(db, patientId, options.cache))];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: `${baseUrl}/Patient/${patientId}/$everything` }],
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
