import type { Address, HumanName, Resource } from '@medplum/fhirtypes';
import { shiftDateText } from '../date-shift.js';
import type { DeidService } from '../service.js';
import type { KnownIdentifiers } from '../types.js';
import { knownFromPatient } from '../known-from-fhir.js';
import { safeHarborZip } from './zip3.js';

/** How dates are treated: shifted by the per-patient offset, or reduced to the year. */
export type DateMode = 'shift' | 'year';

/** Options of the Safe Harbor profile. */
export interface SafeHarborOptions {
  dateMode: DateMode;
  /** Evaluation date for the "ages over 89" rule (default: now). */
  now?: Date;
}

const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const FREE_TEXT_KEYS = new Set([
  'text',
  'description',
  'comment',
  'valueString',
  'note',
  'display',
  'title',
  'summary',
  'conclusion',
  'patientInstruction',
]);
const DROP_KEYS = new Set(['telecom', 'photo']);

/** Per-patient state while walking one patient's resources. */
interface Walk {
  service: DeidService;
  patientKey: string;
  known: KnownIdentifiers | undefined;
  options: SafeHarborOptions;
}

function dateValue(value: string, walk: Walk): string {
  const m = FHIR_DATE.exec(value);
  if (!m) {
    return value;
  }
  if (walk.options.dateMode === 'year') {
    return m[1] ?? value;
  }
  const shift = walk.service.surrogates(walk.patientKey).shiftDays;
  if (!m[2]) {
    return value;
  }
  const date = `${m[1] ?? ''}-${m[2]}-${m[3] ?? '15'}`;
  const shifted = shiftDateText(date, shift) ?? date;
  if (!m[3]) {
    return shifted.slice(0, 7);
  }
  return `${shifted}${m[4] ?? ''}`;
}

function name(n: HumanName, walk: Walk): HumanName {
  const g = walk.service.surrogates(walk.patientKey);
  const out: HumanName = {};
  if (n.use) {
    out.use = n.use;
  }
  if (n.family) {
    out.family = g.surrogate('NAME', n.family);
  }
  if (n.given) {
    out.given = n.given.map((x) => g.surrogate('NAME', x));
  }
  return out;
}

function address(a: Address): Address {
  const out: Address = {};
  if (a.use) {
    out.use = a.use;
  }
  if (a.state) {
    out.state = a.state;
  }
  if (a.country) {
    out.country = a.country;
  }
  const zip = a.postalCode ? safeHarborZip(a.postalCode) : null;
  if (zip) {
    out.postalCode = zip;
  }
  return out;
}

async function freeText(value: string, walk: Walk): Promise<string> {
  const r = await walk.service.deidentify(value, {
    mode: 'surrogate',
    patientKey: walk.patientKey,
    keepMapping: false,
    ...(walk.known ? { known: walk.known } : {}),
  });
  return r.text;
}

async function narrative(div: string, walk: Walk): Promise<string> {
  const parts = div.split(/(<[^>]*>)/);
  const out: string[] = [];
  for (const p of parts) {
    out.push(p.startsWith('<') || p.trim() === '' ? p : await freeText(p, walk));
  }
  return out.join('');
}

async function attachment(value: Record<string, unknown>, walk: Walk): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...value };
  delete out['url'];
  delete out['hash'];
  const type = typeof value['contentType'] === 'string' ? value['contentType'] : '';
  if (typeof value['data'] === 'string' && /^text\//.test(type)) {
    const text = Buffer.from(value['data'], 'base64').toString('utf8');
    const clean = await freeText(text, walk);
    out['data'] = Buffer.from(clean, 'utf8').toString('base64');
    out['size'] = Buffer.byteLength(clean, 'utf8');
  } else if (typeof value['data'] === 'string') {
    // Binary content (images, PDF) cannot be checked here: drop it rather than pass PHI through.
    delete out['data'];
  }
  if (typeof out['title'] === 'string') {
    out['title'] = await freeText(out['title'], walk);
  }
  if (typeof out['creation'] === 'string') {
    out['creation'] = dateValue(out['creation'], walk);
  }
  return out;
}

function pseudoRef(ref: string, walk: Walk): string {
  const m = /^([A-Za-z]+)\/([^/]+)$/.exec(ref);
  return m ? `${m[1] ?? ''}/${walk.service.pseudonym(`${m[1] ?? ''}/${m[2] ?? ''}`)}` : ref;
}

