import { tryGetDataType } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

/** The v3 ObservationValue code marking a resource as deliberately incomplete (`_elements`, `_summary`). */
export const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };

const ALWAYS = new Set(['resourceType', 'id', 'meta']);

function withSubsetted(resource: Record<string, unknown>): Resource {
  const meta = (resource['meta'] ?? {}) as NonNullable<Resource['meta']>;
  const tags = (meta.tag ?? []).filter((t) => !(t.system === SUBSETTED.system && t.code === SUBSETTED.code));
  return { ...resource, meta: { ...meta, tag: [...tags, SUBSETTED] } } as Resource;
}

/** True when a JSON key is in the set of element names, a choice key (`valueQuantity`) matching its base (`value`). */
function isListedKey(key: string, names: ReadonlySet<string>): boolean {
  if (names.has(key)) {
    return true;
  }
  const choice = /^([a-z][A-Za-z]*?)[A-Z]/.exec(key);
  return choice?.[1] !== undefined && names.has(choice[1]);
}

/** The top-level element a `_elements` entry names for a type: `code`, `code.text`, or `Observation.code` (that type only). */
function elementOf(field: string, resourceType: string): string[] {
  const [head = field, next] = field.split('.');
  if (/^[A-Z]/.test(head)) {
    return head === resourceType && next !== undefined ? [next] : [];
  }
  return [head];
}

/**
 * Keeps the listed top-level elements plus resourceType, id, meta and the mandatory elements of the type (R4: servers
 * SHOULD return mandatory elements), and tags the result SUBSETTED.
 */
export function selectElements(resource: Resource, fields: readonly string[]): Resource {
  const keep = new Set([...ALWAYS, ...fields.flatMap((f) => elementOf(f, resource.resourceType))]);
  const mandatory = tryGetDataType(resource.resourceType)?.mandatoryProperties ?? new Set<string>();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (keep.has(key) || isListedKey(key, mandatory)) {
      out[key] = value;
    }
  }
  return withSubsetted(out);
}

/** Keeps the top-level elements the R4 definition marks as summary (`_summary=true`). */
export function summaryElements(resource: Resource): Resource {
  const summary = tryGetDataType(resource.resourceType)?.summaryProperties ?? new Set<string>();
  const fields = Object.keys(resource).filter((k) => isListedKey(k, summary));
  return selectElements(resource, fields);
}

/** Applies `_summary`: `true` (summary elements), `data` (drops the narrative), `text` (narrative, id, meta, mandatory). */
export function summarize(resource: Resource, summary: string | undefined): Resource {
  if (summary === 'true') {
    return summaryElements(resource);
  }
  if (summary === 'data') {
    const copy: Record<string, unknown> = { ...resource };
    delete copy['text'];
    return withSubsetted(copy);
  }
  if (summary === 'text') {
    return selectElements(resource, ['text']);
  }
  return resource;
}
