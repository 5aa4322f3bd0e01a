import { describe, expect, it } from 'vitest';
import { infer } from './inference.js';
import { expectedGain, nextBest } from './next-best.js';
import { handNetwork } from './test-network.js';

const base = { age: null, sex: null, setting: 'primary-care' as const, evidence: [] };

describe('expected information gain', () => {
  it('matches the hand-computed gain of one binary finding', () => {
    // Uniform over two conditions, P(g|A) = 0.9, P(g|B) = 0.1: IG = 1 - H(0.9) = 1 - 0.468996 = 0.531004 bits.
    const gain = expectedGain({ conditions: [0, 1], weights: new Float64Array([0.5, 0.5]) }, 1, (c) =>
      c === 0 ? 0.9 : 0.1,
    );
    expect(gain).toBeCloseTo(0.531004, 5);
  });

  it('ranks the discriminating finding first and skips known ones', () => {
    const net = handNetwork({
      findings: [
        { id: 'useful', leak: 0.01 },
        { id: 'useless', leak: 0.01 },
      ],
      conditions: [
        {
          id: 'a',
          prior: 0.1,
          links: [
            ['useful', 0.9],
            ['useless', 0.5],
          ],
        },
        {
          id: 'b',
          prior: 0.1,
          links: [
            ['useful', 0.1],
            ['useless', 0.5],
          ],
        },
      ],
    });
    const ranked = nextBest(net, infer(net, base));
    expect(ranked.map((r) => net.findings[r.finding]?.id)).toEqual(['useful']);
    const known = nextBest(net, infer(net, { ...base, evidence: [{ finding: 0, present: true }] }));
    expect(known.map((r) => r.finding)).not.toContain(0);
  });

  it("weights can't-miss conditions so that the test ruling them out ranks higher", () => {
    const spec = (cantMiss: boolean): Parameters<typeof handNetwork>[0] => ({
      findings: [
        { id: 'rules-out-danger', leak: 0.01 },
        { id: 'splits-common', leak: 0.01 },
      ],
      conditions: [
        { id: 'common1', prior: 0.45, links: [['splits-common', 0.9]] },
        { id: 'common2', prior: 0.45, links: [['splits-common', 0.1]] },
        { id: 'danger', prior: 0.1, cantMiss, links: [['rules-out-danger', 0.95]] },
      ],
    });
    const plain = handNetwork(spec(false));
    const weighted = handNetwork(spec(true));
    expect(plain.findings[nextBest(plain, infer(plain, base))[0]?.finding ?? -1]?.id).toBe('splits-common');
    expect(
      weighted.findings[nextBest(weighted, infer(weighted, base), { cantMissWeight: 5 })[0]?.finding ?? -1]?.id,
    ).toBe('rules-out-danger');
  });
});
