import { LOINC_UNITS, UNIT_SYNONYMS, type LoincUnitEntry } from './knowledge/loinc-units.js';
import { ucumUtils } from './ucum.js';

/** The UCUM code system URI. */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** A value in its canonical unit; `canonical` is false when no canonical unit is known or conversion failed. */
export interface CanonicalValue {
  value: number;
  unit: string | null;
  canonical: boolean;
}

interface Affine {
  scale: number;
  offset: number;
}

const loincIndex = new Map<string, LoincUnitEntry>(LOINC_UNITS.map((e) => [e.loinc, e]));
// Caches of rebuildable results, keyed by unit strings (and pairs); cleared if free-text units ever flood them.
const MAX_CACHE = 10_000;
const unitCache = new Map<string, string | null>();
const converterCache = new Map<string, Affine | null>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHE) {
    cache.clear();
  }
  cache.set(key, value);
  return value;
}

/** Returns the LOINC table entry (canonical unit, vital kind, default range) for a code, if known. */
export function loincEntry(code: string | null | undefined): LoincUnitEntry | undefined {
  return code ? loincIndex.get(code) : undefined;
}

/** Rounds away binary floating-point noise (e.g. 7.000000000000001 -> 7). */
export function roundValue(value: number): number {
  return Number(value.toPrecision(12));
}

function validUcum(candidate: string): string | null {
  const trimmed = candidate.trim();
  if (trimmed === '') {
    return null;
  }
  const synonym = UNIT_SYNONYMS[trimmed.toLowerCase()];
  if (synonym !== undefined) {
    return synonym;
  }
  const result = ucumUtils().validateUnitString(trimmed);
  return result.status === 'valid' ? trimmed : null;
}

/** Maps a FHIR Quantity's unit to a valid UCUM code (synonyms first, then UCUM validation), or null. */
export function normalizeUnit(unit: string | undefined, system?: string, code?: string): string | null {
  const candidates: string[] = [];
  if (code !== undefined && (system === undefined || system === UCUM_SYSTEM)) {
    candidates.push(code);
  }
  if (unit !== undefined) {
    candidates.push(unit);
  }
  for (const candidate of candidates) {
    let cached = unitCache.get(candidate);
    if (cached === undefined && !unitCache.has(candidate)) {
      cached = remember(unitCache, candidate, validUcum(candidate));
    }
    if (cached) {
      return cached;
    }
  }
  return null;
}

function buildConverter(from: string, to: string, molarMass: number | undefined): Affine | null {
  const ucum = ucumUtils();
  const options = molarMass === undefined ? {} : { molecularWeight: molarMass };
  const at = (value: number): number | null => {
    const r = ucum.convertUnitTo(from, value, to, options);
    return r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal) ? r.toVal : null;
  };
  const zero = at(0);
  const one = at(1);
  const ten = at(10);
  if (zero === null || one === null || ten === null) {
    return null;
  }
  const scale = one - zero;
  // Only affine conversions (all of the clinical ones, temperature included) are cached as scale + offset.
  if (Math.abs(zero + 10 * scale - ten) > 1e-9 * Math.max(1, Math.abs(ten))) {
    return null;
  }
  return { scale, offset: zero };
}

/** Converts a value between two UCUM units (molar mass in g/mol for mol <-> g); null when not convertible. */
export function convertUnit(value: number, from: string, to: string, molarMass?: number): number | null {
  if (from === to) {
    return value;
  }
  const key = `${from}\u0000${to}\u0000${molarMass ?? ''}`;
  let converter = converterCache.get(key);
  if (converter === undefined && !converterCache.has(key)) {
    converter = remember(converterCache, key, buildConverter(from, to, molarMass));
  }
  return converter ? roundValue(value * converter.scale + converter.offset) : null;
}

/** Converts a value with a UCUM unit (or null) to the canonical unit of its LOINC code when one is known. */
export function toCanonical(value: number, unit: string | null, loinc: string | null): CanonicalValue {
  const entry = loincEntry(loinc);
  if (!entry || unit === null) {
    return { value, unit, canonical: entry !== undefined && unit === entry.unit };
  }
  const converted = convertUnit(value, unit, entry.unit, entry.molarMass);
  return converted === null
    ? { value, unit, canonical: false }
    : { value: converted, unit: entry.unit, canonical: true };
}
