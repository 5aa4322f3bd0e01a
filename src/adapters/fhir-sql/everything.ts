import type { Bundle, Resource } from '@medplum/fhirtypes';
import { readResource } from './read.js';
import type { SqlClient } from './sql-client.js';

// One row per resource type: the type's resources as one JSON array text (ordered by last_updated, id). Building
// the text in SQL and parsing it with one JSON.parse per type costs about half of returning ~2,500 JSONB rows (each
// row is decoded and parsed on its own), and grouping by type keeps each string well below V8's string limit.
const COMPARTMENT_SQL = `
SELECT r.res_type, '[' || string_agg(r.content::text, ',' ORDER BY r.last_updated, r.id) || ']' AS content
  FROM compartments c JOIN resources r ON r.rid = c.rid
 WHERE c.compartment = $1 AND NOT r.deleted AND r.content IS NOT NULL
   AND NOT (r.res_type = 'Patient' AND r.id = $2)
 GROUP BY r.res_type
 ORDER BY r.res_type`;

/** The current resources of a patient's compartment (without the patient), ordered by type, last_updated, id. */
export async function compartmentResources(db: SqlClient, patientId: string): Promise<Resource[]> {
  const { rows } = await db.query<{ res_type: string; content: string }>(COMPARTMENT_SQL, [
    `Patient/${patientId}`,
    patientId,
  ]);
  const out: Resource[] = [];
  for (const row of rows) {
    const list = JSON.parse(row.content) as Resource[];
    for (const resource of list) {
      out.push(resource);
    }
  }
  return out;
}

/** Patient/{id}/$everything: the patient plus every current resource in its compartment, as a searchset Bundle. */
export async function patientEverything(db: SqlClient, patientId: string, baseUrl = ''): Promise<Bundle> {
  const patient = await readResource(db, 'Patient', patientId);
  const resources = [patient, ...(await compartmentResources(db, patientId))];
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