async function walkValue(key: string, value: unknown, walk: Walk): Promise<unknown> {
  if (typeof value === 'string') {
    if (FHIR_DATE.test(value) && key !== 'id' && key !== 'value' && key !== 'code' && key !== 'version') {
      return dateValue(value, walk);
    }
    if (key === 'reference') {
      return pseudoRef(value, walk);
    }
    if (key === 'div') {
      return narrative(value, walk);
    }
    if (FREE_TEXT_KEYS.has(key)) {
      return freeText(value, walk);
    }
    return value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      out.push(await walkValue(key, v, walk));
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    return walkObject(key, value as Record<string, unknown>, walk);
  }
  return value;
}

async function walkObject(key: string, obj: Record<string, unknown>, walk: Walk): Promise<Record<string, unknown>> {
  if (
    key === 'name' &&
    (Array.isArray(obj['given']) || typeof obj['family'] === 'string' || typeof obj['text'] === 'string')
  ) {
    return name(obj, walk) as Record<string, unknown>;
  }
  if (key === 'address') {
    return address(obj) as Record<string, unknown>;
  }
  if (typeof obj['contentType'] === 'string' && ('data' in obj || 'url' in obj)) {
    return attachment(obj, walk);
  }
  if (key === 'identifier' && typeof obj['value'] === 'string') {
    const out: Record<string, unknown> = {
      ...obj,
      value: walk.service.pseudonym(`${typeof obj['system'] === 'string' ? obj['system'] : ''}|${obj['value']}`),
    };
    delete out['assigner'];
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (DROP_KEYS.has(k)) {
      continue;
    }
    // Coding displays are terminology, not free text; only a Reference's display names a person or place.
    out[k] = k === 'display' && typeof obj['reference'] !== 'string' ? v : await walkValue(k, v, walk);
  }
  return out;
}

function patientKeyOf(resource: Resource): string {
  if (resource.resourceType === 'Patient') {
    return `Patient/${resource.id ?? ''}`;
  }
  const r = resource as unknown as Record<string, unknown>;
  for (const k of ['subject', 'patient', 'beneficiary']) {
    const ref = r[k];
    if (ref && typeof ref === 'object' && typeof (ref as Record<string, unknown>)['reference'] === 'string') {
      return String((ref as Record<string, unknown>)['reference']);
    }
  }
  return 'shared';
}

/** Applies the Safe Harbor profile to one resource: names replaced, telecom removed, address reduced to state and ZIP3,
 * dates shifted (or year only), ages over 89 aggregated, identifiers and ids pseudonymized with HMAC, narrative and text
 * attachments de-identified. `known` are the patient's identifiers for free-text matching. */
export async function deidentifyResource(
  service: DeidService,
  resource: Resource,
  options: SafeHarborOptions & { known?: KnownIdentifiers },
): Promise<Resource> {
  const patientKey = patientKeyOf(resource);
  const known = options.known ?? (resource.resourceType === 'Patient' ? knownFromPatient(resource) : undefined);
  const walk: Walk = { service, patientKey, known, options };
  const out = await walkObject('', resource as unknown as Record<string, unknown>, walk);
  if (typeof resource.id === 'string') {
    out['id'] = service.pseudonym(`${resource.resourceType}/${resource.id}`);
  }
  if (resource.resourceType === 'Patient' && resource.birthDate) {
    const now = options.now ?? new Date();
    const birthYear = Number(resource.birthDate.slice(0, 4));
    if (now.getUTCFullYear() - birthYear > 89) {
      // Ages over 89 are aggregated into one "90 or older" category: the birth year is set to 90 years ago.
      out['birthDate'] = String(now.getUTCFullYear() - 90);
      out['extension'] = [
        ...((out['extension'] as unknown[] | undefined) ?? []),
        { url: 'https://vitalis.example/fhir/StructureDefinition/age-90-or-older', valueBoolean: true },
      ];
    }
  }
  delete out['meta'];
  out['meta'] = {
    security: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
        code: 'PSEUDED',
        display: 'pseudonymized (Safe Harbor profile)',
      },
    ],
  };
  return out as unknown as Resource;
}
