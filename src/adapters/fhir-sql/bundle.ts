import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { AppError, toAppError } from '../../core/errors.js';
import {
  collectReferences,
  isConditionalReference,
  parseEntry,
  rewriteReferences,
  type EntryPlan,
} from './bundle-entries.js';
import { executeGet } from './bundle-get.js';
import { deleteEntry, errorEntry, readEntry, writeEntry } from './bundle-response.js';
import { findOne, resolveConditionalReference } from './conditional.js';
import type { SqlClient } from './sql-client.js';
import { writeResources, type WriteOp } from './write.js';

/** Processes a `batch` (entries independent) or `transaction` (all-or-nothing) Bundle. */
export async function processBundle(db: SqlClient, bundle: Bundle, baseUrl = ''): Promise<Bundle> {
  if (
    typeof bundle !== 'object' ||
    bundle === null ||
    (bundle as { resourceType?: unknown }).resourceType !== 'Bundle'
  ) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Expected a Bundle resource');
  }
  const entries = bundle.entry ?? [];
  if (bundle.type === 'transaction') {
    const out = await db.transaction((tx) => new EntryProcessor(tx, entries, true, baseUrl).run());
    return { resourceType: 'Bundle', type: 'transaction-response', entry: out };
  }
  if (bundle.type === 'batch') {
    const out = await new EntryProcessor(db, entries, false, baseUrl).run();
    return { resourceType: 'Bundle', type: 'batch-response', entry: out };
  }
  throw new AppError('VITALIS_BAD_REQUEST', 'Bundle type must be batch or transaction');
}

/** Processing order of a transaction per the R4 spec. */
const ORDER: Record<EntryPlan['method'], number> = { DELETE: 0, POST: 1, PUT: 2, GET: 3 };

class EntryProcessor {
  private readonly plans: (EntryPlan | undefined)[] = [];
  private readonly out: BundleEntry[];

  constructor(
    private readonly db: SqlClient,
    private readonly entries: readonly BundleEntry[],
    private readonly atomic: boolean,
    private readonly baseUrl: string,
  ) {
    this.out = new Array<BundleEntry>(entries.length);
  }

  async run(): Promise<BundleEntry[]> {
    this.entries.forEach((e, i) => {
      this.plans[i] = this.attempt(i, () => parseEntry(e, this.baseUrl));
    });
    const order = this.plans
      .map((p, i) => ({ p, i }))
      .filter((x): x is { p: EntryPlan; i: number } => x.p !== undefined)
      .sort((a, b) => ORDER[a.p.method] - ORDER[b.p.method] || a.i - b.i);
    const idMap = new Map<string, string>();
    for (const { p, i } of order) {
      await this.attemptAsync(i, () => this.assignId(p, idMap));
    }
    if (this.atomic) {
      this.rejectOverlaps(order);
    }
    await this.rewrite(idMap);
    await this.write(order.filter((x) => this.plans[x.i] !== undefined && x.p.method !== 'GET'));
    for (const { p, i } of order) {
      if (p.method === 'GET') {
        await this.attemptAsync(i, async () => {
          this.out[i] = readEntry(await executeGet(this.db, p.url, this.baseUrl), this.baseUrl);
        });
      }
    }
    return this.out;
  }

  /** Records an entry failure (batch) or aborts the whole bundle (transaction). */
  private fail(i: number, err: unknown): void {
    const e = toAppError(err);
    if (this.atomic) {
      throw new AppError(e.code, `Bundle entry ${i}: ${e.message}`, { issues: e.issues, cause: e });
    }
    this.plans[i] = undefined;
    this.out[i] = errorEntry(e);
  }

