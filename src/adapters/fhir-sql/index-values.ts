import type { TypedValue } from '@medplum/core';
import type {
  CodeableConcept,
  Coding,
  ContactPoint,
  Identifier,
  Money,
  Period,
  Quantity,
  Range as FhirRange,
  Reference,
  Timing,
} from '@medplum/fhirtypes';
import { referenceTarget } from './index-expressions.js';
import { dateRange, numberRange, numberText } from './index-ranges.js';
import { normalizeSearchString, type IndexRows } from './schema.js';

const NAME_PARTS = ['text', 'family', 'given', 'prefix', 'suffix'] as const;
const ADDRESS_PARTS = ['text', 'line', 'city', 'district', 'state', 'postalCode', 'country'] as const;
const MIN_DATE = '-infinity';
const MAX_DATE = 'infinity';

function norm(text: string | undefined): string | null {
  return text ? normalizeSearchString(text) : null;
}

/** Appends string rows for a value (string, HumanName, Address...). */
export function addString(rows: IndexRows, param: string, tv: TypedValue): void {
  const push = (text: unknown): void => {
    if (typeof text === 'string' && text !== '') {
      rows.string.push({ param, value: normalizeSearchString(text), exact: text });
    }
  };
  const v = tv.value as Record<string, unknown>;
  const parts = tv.type === 'HumanName' ? NAME_PARTS : tv.type === 'Address' ? ADDRESS_PARTS : undefined;
  if (parts && typeof v === 'object') {
    for (const p of parts) {
      const part = v[p];
      if (Array.isArray(part)) {
        part.forEach(push);
      } else {
        push(part);
      }
    }
    return;
  }
  push(tv.value);
}

/** Appends token rows for Coding, CodeableConcept, Identifier, ContactPoint, code/string/boolean values. */
export function addToken(rows: IndexRows, param: string, tv: TypedValue): void {
  const push = (system: string | undefined, code: string | undefined, display: string | null): void => {
    rows.token.push({ param, system: system ?? null, code: code ?? null, display });
  };
  switch (tv.type) {
    case 'Coding': {
      const c = tv.value as Coding;
      push(c.system, c.code, norm(c.display));
      return;
    }
    case 'CodeableConcept': {
      const cc = tv.value as CodeableConcept;
      const text = norm(cc.text);
      let textIndexed = false;
      for (const c of cc.coding ?? []) {
        const display = norm(c.display);
        textIndexed ||= display === text;
        push(c.system, c.code, display);
      }
      // The text gets its own row unless a coding display already carries the same normalized text.
      if (text && !textIndexed) {
        push(undefined, undefined, text);
      }
      return;
    }
    case 'Identifier': {
      const id = tv.value as Identifier;
      if (id.value !== undefined || id.system !== undefined) {
        push(id.system, id.value, norm(id.type?.text));
      }
      return;
    }
    case 'ContactPoint': {
      const cp = tv.value as ContactPoint;
      if (cp.value !== undefined) {
        push(cp.system, cp.value, null);
      }
      return;
    }
    case 'Reference': {
      const ref = tv.value as Reference;
      if (ref.identifier) {
        addToken(rows, param, { type: 'Identifier', value: ref.identifier });
      }
      return;
    }
    default:
      if (typeof tv.value === 'string' || typeof tv.value === 'boolean' || typeof tv.value === 'number') {
        push(undefined, String(tv.value), null);
      }
  }
}

/** Appends date rows for date/dateTime/instant, Period and Timing values. */
export function addDate(rows: IndexRows, param: string, tv: TypedValue): void {
  if (typeof tv.value === 'string') {
    const r = dateRange(tv.value);
    if (r) {
      rows.date.push({ param, lo: r.lo, hi: r.hi });
    }
    return;
  }
  if (tv.type === 'Period') {
    const p = tv.value as Period;
    const lo = p.start ? dateRange(p.start)?.lo : MIN_DATE;
    const hi = p.end ? dateRange(p.end)?.hi : MAX_DATE;
    if (lo && hi && (p.start || p.end)) {
      rows.date.push({ param, lo, hi });
    }
    return;
  }
  if (tv.type === 'Timing') {
    const t = tv.value as Timing;
    for (const e of t.event ?? []) {
      addDate(rows, param, { type: 'dateTime', value: e });
    }
    if (t.repeat?.boundsPeriod) {
      addDate(rows, param, { type: 'Period', value: t.repeat.boundsPeriod });
    }
  }
}

/** Appends a reference row for Reference, canonical and uri values. */
export function addReference(rows: IndexRows, param: string, tv: TypedValue): void {
  const ref = typeof tv.value === 'string' ? tv.value : (tv.value as Reference).reference;
  if (typeof ref !== 'string' || ref === '') {
    return;
  }
  const target = referenceTarget(ref);
  rows.reference.push({ param, targetType: target?.[0] ?? null, targetId: target?.[1] ?? null, ref });
}

/** Appends a number row for integer/decimal values. */
export function addNumber(rows: IndexRows, param: string, tv: TypedValue): void {
  if (typeof tv.value !== 'number' && typeof tv.value !== 'string') {
    return;
  }
  const r = numberRange(tv.value);
  if (r) {
    rows.number.push({ param, value: valueText(tv.value), lo: r.lo, hi: r.hi });
  }
}

function valueText(v: number | string): string {
  return typeof v === 'number' ? numberText(v) : v;
}

/** Appends quantity rows for Quantity (and its profiles), Money and Range values. */
export function addQuantity(rows: IndexRows, param: string, tv: TypedValue): void {
  if (tv.type === 'Money') {
    const m = tv.value as Money;
    const r = m.value === undefined ? undefined : numberRange(m.value);
    if (r && m.value !== undefined) {
      const currency = m.currency ?? null;
      rows.quantity.push({
        param,
        value: numberText(m.value),
        lo: r.lo,
        hi: r.hi,
        system: 'urn:iso:std:iso:4217',
        code: currency,
        unit: currency,
      });
    }
    return;
  }
  if (tv.type === 'Range') {
    const range = tv.value as FhirRange;
    const low = range.low?.value;
    const high = range.high?.value;
    const value = low ?? high;
    if (value !== undefined) {
      const q = range.low ?? range.high ?? {};
      rows.quantity.push({
        param,
        value: numberText(value),
        lo: low === undefined ? '-Infinity' : numberText(low),
        hi: high === undefined ? 'Infinity' : numberText(high),
        system: q.system ?? null,
        code: q.code ?? null,
        unit: q.unit ?? null,
      });
    }
    return;
  }
  if (typeof tv.value === 'number') {
    addQuantity(rows, param, { type: 'Quantity', value: { value: tv.value } });
    return;
  }
  const q = tv.value as Quantity;
  const r = q.value === undefined ? undefined : numberRange(q.value);
  if (r && q.value !== undefined) {
    rows.quantity.push({
      param,
      value: numberText(q.value),
      lo: r.lo,
      hi: r.hi,
      system: q.system ?? null,
      code: q.code ?? null,
      unit: q.unit ?? null,
    });
  }
}

/** Appends a uri row for uri/url/canonical/string values. */
export function addUri(rows: IndexRows, param: string, tv: TypedValue): void {
  if (typeof tv.value === 'string' && tv.value !== '') {
    rows.uri.push({ param, value: tv.value });
  }
}
