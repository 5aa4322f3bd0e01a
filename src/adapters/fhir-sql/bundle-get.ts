import type { Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { patientEverything } from './everything.js';
import { readResource, readVersion } from './read.js';
import { executeSearch, parseSearchQuery } from './search/index.js';
import type { SqlClient } from './sql-client.js';
import { assertResourceType } from './validate.js';

/** Executes a bundle GET entry: read, vread, search or Patient $everything. */
export async function executeGet(db: SqlClient, url: string, baseUrl: string): Promise<Resource> {
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const parts = path.split('/').filter((p) => p !== '');
  const [type, id, op, version] = parts;
  if (type === undefined) {
    throw new AppError('VITALIS_BAD_REQUEST', 'GET entry needs a resource type');
  }
  assertResourceType(type);
  if (id === undefined) {
    return executeSearch(db, parseSearchQuery(type, q >= 0 ? url.slice(q + 1) : ''), { baseUrl });
  }
  if (parts.length === 2) {
    return readResource(db, type, id);
  }
  if (parts.length === 4 && op === '_history' && version !== undefined) {
    return readVersion(db, type, id, version);
  }
  if (parts.length === 3 && type === 'Patient' && op === '$everything') {
    return patientEverything(db, id, { baseUrl });
  }
  throw new AppError('VITALIS_BAD_REQUEST', 'Unsupported GET URL in bundle entry');
}