  private attempt<T>(i: number, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      this.fail(i, err);
      return undefined;
    }
  }

  private async attemptAsync(i: number, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.fail(i, err);
    }
  }

  /** Assigns server ids (POST, conditional PUT), runs conditional creates and records fullUrl → Type/id. */
  private async assignId(p: EntryPlan, idMap: Map<string, string>): Promise<void> {
    if (p.method === 'POST') {
      const match = p.ifNoneExist ? await findOne(this.db, p.type, p.ifNoneExist) : undefined;
      if (match) {
        p.existing = match;
      }
      p.id = match?.id ?? randomUUID();
    } else if (p.method === 'PUT' && p.id === undefined && p.query !== undefined) {
      p.id = (await findOne(this.db, p.type, p.query))?.id ?? randomUUID();
    } else if (p.method === 'DELETE' && p.id === undefined && p.query !== undefined) {
      p.id = (await findOne(this.db, p.type, p.query))?.id;
    }
    if ((p.method === 'POST' || p.method === 'PUT') && p.fullUrl && p.id !== undefined) {
      idMap.set(p.fullUrl, `${p.type}/${p.id}`);
    }
  }

  /** Rewrites urn:uuid (fullUrl) references and resolves conditional references in every entry resource. */
  private async rewrite(idMap: Map<string, string>): Promise<void> {
    const conditional = new Set<string>();
    for (const p of this.plans) {
      if (p && (p.method === 'POST' || p.method === 'PUT')) {
        collectReferences(p.resource, isConditionalReference, conditional);
      }
    }
    for (const ref of conditional) {
      try {
        idMap.set(ref, await resolveConditionalReference(this.db, ref));
      } catch (err) {
        this.plans.forEach((p, i) => {
          if (p && (p.method === 'POST' || p.method === 'PUT')) {
            const refs = new Set<string>();
            collectReferences(p.resource, (r) => r === ref, refs);
            if (refs.size > 0) {
              this.fail(i, err);
            }
          }
        });
      }
    }
    this.plans.forEach((p) => {
      if (p && (p.method === 'POST' || p.method === 'PUT')) {
        p.resource = { ...rewriteReferences(p.resource, idMap), id: p.id ?? '' };
      }
    });
    if (this.atomic) {
      this.rejectDanglingUuids();
    }
  }

  /** In a transaction, no two DELETE/POST/PUT entries may name the same resource (R4 3.1.0.11.2). */
  private rejectOverlaps(order: readonly { p: EntryPlan; i: number }[]): void {
    const seen = new Map<string, number>();
    for (const { p, i } of order) {
      if (p.method === 'GET' || p.id === undefined || (p.method === 'POST' && p.existing)) {
        continue;
      }
      const key = `${p.type}/${p.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const diagnostics = `Entries ${Math.min(first, i)} and ${Math.max(first, i)} both change ${key}`;
        this.fail(
          i,
          new AppError('VITALIS_BAD_REQUEST', diagnostics, {
            issues: [{ severity: 'error', code: 'invalid', diagnostics, expression: [`Bundle.entry[${i}]`] }],
          }),
        );
      }
      seen.set(key, i);
    }
  }

  /** In a transaction, a `urn:uuid:` reference must name a fullUrl of the same Bundle (R4 3.1.0.11.2). */
  private rejectDanglingUuids(): void {
    this.plans.forEach((p, i) => {
      if (p && (p.method === 'POST' || p.method === 'PUT')) {
        const dangling = new Set<string>();
        collectReferences(p.resource, (r) => r.startsWith('urn:uuid:'), dangling);
        if (dangling.size > 0) {
          const diagnostics = `Reference ${[...dangling][0] ?? ''} does not match any fullUrl in this transaction`;
          this.fail(
            i,
            new AppError('VITALIS_BAD_REQUEST', diagnostics, {
              issues: [
                { severity: 'error', code: 'not-found', diagnostics, expression: [`Bundle.entry[${i}].resource`] },
              ],
            }),
          );
        }
      }
    });
  }

  private toOp(p: EntryPlan): WriteOp | undefined {
    if (p.method === 'DELETE') {
      return p.id === undefined ? undefined : { kind: 'delete', type: p.type, id: p.id };
    }
    if ((p.method === 'POST' && !p.existing) || p.method === 'PUT') {
      const resource = { ...p.resource, id: p.resource.id ?? '' };
      return { kind: 'put', resource, ifMatch: p.method === 'PUT' ? p.ifMatch : undefined, validate: true };
    }
    return undefined;
  }

  private async write(order: readonly { p: EntryPlan; i: number }[]): Promise<void> {
    const items = order.flatMap(({ p, i }) => {
      const op = this.toOp(p);
      if (!op) {
        this.out[i] =
          p.method === 'POST' && p.existing ? writeEntry(p.existing, 'existing', this.baseUrl) : deleteEntry();
        return [];
      }
      return [{ op, i }];
    });
    if (items.length === 0) {
      return;
    }
    const ops = items.map((x) => x.op);
    let results;
    try {
      results = await this.db.transaction((tx) => writeResources(tx, ops));
    } catch (err) {
      if (this.atomic) {
        throw toAppError(err);
      }
      const only = items.length === 1 ? items[0] : undefined;
      if (only) {
        this.fail(only.i, err);
        return;
      }
      // A batch falls back to one transaction per entry so one bad entry does not sink the others.
      for (const x of items) {
        await this.attemptAsync(x.i, async () => {
          const [r] = await this.db.transaction((tx) => writeResources(tx, [x.op]));
          this.record(x.i, r);
        });
      }
      return;
    }
    items.forEach((x, k) => {
      this.record(x.i, results[k]);
    });
  }

  private record(i: number, r: Awaited<ReturnType<typeof writeResources>>[number] | undefined): void {
    if (!r) {
      return;
    }
    if (r.outcome === 'error') {
      this.fail(i, r.error);
    } else if (r.outcome === 'deleted') {
      this.out[i] = deleteEntry();
    } else {
      this.out[i] = writeEntry(r.resource, r.outcome, this.baseUrl);
    }
  }
}
