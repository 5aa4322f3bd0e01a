import type { CodeableConcept, Coding as FhirCoding, Reference, Resource } from '@medplum/fhirtypes';
import type { Coding, FactBase, FactKind } from './fact-schema.js';

/** Code system URIs the context prefers. */
export const SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
} as const;

/** `Type/id/_history/version` of a resource (`Type/id` when it has no meta.versionId). */
export function sourceOf(resource: Resource): string {
  const base = `${resource.resourceType}/${resource.id ?? ''}`;
  const version = resource.meta?.versionId;
  return version ? `${base}/_history/${version}` : base;
}

/** The stable fact id of a resource (`Type/id`), with an optional `#suffix` for resources yielding several facts. */
export function factIdOf(resource: Resource, suffix?: string): string {
  const base = `${resource.resourceType}/${resource.id ?? ''}`;
  return suffix ? `${base}#${suffix}` : base;
}

/** Converts a FHIR Coding to ours (null when it has no code). */
export function toCoding(coding: FhirCoding | undefined): Coding | null {
  if (!coding?.code) {
    return null;
  }
  return { system: coding.system ?? null, code: coding.code, display: coding.display ?? null };
}

/** All codings of a concept, those of the preferred systems first (in that order). */
export function conceptCodings(concept: CodeableConcept | undefined, preferred: readonly string[] = []): Coding[] {
  const out: Coding[] = [];
  for (const c of concept?.coding ?? []) {
    const coding = toCoding(c);
    if (coding) {
      out.push(coding);
    }
  }
  if (preferred.length > 0 && out.length > 1) {
    const rank = (c: Coding): number => {
      const i = c.system === null ? -1 : preferred.indexOf(c.system);
      return i < 0 ? preferred.length : i;
    };
    out.sort((a, b) => rank(a) - rank(b));
  }
  return out;
}

/** A concept's label: its text, else the first display, else the first code, else the fallback. */
export function conceptText(concept: CodeableConcept | undefined, fallback = ''): string {
  if (concept?.text) {
    return concept.text;
  }
  for (const c of concept?.coding ?? []) {
    if (c.display) {
      return c.display;
    }
  }
  return concept?.coding?.find((c) => c.code)?.code ?? fallback;
}

/** The first code of a concept (e.g. Condition.clinicalStatus -> 'active'). */
export function firstCode(concept: CodeableConcept | undefined): string | null {
  return concept?.coding?.find((c) => c.code)?.code ?? concept?.text ?? null;
}

/** Codes of the given system in a coding list. */
export function codesOf(codings: readonly Coding[], ...systems: string[]): string[] {
  return codings.filter((c) => c.system !== null && systems.includes(c.system)).map((c) => c.code);
}

/** Labels of several concepts (e.g. categories), de-duplicated. */
export function conceptCodes(concepts: readonly CodeableConcept[] | undefined): string[] {
  const out = new Set<string>();
  for (const concept of concepts ?? []) {
    const code = firstCode(concept);
    if (code) {
      out.add(code);
    }
  }
  return [...out];
}

/** The id part of a reference (`Type/id`, `http://x/fhir/Type/id/_history/1`, `urn:uuid:id`, `#contained`). */
export function referenceId(reference: Reference | undefined): string | null {
  const ref = reference?.reference;
  if (!ref) {
    return null;
  }
  if (ref.startsWith('urn:uuid:')) {
    return ref.slice('urn:uuid:'.length);
  }
  if (ref.startsWith('#')) {
    return ref.slice(1);
  }
  const parts = ref.split('/');
  const history = parts.indexOf('_history');
  const idIndex = history > 0 ? history - 1 : parts.length - 1;
  return parts[idIndex] ?? null;
}

const TYPE_RE = /^[A-Z][A-Za-z]+$/;

/** The fact id a reference points to (`Type/id`); `type` is used when the reference does not say it. */
export function referenceFactId(reference: Reference | undefined, type: string): string | null {
  const ref0 = reference?.reference;
  // Fast path for the common relative form `Type/id`.
  const slash = ref0 ? ref0.indexOf('/') : -1;
  if (ref0 && slash > 0 && slash < ref0.length - 1 && ref0.indexOf('/', slash + 1) < 0 && !/[:#]/.test(ref0)) {
    const refType = ref0.slice(0, slash);
    return TYPE_RE.test(refType) ? ref0 : `${type}/${ref0.slice(slash + 1)}`;
  }
  const id = referenceId(reference);
  if (!id) {
    return null;
  }
  const ref = reference?.reference ?? '';
  const parts = ref.split('/');
  const history = parts.indexOf('_history');
  const typeIndex = (history > 0 ? history - 1 : parts.length - 1) - 1;
  const refType = typeIndex >= 0 ? parts[typeIndex] : undefined;
  return `${refType && TYPE_RE.test(refType) ? refType : type}/${id}`;
}

/** Milliseconds since the epoch of an ISO date or dateTime (partial dates allowed), or NaN. */
export function timeMs(value: string | null | undefined): number {
  return value ? Date.parse(value) : Number.NaN;
}

/** Sorts facts newest first by effective time (facts without a time last), ties by id; returns the array. */
export function sortNewestFirst<T extends { id: string; effectiveTime: string | null }>(facts: T[]): T[] {
  // Facts of one encounter share timestamps, so parse each distinct string once.
  const parsed = new Map<string, number>();
  const keyed = facts.map((f) => {
    const time = f.effectiveTime;
    let t = time === null ? undefined : parsed.get(time);
    if (t === undefined && time !== null) {
      t = timeMs(time);
      parsed.set(time, t);
    }
    return { f, t: t === undefined || Number.isNaN(t) ? -Infinity : t };
  });
  keyed.sort((a, b) => {
    if (a.t !== b.t) {
      return b.t > a.t ? 1 : -1;
    }
    return a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0;
  });
  return keyed.map((k) => k.f);
}

/** Inputs for the common part of a fact. */
export interface BaseFactInput {
  resource: Resource;
  kind: FactKind;
  concept: CodeableConcept | undefined;
  preferred?: readonly string[];
  suffix?: string;
  effectiveTime?: string | undefined;
  effectiveEnd?: string | undefined;
  status?: string | null | undefined;
  encounter?: Reference | undefined;
}

/** Builds the fields every fact shares (value null, flags unknown: callers fill them). */
export function baseFact(input: BaseFactInput): FactBase {
  const codes = conceptCodings(input.concept, input.preferred ?? []);
  return {
    id: factIdOf(input.resource, input.suffix),
    kind: input.kind,
    source: sourceOf(input.resource),
    code: codes[0] ?? null,
    codes,
    text: conceptText(input.concept, input.resource.resourceType),
    effectiveTime: input.effectiveTime ?? null,
    effectiveEnd: input.effectiveEnd ?? null,
    value: null,
    flags: { active: null, abnormal: null },
    status: input.status ?? null,
    encounter: referenceFactId(input.encounter, 'Encounter'),
  };
}
