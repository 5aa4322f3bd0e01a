import { describe, expect, it } from 'vitest';
import { drugInfo, expandSelector } from '../drug-index.js';
import { VITALIS_SOURCE } from '../kb.js';
import {
  CROSS_SENSITIVITY_RULES,
  CrossSensitivityRuleSchema,
  DdiRuleSchema,
  DrugEntrySchema,
  MEDS_DRUGS,
  PIM_RULES,
  PimRuleSchema,
  PRODUCTS,
  ProductEntrySchema,
  RENAL_RULES,
  RenalRuleSchema,
} from './index.js';

describe('medication knowledge', () => {
  it('validates against its schemas', () => {
    VITALIS_SOURCE.rules.forEach((r) => {
      expect(DdiRuleSchema.parse(r)).toEqual(r);
    });
    MEDS_DRUGS.forEach((d) => {
      expect(DrugEntrySchema.parse(d)).toEqual(d);
    });
    RENAL_RULES.forEach((r) => {
      expect(RenalRuleSchema.parse(r)).toEqual(r);
    });
    PIM_RULES.forEach((r) => {
      expect(PimRuleSchema.parse(r)).toEqual(r);
    });
    CROSS_SENSITIVITY_RULES.forEach((r) => {
      expect(CrossSensitivityRuleSchema.parse(r)).toEqual(r);
    });
    PRODUCTS.forEach((p) => {
      expect(ProductEntrySchema.parse(p)).toEqual(p);
    });
  });
  it('has unique rule ids and a reference on every rule', () => {
    const ids = [...VITALIS_SOURCE.rules, ...RENAL_RULES, ...PIM_RULES, ...CROSS_SENSITIVITY_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of [...VITALIS_SOURCE.rules, ...RENAL_RULES, ...PIM_RULES, ...CROSS_SENSITIVITY_RULES]) {
      expect(r.reference.length).toBeGreaterThan(20);
    }
  });
  it('names only ingredients our tables know, and every selector has members', () => {
    for (const r of VITALIS_SOURCE.rules) {
      for (const side of [r.a, r.b]) {
        (side.ingredients ?? []).forEach((x) => {
          expect(drugInfo(x), `${r.id}: ${x}`).toBeDefined();
        });
        expect(expandSelector(side).size, `${r.id}: ${side.label}`).toBeGreaterThan(0);
      }
    }
    for (const r of RENAL_RULES) {
      r.ingredients.forEach((x) => {
        expect(drugInfo(x), `${r.id}: ${x}`).toBeDefined();
      });
    }
    for (const r of PIM_RULES) {
      expect(expandSelector(r.selector).size, r.id).toBeGreaterThan(0);
    }
  });
  it('lists each ingredient once in our drug table', () => {
    const rxcuis = MEDS_DRUGS.map((d) => d.rxcui);
    expect(new Set(rxcuis).size).toBe(rxcuis.length);
  });
  it('covers the 14 ONC high-priority groups with members and the 33 non-interruptive pairs', () => {
    expect(VITALIS_SOURCE.rules.filter((r) => r.origin === 'onc-high-priority')).toHaveLength(15);
    expect(VITALIS_SOURCE.rules.filter((r) => r.origin === 'onc-non-interruptive')).toHaveLength(33);
    expect(
      VITALIS_SOURCE.rules.filter((r) => r.origin === 'onc-non-interruptive').every((r) => r.tier === 'informational'),
    ).toBe(true);
  });
  it('renal bands do not overlap within a rule', () => {
    for (const r of RENAL_RULES) {
      const bands = [...r.bands].sort((a, b) => a.below - b.below);
      bands.slice(1).forEach((b, i) => {
        expect(b.atLeast, r.id).toBe(bands[i]?.below);
      });
    }
  });
});
