import { describe, expect, it } from 'vitest';
import { CONDITION_FILES, FINDING_FILES } from './data/index.js';
import { REQUIRED_CANT_MISS } from './integrity.js';
import { loadKnowledgeBase } from './load.js';

const kb = loadKnowledgeBase({ findingFiles: FINDING_FILES, conditionFiles: CONDITION_FILES });
const counts = `${kb.counts.conditions} conditions, ${kb.counts.findings} findings, ${kb.counts.links} links`;

// Coverage targets of issue 4; the failure message reports the current counts.
describe(`knowledge-base coverage (now ${counts})`, () => {
  it('has at least 400 conditions', () => {
    expect(kb.counts.conditions, counts).toBeGreaterThanOrEqual(400);
  });

  it('has at least 1,000 findings', () => {
    expect(kb.counts.findings, counts).toBeGreaterThanOrEqual(1000);
  });

  it('has at least 6,000 condition–finding links', () => {
    expect(kb.counts.links, counts).toBeGreaterThanOrEqual(6000);
  });

  it("covers every required can't-miss diagnosis", () => {
    const missing = Object.entries(REQUIRED_CANT_MISS)
      .filter(
        ([, cats]) => !kb.conditions.some((c) => c.cantMiss && c.icd10.some((code) => cats.includes(code.slice(0, 3)))),
      )
      .map(([name]) => name);
    expect(missing, counts).toEqual([]);
  });

  it('covers every finding kind, with value predicates on LOINC codes', () => {
    const kinds = new Set(kb.findings.map((f) => f.kind));
    expect([...kinds].sort(), counts).toEqual(
      expect.arrayContaining(['history', 'imaging', 'lab', 'risk-factor', 'sign', 'symptom', 'vital']),
    );
    expect(kb.findings.filter((f) => f.predicate && f.loinc.length > 0).length, counts).toBeGreaterThan(0);
  });
});
