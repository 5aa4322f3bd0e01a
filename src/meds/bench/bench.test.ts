import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadAnsmThesaurus } from '../external/ansm.js';
import { buildKnowledge, VITALIS_SOURCE, vitalisKnowledge } from '../kb.js';
import { evaluateCrescenddi } from './crescenddi.js';
import { medsDataMissing } from '../test-support/demo.js';
import { oncCoverage } from './onc-coverage.js';
import { defaultMedsDataDir } from './shared-data.js';
import { fifteenDrugContext } from './speed.js';

const dataDir = defaultMedsDataDir();
const missing = medsDataMissing(dataDir);

describe.skipIf(missing !== null)('medication benchmark data checks', () => {
  it('covers every ONC high-priority member pair at an interrupting tier', () => {
    const high = oncCoverage(vitalisKnowledge(), dataDir, 'high');
    expect(high.missing).toEqual([]);
    expect(high.pairs).toBeGreaterThan(300);
    expect(high.coverage).toBe(1);
  });
  it('CRESCENDDI with the ANSM thesaurus: >= 90 % of positives, <= 5 % of negatives alerting, none interrupting', () => {
    const ansm = loadAnsmThesaurus(join(dataDir, 'ansm-thesaurus'), {
      rxnormIngredientsCsv: join(dataDir, 'rxnorm-prescribable-2025-10/ingredients.csv'),
    });
    const figures = evaluateCrescenddi(buildKnowledge([VITALIS_SOURCE, ansm]), dataDir);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.negativeAlertRate).toBeLessThanOrEqual(0.05);
    expect(figures.negativeInterruptiveRate).toBe(0);
  });
  it('covers nearly all mapped ONC non-interruptive member pairs (informational)', () => {
    expect(oncCoverage(vitalisKnowledge(), dataDir, 'non-interruptive').coverage).toBeGreaterThan(0.95);
  });
});

describe('benchmark fixture', () => {
  it('the speed patient has 15 active drugs', () => {
    expect(fifteenDrugContext().medications.filter((m) => m.flags.active === true)).toHaveLength(15);
  });
});
