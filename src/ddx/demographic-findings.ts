import type { Demographics } from './contract.js';
import type { FindingDef } from './kb/schema.js';

/** LOINC "Age" (30525-0): a demographic finding with a predicate on it is decided by the patient's age in years (`a`). */
export const AGE_LOINC = '30525-0';

const AGE_RULES: Record<string, (age: number) => boolean> = {
  neonate: (a) => a < 28 / 365,
  infant: (a) => a < 1,
  toddler: (a) => a >= 1 && a < 3,
  child: (a) => a < 12,
  adolescent: (a) => a >= 12 && a < 18,
  'older-adult': (a) => a >= 65,
  'very-old': (a) => a >= 80,
};

function byAgePredicate(f: FindingDef, age: number): boolean | null {
  const p = f.predicate;
  if (!p || !f.loinc.includes(AGE_LOINC)) {
    return null;
  }
  switch (p.op) {
    case '>':
      return age > p.value;
    case '>=':
      return age >= p.value;
    case '<':
      return age < p.value;
    case '<=':
      return age <= p.value;
    case 'between':
      return age >= p.low && age < p.high;
    case 'above-range':
    case 'below-range':
      return null;
  }
}

/**
 * Demographic findings are decided by the patient's age and sex, never by words in text: `female-sex` / `male-sex`,
 * the age groups named in `AGE_RULES`, and any demographic finding with a predicate on LOINC 30525-0 (age in years).
 */
export function demographicFindings(
  findings: readonly FindingDef[],
  demographics: Demographics,
): { finding: FindingDef; present: boolean }[] {
  const out: { finding: FindingDef; present: boolean }[] = [];
  for (const f of findings) {
    if (f.kind !== 'demographic') {
      continue;
    }
    let present: boolean | null = null;
    if (f.id === 'female-sex' || f.id === 'male-sex') {
      present = demographics.sex === null ? null : f.id === `${demographics.sex}-sex`;
    } else if (demographics.age !== null) {
      present = byAgePredicate(f, demographics.age) ?? AGE_RULES[f.id]?.(demographics.age) ?? null;
    }
    if (present !== null) {
      out.push({ finding: f, present });
    }
  }
  return out;
}
