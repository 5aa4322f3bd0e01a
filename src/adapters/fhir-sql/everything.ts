import type { Bundle, Resource } from '@medplum/fhirtypes';
import { readResource } from './read.js';
import type { SqlClient } from './sql-client.js';

/** Patient/{id}/$everything: the patient plus every current resource in its compartment, as a searchset Bundle. */
export async function patientEverything(db: SqlClient, patientId: string, baseUrl = ''): Promise<Bundle> {
  const patient = await readResource(db, 'Patient', patientId);
  const { rows } = await db.query<{ content: Resource }>(
    `SELECT r.content FROM compartments c JOIN resources r ON r.rid = c.rid
      WHERE c.compartment = $1 AND NOT r.deleted AND r.content IS NOT NULL
        AND NOT (r.res_type = 'Patient' AND r.id = $2)
      ORDER BY r.res_type, r.last_updated, r.id`,
    [`Patient/${patientId}`, patientId],
  );
  const resources = [patient, ...rows.map((r) => r.content)];
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
