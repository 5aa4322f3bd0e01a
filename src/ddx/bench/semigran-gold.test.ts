import { describe, expect, it } from 'vitest';
import { Icd10Schema } from '../kb/schema.js';
import { SEMIGRAN_GOLD } from './semigran-gold.js';
import { sharedDataAvailable } from './test-support.js';
import { matchesGold, readVignettes } from './vignette-bench.js';

const data = sharedDataAvailable('semigran_vignettes');

describe('Semigran gold mapping', () => {
  it('has 45 answers with ICD-10 categories and names', () => {
    expect(SEMIGRAN_GOLD).toHaveLength(45);
    for (const g of SEMIGRAN_GOLD) {
      expect(g.icd10.length + g.names.length).toBeGreaterThan(0);
      expect(g.icd10.every((c) => Icd10Schema.safeParse(c).success && c.length === 3)).toBe(true);
    }
  });

  it('matches by ICD-10 category or by name', () => {
    const mi = SEMIGRAN_GOLD[5];
    expect(mi && matchesGold({ icd10: ['I21.4'], name: 'NSTEMI' }, mi)).toBe(true);
    expect(mi && matchesGold({ icd10: ['I20.0'], name: 'Acute coronary syndrome' }, mi)).toBe(true);
    expect(mi && matchesGold({ icd10: ['I20.0'], name: 'Unstable angina' }, mi)).toBe(false);
  });

  it.skipIf(!data.ok)(`lines up with the vignette file ${data.reason}`, async () => {
    const cases = await readVignettes(`${data.dir}/semigran_vignettes.jsonl`);
    expect(cases).toHaveLength(SEMIGRAN_GOLD.length);
    cases.forEach((c, i) => {
      const first = (SEMIGRAN_GOLD[i]?.diagnosis ?? '').split(' ')[0]?.toLowerCase().slice(0, 5) ?? '';
      expect(c.diagnosis.toLowerCase()).toContain(first === 'vomit' ? 'vomit' : first);
    });
  });
});
