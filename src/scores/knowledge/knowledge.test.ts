import { describe, expect, it } from 'vitest';
import { CONDITION_SETS } from './conditions.js';
import { MEDICATION_SETS } from './medications.js';
import { OBSERVATION_SETS } from './observations.js';
import { ConditionSetSchema, MedicationSetSchema, ObservationSetSchema } from './schema.js';

// LOINC check digit: mod-10 over the code digits (Luhn-style, doubling from the right of the base number).
function loincCheckDigitOk(code: string): boolean {
  const [base, check] = code.split('-');
  if (base === undefined || check === undefined) {
    return false;
  }
  let sum = 0;
  const digits = base.split('').reverse();
  digits.forEach((d, i) => {
    let n = Number(d);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) {
        n -= 9;
      }
    }
    sum += n;
  });
  return (10 - (sum % 10)) % 10 === Number(check);
}

// SNOMED CT identifiers end with a Verhoeff check digit.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
function verhoeffOk(code: string): boolean {
  let c = 0;
  code
    .split('')
    .reverse()
    .forEach((d, i) => {
      c = D[c]?.[P[i % 8]?.[Number(d)] ?? 0] ?? 0;
    });
  return c === 0;
}

describe('score knowledge', () => {
  it('check-digit helpers reject wrong codes', () => {
    expect(verhoeffOk('38341003')).toBe(true);
    expect(verhoeffOk('38341004')).toBe(false);
    expect(loincCheckDigitOk('2160-0')).toBe(true);
    expect(loincCheckDigitOk('2160-1')).toBe(false);
  });
  it('condition sets are valid, referenced, with valid SNOMED CT check digits', () => {
    for (const set of Object.values(CONDITION_SETS)) {
      expect(ConditionSetSchema.parse(set)).toEqual(set);
      for (const code of set.snomed) {
        expect(verhoeffOk(code), `${set.id} ${code}`).toBe(true);
      }
      expect(new Set(set.snomed).size).toBe(set.snomed.length);
      expect(new Set(set.icd10).size).toBe(set.icd10.length);
    }
  });
  it('medication sets are valid and name known drug classes', () => {
    for (const set of Object.values(MEDICATION_SETS)) {
      expect(MedicationSetSchema.parse(set)).toEqual(set);
      expect(set.classes.length + set.ingredients.length).toBeGreaterThan(0);
    }
  });
  it('observation sets are valid with correct LOINC check digits', () => {
    for (const set of Object.values(OBSERVATION_SETS)) {
      expect(ObservationSetSchema.parse(set)).toEqual(set);
      for (const code of set.loinc) {
        expect(loincCheckDigitOk(code), `${set.id} ${code}`).toBe(true);
      }
    }
  });
  it('ids are unique across each table', () => {
    const tables: { id: string }[][] = [
      Object.values(CONDITION_SETS),
      Object.values(MEDICATION_SETS),
      Object.values(OBSERVATION_SETS),
    ];
    for (const table of tables) {
      const ids = table.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
