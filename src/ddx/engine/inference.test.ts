import { describe, expect, it } from 'vitest';
import { infer } from './inference.js';
import { explainCondition } from './explain.js';
import { handNetwork } from './test-network.js';

// Two conditions, two findings; every number below is worked by hand.
// A: prior 0.1, P(f1|A) = 0.5, P(f2|A) = 0.15. B: prior 0.3, f1 unlinked (leak 0.01), P(f2|B) = 0.75. leak(f2) = 0.1.
const net = handNetwork({
  findings: [
    { id: 'f1', leak: 0.01 },
    { id: 'f2', leak: 0.1 },
    { id: 'f3', leak: 0.05, implies: ['f1'] },
  ],
  conditions: [
    {
      id: 'a',
      prior: 0.1,
      links: [
        ['f1', 0.5],
        ['f2', 0.15],
      ],
    },
    {
      id: 'b',
      prior: 0.3,
      links: [
        ['f2', 0.75],
        ['f3', 0.4, true],
      ],
    },
  ],
});
const base = { age: null, sex: null, setting: 'primary-care' as const };

describe('naive-Bayes inference with leak', () => {
  it('returns the normalized priors without evidence', () => {
    const p = infer(net, { ...base, evidence: [] });
    expect(p.prob[0]).toBeCloseTo(0.25, 10);
    expect(p.prob[1]).toBeCloseTo(0.75, 10);
  });

  it('combines a present and an absent finding exactly as computed by hand', () => {
    // A: 0.1 * (0.5 / 0.01) * (0.85 / 0.9) = 4.722222; B: 0.3 * 1 * (0.25 / 0.9) = 0.083333.
    const p = infer(net, {
      ...base,
      evidence: [
        { finding: 0, present: true },
        { finding: 1, present: false },
      ],
    });
    expect(p.prob[0]).toBeCloseTo(4.722222 / (4.722222 + 0.083333), 5);
  });

  it('lets a pertinent negative lower a condition (absentRulesOut: P(absent) = 0.02)', () => {
    const without = infer(net, { ...base, evidence: [] });
    const negative = infer(net, { ...base, evidence: [{ finding: 2, present: false }] });
    // B: 0.3 * 0.02 / 0.95 = 0.0063158; A: 0.1 (f3 unlinked) -> P(B) = 0.0063158 / 0.1063158.
    expect(negative.prob[1]).toBeCloseTo(0.0063158 / 0.1063158, 5);
    expect(negative.prob[1]).toBeLessThan(without.prob[1] ?? 0);
  });

  it('derives implied findings and does not count them twice', () => {
    // f3 present implies f1 present: A gains 0.5/0.01 through f1; B gains 0.4/0.05 through f3 only.
    const p = infer(net, { ...base, evidence: [{ finding: 2, present: true }] });
    expect(p.evidence.map((e) => [e.finding, e.present, e.derived])).toEqual([
      [2, true, false],
      [0, true, true],
    ]);
    const a = 0.1 * 50;
    const b = 0.3 * 8;
    expect(p.prob[0]).toBeCloseTo(a / (a + b), 8);
  });

  it('lets a present specific finding override an absent general one', () => {
    const p = infer(net, {
      ...base,
      evidence: [
        { finding: 0, present: false },
        { finding: 2, present: true },
      ],
    });
    expect(p.evidence.map((e) => [e.finding, e.present, e.derived])).toEqual([
      [2, true, false],
      [0, true, true],
    ]);
  });

  it('excludes conditions by sex and age band', () => {
    const sexed = handNetwork({
      findings: [{ id: 'f', leak: 0.1 }],
      conditions: [
        { id: 'x', prior: 0.1, links: [['f', 0.5]] },
        { id: 'y', prior: 0.1, links: [] },
      ],
    });
    const x = sexed.conditions[0];
    if (x) {
      x.sex = 'female';
      x.age = [{ min: 0, max: 10, factor: 0 }];
    }
    expect(infer(sexed, { ...base, sex: 'male', evidence: [] }).prob[0]).toBe(0);
    expect(infer(sexed, { ...base, age: 5, evidence: [] }).prob[0]).toBe(0);
    expect(infer(sexed, { ...base, age: 30, sex: 'female', evidence: [] }).prob[0]).toBeCloseTo(0.5, 10);
  });

  it('explains findings for and against with log-likelihood-ratio weights and lists unexplained ones', () => {
    const p = infer(net, {
      ...base,
      evidence: [
        { finding: 0, present: true },
        { finding: 1, present: false },
      ],
    });
    const b = explainCondition(net, p, 1);
    expect(b.against).toEqual([{ finding: 'f2', label: 'no f2', weight: Number(Math.log(0.25 / 0.9).toFixed(3)) }]);
    expect(b.unexplained).toEqual(['f1']);
    const a = explainCondition(net, p, 0);
    expect(a.for[0]).toMatchObject({ finding: 'f1', weight: Number(Math.log(50).toFixed(3)) });
  });
});
