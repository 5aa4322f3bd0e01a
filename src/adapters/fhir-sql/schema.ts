/**
 * The SQL layout of the Vitalis FHIR store: the same migrations run on PGlite and on a PostgreSQL server.
 *
 * Layout (a production FHIR-server shape):
 * - `resources`: the current version of every resource, JSONB content, one row per (type, id), surrogate `rid`.
 * - `resource_history`: every version ever written (including deletes, content NULL), keyed by (rid, version_id).
 * - `sp_*`: search-index tables extracted from the official R4 SearchParameter FHIRPath expressions at write time.
 *   One row per extracted value; a resource with no value for a parameter has no row (this is how `:missing` works).
 *   Every index row carries `res_type` and `param` (the SearchParameter code) so indexes can lead with them.
 * - `compartments`: Patient-compartment membership (from the R4 CompartmentDefinition), used by `$everything`
 *   and by patient-scoped searches.
 *
 * Normalization contract between the writer (index extraction) and the search compiler:
 * - sp_string.value: lower-case, Unicode NFD with combining marks removed, whitespace collapsed; `exact` keeps the
 *   original text. HumanName/Address values index each part (given, family, text, line, city...) as its own row.
 * - sp_token: `system` NULL when absent; `code` as written (case-sensitive); `display` lower-cased/normalized text of
 *   Coding.display / CodeableConcept.text / Identifier.type.text for `:text`. Booleans index as code 'true'/'false'.
 *   Identifier → system|value; ContactPoint → value (system = ContactPoint.system); code/string/id → code only.
 * - sp_date: [lo, hi] as timestamptz covering the value's implicit range (e.g. `2020-03` → 2020-03-01T00:00Z ..
 *   2020-03-31T23:59:59.999Z); Period → start..end (open ends are -infinity/infinity).
 * - sp_reference: `target_type`/`target_id` for relative references (`Patient/123`) and for absolute URLs whose tail is
 *   Type/id; `ref` keeps the reference string as written (after urn:uuid resolution).
 * - sp_number / sp_quantity: `value` as written plus [lo, hi], the range implied by its precision (1.5 → 1.45..1.55).
 *   Quantity also keeps `system`, `code`, `unit`.
 * - sp_uri: `value` as written.
 * - `_id` and `_lastUpdated` have no index rows: they are searched and sorted on `resources.id` / `last_updated`
 *   (stores written before this rule may still hold such rows; nothing reads them).
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial layout',
    sql: `
CREATE TABLE IF NOT EXISTS resources (
  rid bigserial PRIMARY KEY,
  res_type text NOT NULL,
  id text NOT NULL,
  version_id integer NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  content jsonb,
  CONSTRAINT resources_type_id UNIQUE (res_type, id)
);
CREATE INDEX IF NOT EXISTS resources_type_updated ON resources (res_type, last_updated);

CREATE TABLE IF NOT EXISTS resource_history (
  rid bigint NOT NULL REFERENCES resources (rid),
  version_id integer NOT NULL,
  last_updated timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  content jsonb,
  PRIMARY KEY (rid, version_id)
);
CREATE INDEX IF NOT EXISTS resource_history_updated ON resource_history (last_updated);

CREATE TABLE IF NOT EXISTS compartments (
  compartment text NOT NULL,
  rid bigint NOT NULL,
  PRIMARY KEY (compartment, rid)
);
CREATE INDEX IF NOT EXISTS compartments_rid ON compartments (rid);

CREATE TABLE IF NOT EXISTS sp_token (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  system text,
  code text,
  display text
);
CREATE INDEX IF NOT EXISTS sp_token_lookup ON sp_token (res_type, param, code, system);
CREATE INDEX IF NOT EXISTS sp_token_rid ON sp_token (rid, param);

CREATE TABLE IF NOT EXISTS sp_string (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  value text NOT NULL,
  exact text NOT NULL
);
CREATE INDEX IF NOT EXISTS sp_string_lookup ON sp_string (res_type, param, value text_pattern_ops);
CREATE INDEX IF NOT EXISTS sp_string_rid ON sp_string (rid, param);

CREATE TABLE IF NOT EXISTS sp_date (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  lo timestamptz NOT NULL,
  hi timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS sp_date_lookup ON sp_date (res_type, param, lo, hi);
CREATE INDEX IF NOT EXISTS sp_date_rid ON sp_date (rid, param);

CREATE TABLE IF NOT EXISTS sp_reference (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  target_type text,
  target_id text,
  ref text NOT NULL
);
CREATE INDEX IF NOT EXISTS sp_reference_lookup ON sp_reference (target_id, param, res_type, target_type);
CREATE INDEX IF NOT EXISTS sp_reference_rid ON sp_reference (rid, param);

CREATE TABLE IF NOT EXISTS sp_number (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  value numeric NOT NULL,
  lo numeric NOT NULL,
  hi numeric NOT NULL
);
CREATE INDEX IF NOT EXISTS sp_number_lookup ON sp_number (res_type, param, value);
CREATE INDEX IF NOT EXISTS sp_number_rid ON sp_number (rid, param);

CREATE TABLE IF NOT EXISTS sp_quantity (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  value numeric NOT NULL,
  lo numeric NOT NULL,
  hi numeric NOT NULL,
  system text,
  code text,
  unit text
);
CREATE INDEX IF NOT EXISTS sp_quantity_lookup ON sp_quantity (res_type, param, value);
CREATE INDEX IF NOT EXISTS sp_quantity_rid ON sp_quantity (rid, param);

CREATE TABLE IF NOT EXISTS sp_uri (
  rid bigint NOT NULL,
  res_type text NOT NULL,
  param text NOT NULL,
  value text NOT NULL
);
CREATE INDEX IF NOT EXISTS sp_uri_lookup ON sp_uri (res_type, param, value);
CREATE INDEX IF NOT EXISTS sp_uri_rid ON sp_uri (rid, param);
`,
  },
  {
    version: 2,
    name: 'store resource content uncompressed',
    // Bulk import spends much of its time in pglz compression of JSONB content; store it uncompressed instead.
    sql: `
ALTER TABLE resources ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE resource_history ALTER COLUMN content SET STORAGE EXTERNAL;
`,
  },
];

/** Index rows extracted from one resource (without rid/res_type, which the writer adds). */
export interface IndexRows {
  token: { param: string; system: string | null; code: string | null; display: string | null }[];
  string: { param: string; value: string; exact: string }[];
  date: { param: string; lo: string; hi: string }[];
  reference: { param: string; targetType: string | null; targetId: string | null; ref: string }[];
  number: { param: string; value: string; lo: string; hi: string }[];
  quantity: {
    param: string;
    value: string;
    lo: string;
    hi: string;
    system: string | null;
    code: string | null;
    unit: string | null;
  }[];
  uri: { param: string; value: string }[];
  /** Compartments the resource belongs to, e.g. `Patient/123`. */
  compartments: string[];
}

/** Normalizes a string for `string` search: lower case, accents removed, whitespace collapsed. */
export function normalizeSearchString(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
