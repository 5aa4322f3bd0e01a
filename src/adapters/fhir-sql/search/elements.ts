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

/** Keeps the listed top-level elements (plus resourceType, id and meta) and tags the result SUBSETTED. */
export function selectElements(resource: Resource, fields: readonly string[]): Resource {
  const keep = new Set([...ALWAYS, ...fields.map((f) => f.split('.')[0] ?? f)]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (keep.has(key)) {
      out[key] = value;
    }
  }
  return withSubsetted(out);
}

function isSummaryKey(key: string, summary: ReadonlySet<string>): boolean {
  if (summary.has(key)) {
    return true;
  }
  const choice = /^([a-z][A-Za-z]*?)[A-Z]/.exec(key);
  return choice?.[1] !== undefined && summary.has(choice[1]);
}

/** Keeps the top-level elements the R4 definition marks as summary (`_summary=true`). */
export function summaryElements(resource: Resource): Resource {
  const summary = tryGetDataType(resource.resourceType)?.summaryProperties ?? new Set<string>();
  const fields = Object.keys(resource).filter((k) => isSummaryKey(k, summary));
  return selectElements(resource, fields);
}

/** Applies `_summary`: `true` (summary elements), `data` (drops the narrative) or `text` (narrative, id, meta). */
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
