import type { Resource } from '@medplum/fhirtypes';
import { AppError, toAppError } from '../../core/errors.js';
import { extractIndexRows } from './index-extract.js';
import { assertValidResource } from './validate.js';
import type { SqlClient } from './sql-client.js';
import { fetchExisting, persistVersions, resourceKey, type ExistingRow, type VersionRow } from './write-sql.js';

/** A create-or-update of a resource whose id is already set (and that has been validated). */
export interface PutOp {
  kind: 'put';
  resource: Resource & { id: string };
  /** Expected current version; a mismatch fails with VITALIS_PRECONDITION_FAILED. */
  ifMatch?: string | undefined;
  /** Validate the resource first, only if a new version would be written (skipped when unchanged). */
  validate?: boolean;
}

/** A delete of one resource (deleting a missing or deleted resource is a no-op). */
export interface DeleteOp {
  kind: 'delete';
  type: string;
  id: string;
}

/** One write of a batch: a put or a delete. */
export type WriteOp = PutOp | DeleteOp;

/** What happened to one op; `error` ops wrote nothing. */
export type OpResult =
  | { outcome: 'created' | 'updated' | 'unchanged'; resource: Resource }
  | { outcome: 'deleted' }
  | { outcome: 'error'; error: AppError };

function opKey(op: WriteOp): string {
  return op.kind === 'put' ? resourceKey(op.resource.resourceType, op.resource.id) : resourceKey(op.type, op.id);
}

/**
 * Applies write ops inside the caller's transaction with a constant number of statements per wave (ops on the same
 * resource run in successive waves, in order). Version conflicts become per-op errors; the caller decides whether
 * they abort the transaction.
 */
export async function writeResources(db: SqlClient, ops: readonly WriteOp[], now = new Date()): Promise<OpResult[]> {
  const results: OpResult[] = new Array<OpResult>(ops.length);
  let pending = ops.map((op, index) => ({ op, index }));
  while (pending.length > 0) {
    const seen = new Set<string>();
    const wave: typeof pending = [];
    const later: typeof pending = [];
    for (const p of pending) {
      const key = opKey(p.op);
      (seen.has(key) ? later : wave).push(p);
      seen.add(key);
    }
    const waveResults = await writeWave(
      db,
      wave.map((w) => w.op),
      now.toISOString(),
    );
    wave.forEach((w, i) => {
      const r = waveResults[i];
      if (r) {
        results[w.index] = r;
      }
    });
    pending = later;
  }
  return results;
}

async function writeWave(db: SqlClient, ops: readonly WriteOp[], lastUpdated: string): Promise<OpResult[]> {
  const existing = await fetchExisting(
    db,
    ops.map((op) =>
      op.kind === 'put' ? { type: op.resource.resourceType, id: op.resource.id } : { type: op.type, id: op.id },
    ),
  );
  const versions: VersionRow[] = [];
  const results = ops.map((op): OpResult => {
    const ex = existing.get(opKey(op));
    if (op.kind === 'delete') {
      if (!ex || ex.deleted) {
        return { outcome: 'deleted' };
      }
      versions.push(versionRow({ type: op.type, id: op.id, ex, lastUpdated, content: null }));
      return { outcome: 'deleted' };
    }
    if (op.ifMatch !== undefined && String(ex?.version_id ?? '') !== op.ifMatch) {
      return {
        outcome: 'error',
        error: new AppError(
          'VITALIS_PRECONDITION_FAILED',
          'Version conflict: If-Match does not match the current version',
        ),
      };
    }
    if (ex?.content && !ex.deleted && sameContent(ex.content, op.resource)) {
      return { outcome: 'unchanged', resource: ex.content };
    }
    if (op.validate) {
      try {
        assertValidResource(op.resource);
      } catch (err) {
        return { outcome: 'error', error: toAppError(err) };
      }
    }
    const version = (ex?.version_id ?? 0) + 1;
    const resource: Resource = {
      ...op.resource,
      meta: { ...op.resource.meta, versionId: String(version), lastUpdated },
    };
    versions.push(versionRow({ type: resource.resourceType, id: op.resource.id, ex, lastUpdated, content: resource }));
    return { outcome: ex && !ex.deleted ? 'updated' : 'created', resource };
  });
  try {
    await persistVersions(db, versions);
  } catch (err) {
    // A concurrent writer created the same new resource first (history primary key clash).
    if ((err as { code?: unknown } | null)?.code === '23505') {
      throw new AppError('VITALIS_CONFLICT', 'Concurrent write to the same resource; retry', { cause: err });
    }
    throw err;
  }
  return results;
}

function versionRow(v: {
  type: string;
  id: string;
  ex: ExistingRow | undefined;
  lastUpdated: string;
  content: Resource | null;
}): VersionRow {
  const { type, id, ex, lastUpdated, content } = v;
  return {
    type,
    id,
    version: (ex?.version_id ?? 0) + 1,
    lastUpdated,
    content,
    existingRid: ex?.rid,
    index: content ? extractIndexRows(content) : undefined,
  };
}

/** True when two resources are equal ignoring meta.versionId and meta.lastUpdated (and JSON key order). */
export function sameContent(a: Resource, b: Resource): boolean {
  return deepEqual(stripVersionMeta(a), stripVersionMeta(b));
}

function stripVersionMeta(r: Resource): Record<string, unknown> {
  if (!r.meta) {
    return r as unknown as Record<string, unknown>;
  }
  const meta: Record<string, unknown> = { ...r.meta };
  delete meta['versionId'];
  delete meta['lastUpdated'];
  const out: Record<string, unknown> = { ...r };
  if (Object.keys(meta).length > 0) {
    out['meta'] = meta;
  } else {
    delete out['meta'];
  }
  return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && deepEqual(ao[k], bo[k]));
}
