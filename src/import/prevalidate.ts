import type { Resource } from '@medplum/fhirtypes';
import type { FhirRepository } from '../fhir/repository.js';
import type { ImportOptions, ImportUnit } from './types.js';

/** A repository that can validate resources ahead of their write, off the main thread. */
interface Prevalidating {
  prevalidate(resources: readonly Resource[]): Promise<void>;
}

function canPrevalidate(repo: FhirRepository): repo is FhirRepository & Prevalidating {
  return typeof (repo as Partial<Prevalidating>).prevalidate === 'function';
}

/** Below this much input, starting a validation worker costs more than it saves. */
const MIN_BYTES = 4 * 1024 * 1024;

/** The resources a unit will write. */
export function unitResources(unit: ImportUnit): Resource[] {
  switch (unit.kind) {
    case 'transaction':
      return (unit.bundle.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource]));
    case 'batch':
      return unit.items.flatMap((i) => (i.entry.resource === undefined ? [] : [i.entry.resource]));
    case 'rejection':
      return [];
  }
}

/**
 * Returns a function that starts validating a unit's resources ahead of its write, when the repository can and the
 * import is big enough (or `options.validateAhead` says so); it never rejects: validation still happens on write.
 */
export function prevalidator(
  repo: FhirRepository,
  options: ImportOptions,
  bytesTotal: number,
): (unit: ImportUnit) => Promise<void> {
  const enabled = options.validateAhead ?? bytesTotal >= MIN_BYTES;
  if (!enabled || !canPrevalidate(repo)) {
    return () => Promise.resolve();
  }
  return (unit) => repo.prevalidate(unitResources(unit)).catch(() => undefined);
}
