import type { Bundle, BundleEntry, OperationOutcome } from '@medplum/fhirtypes';
import { isAppError } from '../core/errors.js';
import type { FhirRepository } from '../fhir/repository.js';
import { isUnchangedOutcome } from '../fhir/outcomes.js';
import type { EntryResult, ImportTally } from './tally.js';
import type { BatchItem, ImportRejection, ImportUnit } from './types.js';

const MAX_REASON = 2000;

/** Joins the error issues of an OperationOutcome: `diagnostics [expression, ...]; ...`. */
export function outcomeReason(outcome: OperationOutcome | undefined): string {
  const issues = outcome?.issue ?? [];
  const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  const text = (errors.length > 0 ? errors : issues)
    .map((i) => {
      const message = i.diagnostics ?? i.details?.text ?? i.code ?? 'error';
      return i.expression && i.expression.length > 0 ? `${message} [${i.expression.join(', ')}]` : message;
    })
    .join('; ');
  return (text || 'Rejected').slice(0, MAX_REASON);
}

/** Describes a thrown error: an AppError with its issues, or the error name and message. */
export function errorReason(err: unknown): string {
  if (isAppError(err)) {
    const issues = err.issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) =>
        i.expression && i.expression.length > 0 ? `${i.diagnostics} [${i.expression.join(', ')}]` : i.diagnostics,
      );
    const text = issues.length > 0 ? `${err.message}: ${issues.join('; ')}` : err.message;
    return text.slice(0, MAX_REASON);
  }
  return (err instanceof Error ? `${err.name}: ${err.message}` : 'Unknown error').slice(0, MAX_REASON);
}

/** Classifies one response entry for a resource that was sent with `method`. */
export function entryResult(response: BundleEntry['response'], method: string | undefined): EntryResult {
  const code = Number.parseInt(response?.status ?? '', 10);
  if (code === 201) {
    return 'created';
  }
  if (code === 200) {
    if (isUnchangedOutcome(response?.outcome) || method === 'POST') {
      return 'unchanged'; // identical PUT, or a conditional create that matched
    }
    return 'updated';
  }
  return code >= 200 && code < 300 ? 'updated' : 'rejected';
}

/** Writes units to the repository one at a time, counting results; never throws for a rejected unit. */
export class UnitWriter {
  constructor(
    private readonly repo: FhirRepository,
    private readonly tally: ImportTally,
  ) {}

  /** Writes (or records) one unit. */
  async write(unit: ImportUnit): Promise<void> {
    switch (unit.kind) {
      case 'rejection':
        this.tally.reject(unit.rejection, unit.resources, unit.fileFailed);
        return;
      case 'transaction':
        await this.writeTransaction(unit.file, unit.bundle, unit.resources);
        return;
      case 'batch':
        await this.writeBatch(unit.file, unit.items);
        return;
    }
  }

  private async writeTransaction(file: string, bundle: Bundle, resources: number): Promise<void> {
    const entries = bundle.entry ?? [];
    let response: Bundle;
    try {
      response = await this.repo.processBundle(bundle);
    } catch (err) {
      const reason = `${errorReason(err)} (nothing from this transaction was imported)`;
      this.tally.reject({ file, ...failedEntry(err, entries), reason }, resources);
      return;
    }
    entries.forEach((entry, i) => {
      if (entry.resource === undefined) {
        return;
      }
      const out = response.entry?.[i]?.response;
      const result = entryResult(out, entry.request?.method);
      if (result === 'rejected') {
        this.tally.reject(
          { file, location: `entry[${i}]`, ...describe(entry), reason: outcomeReason(out?.outcome) },
          1,
        );
      } else {
        this.tally.count(result);
      }
    });
  }

  private async writeBatch(file: string, items: readonly BatchItem[]): Promise<void> {
    const bundle: Bundle = { resourceType: 'Bundle', type: 'batch', entry: items.map((i) => i.entry) };
    let response: Bundle;
    try {
      response = await this.repo.processBundle(bundle);
    } catch (err) {
      const reason = errorReason(err);
      for (const item of items) {
        this.tally.reject(rejectionOf(file, item, reason), 1);
      }
      return;
    }
    items.forEach((item, i) => {
      const out = response.entry?.[i]?.response;
      const result = entryResult(out, item.entry.request?.method);
      if (result === 'rejected') {
        this.tally.reject(rejectionOf(file, item, outcomeReason(out?.outcome)), 1);
      } else {
        this.tally.count(result);
      }
    });
  }
}

function rejectionOf(file: string, item: BatchItem, reason: string): ImportRejection {
  return {
    file,
    location: item.location,
    resourceType: item.resourceType,
    ...(item.id === undefined ? {} : { id: item.id }),
    reason,
  };
}

function describe(entry: BundleEntry): Pick<ImportRejection, 'resourceType' | 'id'> {
  const r = entry.resource;
  return {
    ...(r?.resourceType === undefined ? {} : { resourceType: r.resourceType }),
    ...(r?.id === undefined ? {} : { id: r.id }),
  };
}

/** Locates the entry a failed transaction names in its message (`Bundle entry 3: ...`), when there is one. */
function failedEntry(
  err: unknown,
  entries: readonly BundleEntry[],
): Pick<ImportRejection, 'location' | 'resourceType' | 'id'> {
  const m = err instanceof Error ? /^Bundle entry (\d+)\b/.exec(err.message) : null;
  const index = m ? Number(m[1]) : -1;
  const entry = entries[index];
  return entry ? { location: `transaction entry[${index}]`, ...describe(entry) } : { location: 'transaction' };
}
