import { convertUnit } from '../../patient/index.js';
import { LOINC_UNITS } from '../../patient/knowledge/loinc-units.js';
import type { FindingDef, ValuePredicate } from '../kb/schema.js';

/** A numeric value of a LOINC-coded quantity, from the chart or read in text, with its reference range if known. */
export interface Measurement {
  loinc: string;
  value: number;
  /** UCUM unit (null when unknown: the canonical unit of the LOINC code is assumed). */
  unit: string | null;
  low: number | null;
  high: number | null;
}

const CANONICAL = new Map(LOINC_UNITS.map((e) => [e.loinc, e]));

/** LOINC codes measuring the same vital sign (e.g. body, oral and rectal temperature) count as one. */
const VITAL_ALIASES = new Map<string, string[]>(
  LOINC_UNITS.filter((e) => e.vital).map((e) => [
    e.loinc,
    LOINC_UNITS.filter((o) => o.vital === e.vital).map((o) => o.loinc),
  ]),
);

/** The LOINC table entry (canonical unit, default adult range) for a code. */
export function loincInfo(loinc: string): { unit: string; low: number | null; high: number | null } | null {
  const e = CANONICAL.get(loinc);
  return e ? { unit: e.unit, low: e.low ?? null, high: e.high ?? null } : null;
}

function valueIn(m: Measurement, unit: string): number | null {
  const from = m.unit ?? loincInfo(m.loinc)?.unit ?? unit;
  return convertUnit(m.value, from, unit, undefined);
}

/** Evaluates a finding's value predicate on a measurement: true, false, or null when it cannot be decided. */
export function evaluatePredicate(predicate: ValuePredicate, m: Measurement): boolean | null {
  switch (predicate.op) {
    case 'above-range': {
      const high = m.high ?? loincInfo(m.loinc)?.high ?? null;
      return high === null ? null : m.value > high;
    }
    case 'below-range': {
      const low = m.low ?? loincInfo(m.loinc)?.low ?? null;
      return low === null ? null : m.value < low;
    }
    case 'between': {
      const v = valueIn(m, predicate.unit);
      return v === null ? null : v >= predicate.low && v < predicate.high;
    }
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const v = valueIn(m, predicate.unit);
      if (v === null) {
        return null;
      }
      const ops = {
        '>': v > predicate.value,
        '>=': v >= predicate.value,
        '<': v < predicate.value,
        '<=': v <= predicate.value,
      };
      return ops[predicate.op];
    }
  }
}

/** Index of the KB's value findings by LOINC code. */
export function predicateIndex(findings: readonly FindingDef[]): Map<string, FindingDef[]> {
  const index = new Map<string, FindingDef[]>();
  for (const f of findings) {
    if (!f.predicate) {
      continue;
    }
    for (const code of f.loinc) {
      const list = index.get(code) ?? [];
      list.push(f);
      index.set(code, list);
    }
  }
  return index;
}

/** The findings a measurement decides: each value finding on its LOINC code, present or absent. */
export function findingsFromMeasurement(
  index: ReadonlyMap<string, readonly FindingDef[]>,
  m: Measurement,
): { finding: FindingDef; present: boolean }[] {
  const out: { finding: FindingDef; present: boolean }[] = [];
  const codes = VITAL_ALIASES.get(m.loinc) ?? [m.loinc];
  const candidates = new Set(codes.flatMap((c) => index.get(c) ?? []));
  for (const f of candidates) {
    if (!f.predicate) {
      continue;
    }
    const result = evaluatePredicate(f.predicate, m);
    if (result !== null) {
      out.push({ finding: f, present: result });
    }
  }
  return out;
}
