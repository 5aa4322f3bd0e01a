import type { Bundle, CodeableConcept, DocumentReference, Observation, Resource } from '@medplum/fhirtypes';

/** All resources of a bundle. */
export function resourcesOf(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined);
}

/** Resources of one type. */
export function ofType<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return resourcesOf(bundle).filter((r): r is T => r.resourceType === type);
}

/** True when the concept has a coding with this system and code. */
export function hasCode(concept: CodeableConcept | undefined, system: string, code: string): boolean {
  return (concept?.coding ?? []).some((c) => c.system === system && c.code === code);
}

/** Observations with a LOINC code, sorted by effective time. */
export function observationsWithLoinc(bundle: Bundle, code: string): Observation[] {
  return ofType<Observation>(bundle, 'Observation')
    .filter((o) => hasCode(o.code, 'http://loinc.org', code))
    .sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? ''));
}

/** Numeric values of observations with a LOINC code, in time order. */
export function valuesOf(bundle: Bundle, code: string): number[] {
  return observationsWithLoinc(bundle, code).map((o) => o.valueQuantity?.value ?? Number.NaN);
}

/** Decoded text of every clinical note. */
export function noteTexts(bundle: Bundle): string[] {
  return ofType<DocumentReference>(bundle, 'DocumentReference').map((d) =>
    Buffer.from(d.content[0]?.attachment.data ?? '', 'base64').toString('utf8'),
  );
}

/** Every `reference` string found anywhere in a value. */
export function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) {
      referencesIn(v, out);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') {
        out.push(v);
      } else {
        referencesIn(v, out);
      }
    }
  }
  return out;
}
