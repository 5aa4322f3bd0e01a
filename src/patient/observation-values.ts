import type { Observation, ObservationComponent, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import type { Coding, FactValue, ReferenceRange } from './fact-schema.js';
import { conceptText, toCoding } from './fhir-helpers.js';
import { convertUnit, loincEntry, normalizeUnit, toCanonical } from './units.js';

type Valued = Pick<
  Observation,
  | 'valueQuantity'
  | 'valueCodeableConcept'
  | 'valueString'
  | 'valueBoolean'
  | 'valueInteger'
  | 'valueDateTime'
  | 'valueTime'
> &
  Pick<ObservationComponent, 'valueQuantity'>;

const COMPARATORS = new Set(['<', '<=', '>=', '>', 'ad']);

function quantityValue(q: Quantity, loinc: string | null): FactValue | null {
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    return null;
  }
  const unit = normalizeUnit(q.unit, q.system, q.code);
  const canonical = toCanonical(q.value, unit, loinc);
  const comparator = q.comparator && COMPARATORS.has(q.comparator) ? q.comparator : null;
  return {
    type: 'quantity',
    value: canonical.value,
    unit: canonical.unit,
    canonical: canonical.canonical,
    comparator,
    original: { value: q.value, unit: q.unit ?? q.code ?? null },
  };
}

/** The value of an observation or component, quantities converted to the LOINC code's canonical unit. */
export function observationValue(source: Valued, loinc: string | null): FactValue | null {
  if (source.valueQuantity) {
    return quantityValue(source.valueQuantity, loinc);
  }
  if (source.valueCodeableConcept) {
    const concept = source.valueCodeableConcept;
    return { type: 'coded', coding: toCoding(concept.coding?.[0]), text: conceptText(concept) || null };
  }
  if (typeof source.valueInteger === 'number') {
    return quantityValue({ value: source.valueInteger }, loinc);
  }
  if (typeof source.valueString === 'string') {
    return { type: 'text', text: source.valueString };
  }
  if (typeof source.valueBoolean === 'boolean') {
    return { type: 'boolean', value: source.valueBoolean };
  }
  const time = source.valueDateTime ?? source.valueTime;
  return typeof time === 'string' ? { type: 'text', text: time } : null;
}

function rangeBound(
  q: Quantity | undefined,
  fallbackUnit: string | null,
  target: string | null,
  loinc: string | null,
): number | null {
  if (typeof q?.value !== 'number') {
    return null;
  }
  const from = normalizeUnit(q.unit, q.system, q.code) ?? fallbackUnit;
  if (from === null || target === null || from === target) {
    return q.value;
  }
  return convertUnit(q.value, from, target, loincEntry(loinc)?.molarMass);
}

/**
 * The reference range in the value's unit: the resource's first range (converted), else our default adult
 * interval when `useDefaults` and the value is in the canonical unit. Null when neither applies.
 */
export function referenceRange(
  ranges: readonly ObservationReferenceRange[] | undefined,
  value: FactValue | null,
  loinc: string | null,
  useDefaults: boolean,
): ReferenceRange | null {
  const valueUnit = value?.type === 'quantity' ? value.unit : null;
  const first = ranges?.[0];
  if (first) {
    const originalUnit = value?.type === 'quantity' ? normalizeUnit(value.original.unit ?? undefined) : null;
    return {
      low: rangeBound(first.low, originalUnit, valueUnit, loinc),
      high: rangeBound(first.high, originalUnit, valueUnit, loinc),
      unit: valueUnit,
      text: first.text ?? null,
      origin: 'resource',
    };
  }
  const entry = loincEntry(loinc);
  if (
    useDefaults &&
    entry &&
    value?.type === 'quantity' &&
    value.canonical &&
    (entry.low !== undefined || entry.high !== undefined)
  ) {
    return { low: entry.low ?? null, high: entry.high ?? null, unit: entry.unit, text: null, origin: 'knowledge' };
  }
  return null;
}

// HL7 v3 ObservationInterpretation codes.
const ABNORMAL_CODES = new Set(['A', 'AA', 'H', 'HH', 'HU', 'L', 'LL', 'LU', '<', '>', 'POS', 'DET']);
const NORMAL_CODES = new Set(['N', 'NEG', 'ND', 'S', 'NR']);

/** Abnormal flag: from the interpretation codes when they say, else from the value against the range. */
export function abnormalFlag(
  interpretation: readonly Coding[],
  value: FactValue | null,
  range: ReferenceRange | null,
): boolean | null {
  for (const c of interpretation) {
    if (ABNORMAL_CODES.has(c.code)) {
      return true;
    }
    if (NORMAL_CODES.has(c.code)) {
      return false;
    }
  }
  if (value?.type !== 'quantity' || !range || (range.low === null && range.high === null)) {
    return null;
  }
  return (range.low !== null && value.value < range.low) || (range.high !== null && value.value > range.high);
}
