import type { SearchRequest } from '@medplum/core';
import type { Bundle, Resource, ResourceType } from '@medplum/fhirtypes';

export type { SearchRequest } from '@medplum/core';

/** Options for create. `ifNoneExist` is a search query string (e.g. `identifier=http://x|1`). */
export interface CreateOptions {
  ifNoneExist?: string;
}

/** Options for update. `ifMatch` is a version id (without the W/"" wrapper). */
export interface UpdateOptions {
  ifMatch?: string;
}

/** Result of a write: the stored resource (with meta.versionId/lastUpdated) and what happened. */
export interface WriteResult<T extends Resource = Resource> {
  resource: T;
  /** 'created' for a new resource, 'updated' for a new version, 'unchanged' when the content was identical
   *  (no new version written), 'existing' when conditional create matched. */
  outcome: 'created' | 'updated' | 'unchanged' | 'existing';
}

export interface HistoryOptions {
  count?: number;
  offset?: number;
  since?: string;
}

/** Capabilities a repository implementation declares (shared code asks what it can do, not what it is). */
export interface RepositoryCapabilities {
  /** Writes are supported. */
  readonly write: boolean;
  /** Runs in this process against a store we own (vs a remote EHR). */
  readonly local: boolean;
}

/**
 * The FHIR R4 repository port. Two implementations: SQL over PostgreSQL/PGlite and HTTP against a remote server.
 * Errors are AppError: VITALIS_NOT_FOUND, VITALIS_GONE (deleted), VITALIS_UNKNOWN_TYPE, VITALIS_INVALID_RESOURCE
 * (issues carry FHIRPath expressions), VITALIS_PRECONDITION_FAILED (If-Match conflict), VITALIS_BAD_REQUEST.
 */
export interface FhirRepository {
  readonly capabilities: RepositoryCapabilities;

  read<T extends Resource>(type: T['resourceType'], id: string): Promise<T>;
  vread<T extends Resource>(type: T['resourceType'], id: string, versionId: string): Promise<T>;
  create<T extends Resource>(resource: T, options?: CreateOptions): Promise<WriteResult<T>>;
  /** Update; creates the resource with the given id when it does not exist (update-as-create). */
  update<T extends Resource>(resource: T, options?: UpdateOptions): Promise<WriteResult<T>>;
  delete(type: ResourceType, id: string): Promise<void>;
  /** Instance history when id is given, type history otherwise. Returns a `history` Bundle, newest first, with
   *  fullUrls and paging links (which keep `_since`) under `baseUrl`. */
  history(type: ResourceType, id: string | undefined, options?: HistoryOptions, baseUrl?: string): Promise<Bundle>;
  /** Search; returns a `searchset` Bundle with `total`, entries (search.mode match/include) and paging links
   *  relative to `baseUrl` (e.g. `http://host/fhir`). */
  search<T extends Resource>(request: SearchRequest<T>, baseUrl?: string): Promise<Bundle<T>>;
  /** Processes a `batch` or `transaction` Bundle; a transaction is all-or-nothing. */
  processBundle(bundle: Bundle, baseUrl?: string): Promise<Bundle>;
  /** Patient/{id}/$everything: the patient and every resource in its compartment. */
  everything(patientId: string, baseUrl?: string): Promise<Bundle>;
  close(): Promise<void>;
}
