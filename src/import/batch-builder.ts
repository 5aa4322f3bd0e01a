import type { BundleEntry } from '@medplum/fhirtypes';
import { isResourceLike, isValidId, putEntry, rewriteReferences, urnUuid, type ResourceLike } from './idempotent.js';
import type { BatchItem, ImportUnit } from './types.js';

/**
 * Turns a stream of resources (NDJSON lines, collection entries, batch entries) into `batch` units of `batchSize`
 * idempotent writes, and anything unusable into rejection units, keeping file order.
 */
export class BatchBuilder {
  private items: BatchItem[] = [];
  private queue: ImportUnit[] = [];
  /** urn:uuid fullUrl → Type/id for the whole file, so later batches can point at earlier ones. */
  private readonly urnMap = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly batchSize: number,
  ) {}

  /** Adds a bare resource (NDJSON line or collection entry resource) as `PUT Type/id`. */
  addResource(value: unknown, location: string, fullUrl?: string): void {
    if (!isResourceLike(value)) {
      this.reject(location, 'Not a FHIR resource: expected a JSON object with a resourceType');
      return;
    }
    if (value.id !== undefined && !isValidId(value.id)) {
      this.reject(location, 'Invalid resource id [id]', value.resourceType);
      return;
    }
    this.push(putEntry(value, fullUrl), location, value, fullUrl);
  }

  /** Adds a Bundle entry: a batch entry with a request, or a collection entry with just a resource. */
  addEntry(value: unknown, location: string): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.reject(location, 'Bundle entry is not a JSON object');
      return;
    }
    const entry = value as BundleEntry;
    const resource: unknown = entry.resource;
    const method = entry.request?.method;
    if (method === undefined || (method === 'POST' && entry.request?.ifNoneExist === undefined)) {
      this.addResource(resource, location, entry.fullUrl);
      return;
    }
    if ((method !== 'POST' && method !== 'PUT') || !isResourceLike(resource)) {
      this.reject(location, 'Only POST and PUT entries with a resource are imported [Bundle.entry.request]');
      return;
    }
    this.push(entry, location, resource, entry.fullUrl);
  }

  /** Queues a rejection for one input location. */
  reject(location: string, reason: string, resourceType?: string, id?: string): void {
    this.queue.push({
      kind: 'rejection',
      resources: 1,
      fileFailed: false,
      rejection: {
        file: this.file,
        location,
        ...(resourceType === undefined ? {} : { resourceType }),
        ...(id === undefined ? {} : { id }),
        reason,
      },
    });
  }

  /** Emits the pending partial batch. */
  flush(): void {
    if (this.items.length === 0) {
      return;
    }
    for (const item of this.items) {
      rewriteReferences(item.entry.resource, this.urnMap);
    }
    this.queue.push({ kind: 'batch', file: this.file, items: this.items });
    this.items = [];
  }

  /** Removes and returns the units ready to write. */
  take(): ImportUnit[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }

  private push(entry: BundleEntry, location: string, resource: ResourceLike, fullUrl: string | undefined): void {
    const id = typeof resource.id === 'string' ? resource.id : undefined;
    if (fullUrl !== undefined && id !== undefined && urnUuid(fullUrl) !== undefined) {
      this.urnMap.set(fullUrl, `${resource.resourceType}/${id}`);
    }
    this.items.push({ entry, location, resourceType: resource.resourceType, id });
    if (this.items.length >= this.batchSize) {
      this.flush();
    }
  }
}
