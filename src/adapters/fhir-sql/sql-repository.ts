import { randomUUID } from 'node:crypto';
import type { Bundle, Resource, ResourceType } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { loadFhirDefinitions } from '../../fhir/definitions.js';
import type {
  CreateOptions,
  FhirRepository,
  HistoryOptions,
  RepositoryCapabilities,
  SearchRequest,
  UpdateOptions,
  WriteResult,
} from '../../fhir/repository.js';
import { processBundle } from './bundle.js';
import { etagVersion } from './bundle-entries.js';
import { findOne } from './conditional.js';
import { openSqlClient, type OpenSqlOptions } from './db.js';
import { ContentCache } from './content-cache.js';
import { patientEverything } from './everything.js';
import { readHistory } from './history.js';
import { migrate } from './migrate.js';
import { readResource, readVersion } from './read.js';
import { executeSearch } from './search/index.js';
import type { SqlClient } from './sql-client.js';
import { assertResourceType, assertValidId, assertValidResource, rememberValidated } from './validate.js';
import { ValidationPool } from './validation-pool.js';
import { writeResources, type OpResult } from './write.js';

/** The FHIR repository over the SQL store (PGlite or a PostgreSQL server). */
export class SqlFhirRepository implements FhirRepository {
  readonly capabilities: RepositoryCapabilities = { write: true, local: true };
  private readonly validationPool = new ValidationPool();
  // Texts of resource versions read by $everything (a patient's record is read again and again by context builds).
  private readonly contentCache = new ContentCache();

  constructor(readonly db: SqlClient) {
    loadFhirDefinitions();
  }

  async read<T extends Resource>(type: T['resourceType'], id: string): Promise<T> {
    return (await readResource(this.db, type, id)) as T;
  }

  async vread<T extends Resource>(type: T['resourceType'], id: string, versionId: string): Promise<T> {
    return (await readVersion(this.db, type, id, versionId)) as T;
  }

  async create<T extends Resource>(resource: T, options: CreateOptions = {}): Promise<WriteResult<T>> {
    assertValidResource(resource);
    return this.db.transaction(async (tx) => {
      if (options.ifNoneExist) {
        const match = await findOne(tx, resource.resourceType, options.ifNoneExist);
        if (match) {
          return { resource: match as T, outcome: 'existing' };
        }
      }
      const [r] = await writeResources(tx, [{ kind: 'put', resource: { ...resource, id: randomUUID() } }]);
      return toWriteResult<T>(r);
    });
  }

  async update<T extends Resource>(resource: T, options: UpdateOptions = {}): Promise<WriteResult<T>> {
    assertResourceType(resource.resourceType);
    assertValidId(resource.id);
    const id = resource.id;
    const ifMatch = options.ifMatch === undefined ? undefined : etagVersion(options.ifMatch);
    const [r] = await this.db.transaction((tx) =>
      writeResources(tx, [{ kind: 'put', resource: { ...resource, id }, ifMatch, validate: true }]),
    );
    return toWriteResult<T>(r);
  }

  async delete(type: ResourceType, id: string): Promise<void> {
    assertResourceType(type);
    await this.db.transaction((tx) => writeResources(tx, [{ kind: 'delete', type, id }]));
  }

  history(type: ResourceType, id: string | undefined, options: HistoryOptions = {}, baseUrl?: string): Promise<Bundle> {
    return readHistory(this.db, type, id, { ...options, baseUrl });
  }

  search<T extends Resource>(request: SearchRequest<T>, baseUrl?: string): Promise<Bundle<T>> {
    assertResourceType(request.resourceType);
    return executeSearch(this.db, request, { ...(baseUrl === undefined ? {} : { baseUrl }) }) as Promise<Bundle<T>>;
  }

  processBundle(bundle: Bundle, baseUrl?: string): Promise<Bundle> {
    return processBundle(this.db, bundle, baseUrl);
  }

  everything(patientId: string, baseUrl?: string): Promise<Bundle> {
    return patientEverything(this.db, patientId, { baseUrl, cache: this.contentCache });
  }

  /**
   * Validates resources about to be written in a worker thread (when one can run), so their later write skips the
   * in-thread validation of that exact content; invalid or changed content is still validated (and rejected) on write.
   */
  async prevalidate(resources: readonly Resource[]): Promise<void> {
    if (resources.length === 0) {
      return;
    }
    const texts = resources.map((r) => JSON.stringify(r));
    const valid = await this.validationPool.validate(texts);
    if (valid) {
      rememberValidated(texts.filter((_, i) => valid[i] === true));
    }
  }

  async close(): Promise<void> {
    await this.validationPool.close();
    await this.db.close();
  }
}

function toWriteResult<T extends Resource>(r: OpResult | undefined): WriteResult<T> {
  if (!r || r.outcome === 'deleted') {
    throw new AppError('VITALIS_INTERNAL', 'Write produced no result');
  }
  if (r.outcome === 'error') {
    throw r.error;
  }
  return { resource: r.resource as T, outcome: r.outcome };
}

/** Wraps an open, migrated SQL client as a repository (closing the repository closes the client). */
export function createSqlRepository(db: SqlClient): SqlFhirRepository {
  return new SqlFhirRepository(db);
}

/** Opens the SQL store (PGlite or PostgreSQL), applies migrations and returns the repository. */
export async function openSqlRepository(options: OpenSqlOptions): Promise<SqlFhirRepository> {
  const db = await openSqlClient(options);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return new SqlFhirRepository(db);
}
