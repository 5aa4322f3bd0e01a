import type { Bundle, Resource } from '@medplum/fhirtypes';
import { knownFromPatient } from '../known-from-fhir.js';
import type { DeidService } from '../service.js';
import type { KnownIdentifiers } from '../types.js';
import { deidentifyResource, type SafeHarborOptions } from './safe-harbor.js';

/** Collects the known identifiers of every Patient, keyed "Patient/id". */
export function knownByPatient(resources: Iterable<Resource>): Map<string, KnownIdentifiers> {
  const out = new Map<string, KnownIdentifiers>();
  for (const r of resources) {
    if (r.resourceType === 'Patient' && r.id) {
      out.set(`Patient/${r.id}`, knownFromPatient(r));
    }
  }
  return out;
}

function subjectKey(resource: Resource): string | undefined {
  if (resource.resourceType === 'Patient') {
    return `Patient/${resource.id ?? ''}`;
  }
  const r = resource as unknown as Record<string, unknown>;
  for (const k of ['subject', 'patient', 'beneficiary']) {
    const ref = r[k] as Record<string, unknown> | undefined;
    if (ref && typeof ref['reference'] === 'string') {
      return ref['reference'];
    }
  }
  return undefined;
}

/** De-identifies one resource with the patient's known identifiers looked up from `known`. */
export async function deidentifyWithKnown(
  service: DeidService,
  resource: Resource,
  options: SafeHarborOptions & { known: Map<string, KnownIdentifiers> },
): Promise<Resource> {
  const key = subjectKey(resource);
  const known = key === undefined ? undefined : options.known.get(key);
  return deidentifyResource(service, resource, {
    dateMode: options.dateMode,
    ...(options.now ? { now: options.now } : {}),
    ...(known ? { known } : {}),
  });
}

/** De-identifies every entry of a Bundle (fullUrl and request urls pseudonymized too); reports progress per entry. */
export async function deidentifyBundle(
  service: DeidService,
  bundle: Bundle,
  options: SafeHarborOptions & { onProgress?: (done: number, total: number) => void },
): Promise<Bundle> {
  const entries = bundle.entry ?? [];
  const known = knownByPatient(entries.flatMap((e) => (e.resource ? [e.resource] : [])));
  const out: Bundle = { resourceType: 'Bundle', type: bundle.type, entry: [] };
  let done = 0;
  for (const e of entries) {
    const entry: NonNullable<Bundle['entry']>[number] = {};
    if (e.resource) {
      const r = await deidentifyWithKnown(service, e.resource, { ...options, known });
      entry.resource = r;
      if (e.fullUrl) {
        entry.fullUrl = e.fullUrl.startsWith('urn:') ? e.fullUrl : `${r.resourceType}/${r.id ?? ''}`;
      }
      if (e.request) {
        entry.request = {
          ...e.request,
          url: e.request.method === 'PUT' ? `${r.resourceType}/${r.id ?? ''}` : r.resourceType,
        };
      }
    }
    out.entry?.push(entry);
    done++;
    options.onProgress?.(done, entries.length);
  }
  return out;
}
