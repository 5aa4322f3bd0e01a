import { describe, expect, it } from 'vitest';
import { DAMPING, dampedSum, infer } from './inference.js';
import { handNetwork } from './test-network.js';

describe('damping of correlated lab and imaging evidence', () => {
  it('weights the k-th strongest supporting finding by DAMPING^k', () => {
    expect(dampedSum([1, 2, 3])).toBeCloseTo(3 + 2 * DAMPING + DAMPING ** 2, 12);
    expect(dampedSum([])).toBe(0);
  });

  // Condition "renal" links five labs (p 0.9, leak 0.05); "other" links none. Both have the same prior.
  const labs = ['l1', 'l2', 'l3', 'l4', 'l5'];
  const build = (kind: string): ReturnType<typeof handNetwork> => {
    const net = handNetwork({
      findings: labs.map((id) => ({ id, leak: 0.05 })),
      conditions: [
        { id: 'renal', prior: 0.01, links: labs.map((id): [string, number] => [id, 0.9]) },
        { id: 'other', prior: 0.01, links: [] },
      ],
    });
    net.findings.forEach((f) => {
      f.kind = kind;
    });
    return net;
  };
  const evidence = labs.map((_, finding) => ({ finding, present: true }));
  const input = { evidence, age: null, sex: null, setting: 'general' as const };

  it('five abnormal labs of one organ count less than five independent symptoms', () => {
    const lab = infer(build('lab'), input);
    const symptom = infer(build('symptom'), input);
    const lr = Math.log(0.9 / 0.05);
    const gap = (p: ReturnType<typeof infer>): number => (p.logScore[0] ?? 0) - (p.logScore[1] ?? 0);
    expect(gap(symptom)).toBeCloseTo(5 * lr, 9);
    expect(gap(lab)).toBeCloseTo(dampedSum(labs.map(() => lr)), 9);
    expect(lab.prob[0]).toBeLessThan(symptom.prob[0] ?? 0);
    expect(lab.prob[0]).toBeGreaterThan(0.9);
  });

  it('does not damp absent findings (a pertinent negative keeps its full weight)', () => {
    const absent = { ...input, evidence: [{ finding: 0, present: false }] };
    const lab = infer(build('lab'), absent);
    const symptom = infer(build('symptom'), absent);
    expect(lab.logScore[0]).toBeCloseTo(symptom.logScore[0] ?? 0, 12);
  });
});

describe('posterior temperature', () => {
  it('flattens the probabilities without changing the ranking', () => {
    const spec = {
      findings: [{ id: 'f', leak: 0.01 }],
      conditions: [
        { id: 'a', prior: 0.1, links: [['f', 0.9]] as [string, number][] },
        { id: 'b', prior: 0.1, links: [] },
      ],
    };
    const input = { evidence: [{ finding: 0, present: true }], age: null, sex: null, setting: 'general' as const };
    const plain = infer(handNetwork(spec), input);
    const tempered = infer({ ...handNetwork(spec), temperature: 2 }, input);
    // Odds a:b are 90:1 untempered, sqrt(90):1 at temperature 2.
    expect(plain.prob[0]).toBeCloseTo(90 / 91, 9);
    expect(tempered.prob[0]).toBeCloseTo(Math.sqrt(90) / (Math.sqrt(90) + 1), 9);
    expect(tempered.logScore).toEqual(plain.logScore);
  });
});
