import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeUnit } from '../units.js';
import { LOINC_UNITS, UNIT_SYNONYMS, VITAL_SIGNS } from './loinc-units.js';
import { RXNORM_CLINICAL_DRUGS } from './rxnorm-clinical-drugs.js';
import { DRUG_CLASSES, RXNORM_INGREDIENTS } from './rxnorm-ingredients.js';

const rxcui = z.string().regex(/^\d+$/);
const IngredientEntrySchema = z
  .object({
    rxcui,
    name: z.string().min(2),
    classes: z.array(z.enum(DRUG_CLASSES)).min(1),
    aliases: z.array(z.string().regex(/^[a-z0-9 ,]+$/)).optional(),
  })
  .strict();
const ClinicalDrugEntrySchema = z
  .object({ rxcui, name: z.string().min(3), ingredients: z.array(rxcui).min(1) })
  .strict();
const LoincUnitEntrySchema = z
  .object({
    loinc: z.string().regex(/^\d{1,7}-\d$/),
    name: z.string().min(3),
    unit: z.string().min(1),
    molarMass: z.number().positive().optional(),
    vital: z.enum(VITAL_SIGNS).optional(),
    low: z.number().optional(),
    high: z.number().optional(),
  })
  .strict();

// LOINC check digit (mod 10, as in loinc.org's "Calculating check digits").
function loincCheckDigitOk(code: string): boolean {
  const [body = '', check = ''] = code.split('-');
  let sum = 0;
  body
    .split('')
    .reverse()
    .forEach((ch, i) => {
      const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    });
  return (10 - (sum % 10)) % 10 === Number(check);
}

describe('knowledge tables', () => {
  it('RxNorm ingredients: valid entries, unique RxCUIs and names, every class used', () => {
    for (const e of RXNORM_INGREDIENTS) {
      IngredientEntrySchema.parse(e);
    }
    const rxcuis = RXNORM_INGREDIENTS.map((e) => e.rxcui);
    expect(new Set(rxcuis).size).toBe(rxcuis.length);
    expect(rxcuis.length).toBeGreaterThanOrEqual(150);
    const names = RXNORM_INGREDIENTS.flatMap((e) => [e.name.toLowerCase(), ...(e.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    const used = new Set(RXNORM_INGREDIENTS.flatMap((e) => e.classes));
    expect(DRUG_CLASSES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('RxNorm clinical drugs: valid entries pointing at known ingredients', () => {
    const known = new Set(RXNORM_INGREDIENTS.map((e) => e.rxcui));
    const rxcuis = RXNORM_CLINICAL_DRUGS.map((d) => d.rxcui);
    expect(new Set(rxcuis).size).toBe(rxcuis.length);
    for (const d of RXNORM_CLINICAL_DRUGS) {
      ClinicalDrugEntrySchema.parse(d);
      expect(
        d.ingredients.filter((i) => !known.has(i)),
        d.rxcui,
      ).toEqual([]);
    }
  });

  it('LOINC units: valid codes (check digit), valid UCUM canonical units, coherent ranges', () => {
    const codes = LOINC_UNITS.map((e) => e.loinc);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of LOINC_UNITS) {
      LoincUnitEntrySchema.parse(e);
      expect(loincCheckDigitOk(e.loinc), e.loinc).toBe(true);
      expect(normalizeUnit(e.unit), e.loinc).toBe(e.unit);
      if (e.low !== undefined && e.high !== undefined) {
        expect(e.low, e.loinc).toBeLessThan(e.high);
      }
    }
    for (const [spelling, ucum] of Object.entries(UNIT_SYNONYMS)) {
      expect(spelling).toBe(spelling.toLowerCase());
      expect(normalizeUnit(ucum), spelling).toBe(ucum);
    }
  });
});
