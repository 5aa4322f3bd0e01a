import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bootstrapAccuracy } from './bootstrap.js';
import { parseMedQa, parsePubMedQa } from './datasets.js';
import { qaMessages, summarizeQa, type QaRecord } from './qa-eval.js';

const DATA = fileURLToPath(new URL('../../../../shared/data/llm-eval/', import.meta.url));
const haveData = ((): boolean => {
  const ok = existsSync(`${DATA}medqa-usmle-4opt/phrases_no_exclude_test.jsonl`);
  if (!ok && process.env['CI'] === 'true') throw new Error(`llm-eval data missing at ${DATA}`);
  return ok;
})();

describe('bootstrapAccuracy', () => {
  it('gives a reproducible 95 % interval around the accuracy', () => {
    const outcomes = Array.from({ length: 400 }, (_v, i) => i % 4 !== 0);
    const ci = bootstrapAccuracy(outcomes, { seed: 7 });
    expect(ci.accuracy).toBe(0.75);
    expect(ci.low).toBeGreaterThan(0.69);
    expect(ci.low).toBeLessThan(0.75);
    expect(ci.high).toBeGreaterThan(0.75);
    expect(ci.high).toBeLessThan(0.81);
    expect(bootstrapAccuracy(outcomes, { seed: 7 })).toEqual(ci);
    expect(bootstrapAccuracy([]).n).toBe(0);
  });

  it('summarizes latency, tokens and cost per item', () => {
    const rec = (correct: boolean, cost: number | null): QaRecord => ({
      id: 'x',
      answer: 'A',
      predicted: correct ? 'A' : 'B',
      correct,
      latencyMs: 100,
      promptTokens: 40,
      completionTokens: 2,
      costUsd: cost,
      error: null,
    });
    const s = summarizeQa([rec(true, 0.001), rec(false, 0.003)]);
    expect(s.accuracy.accuracy).toBe(0.5);
    expect(s.costPerItemUsd).toBeCloseTo(0.002);
    expect(s.tokensPerItem).toBe(42);
    expect(summarizeQa([rec(true, null)]).costPerItemUsd).toBeNull();
  });
});

describe.skipIf(!haveData)('evaluation datasets from ../shared (skipped when missing)', () => {
  it('reads the 1,273 MedQA test questions and the 500 PubMedQA test items', () => {
    const medqa = parseMedQa(readFileSync(`${DATA}medqa-usmle-4opt/phrases_no_exclude_test.jsonl`, 'utf8'));
    expect(medqa).toHaveLength(1273);
    expect(Object.keys(medqa[0]?.options ?? {})).toEqual(['A', 'B', 'C', 'D']);
    expect(qaMessages(medqa[0] ?? medqa[1] ?? ({} as never))[1]?.content).toMatch(/Options:\nA\. /);
    const pqa = parsePubMedQa(
      readFileSync(`${DATA}pubmedqa-pqal/ori_pqal.json`, 'utf8'),
      readFileSync(`${DATA}pubmedqa-pqal/test_ground_truth.json`, 'utf8'),
    );
    expect(pqa).toHaveLength(500);
    expect(pqa.filter((i) => i.answer === 'yes')).toHaveLength(276);
    expect(Object.keys(pqa[0]?.options ?? {})).toEqual(['yes', 'no', 'maybe']);
  });
});
