import { describe, expect, it } from 'vitest';
import { computeFeedbackStats, type FeedbackRecord } from './feedback-stats.js';
import { basicToFeedback, feedbackToBasic } from './feedback-store.js';

const rec = (over: Partial<FeedbackRecord>): FeedbackRecord => ({
  serviceId: 's',
  kind: 'k',
  card: 'c',
  outcome: 'accepted',
  overrideReason: null,
  hasComment: false,
  acceptedSuggestions: 0,
  outcomeTimestamp: '2026-11-20T10:00:00Z',
  clientId: null,
  ...over,
});

describe('feedback statistics', () => {
  it('computes override rates per service and kind with reasons by frequency', () => {
    const stats = computeFeedbackStats([
      rec({ outcome: 'overridden', overrideReason: { code: 'b' } }),
      rec({ outcome: 'overridden', overrideReason: { code: 'a' } }),
      rec({ outcome: 'overridden', overrideReason: { code: 'a', display: 'A' } }),
      rec({}),
      rec({ kind: 'other' }),
      rec({ serviceId: 'r', outcome: 'overridden' }),
    ]);
    expect(stats.total).toBe(6);
    expect(stats.services.map((s) => [s.serviceId, s.overrideRate])).toEqual([
      ['r', 1],
      ['s', 0.6],
    ]);
    const k = stats.services[1]?.kinds[0];
    expect(k).toMatchObject({ kind: 'k', total: 4, overridden: 3, overrideRate: 0.75 });
    expect(k?.overrideReasons.map((r) => [r.code, r.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(stats.services[0]?.kinds[0]?.overrideReasons[0]?.code).toBe('(none)');
  });

  it('round-trips a record through its Basic resource', () => {
    const r = rec({
      outcome: 'overridden',
      overrideReason: { system: 'urn:x', code: 'a', display: 'A' },
      hasComment: true,
      clientId: 'ehr',
    });
    expect(basicToFeedback(feedbackToBasic(r))).toEqual(r);
    expect(basicToFeedback({ resourceType: 'Basic', code: {} })).toBeNull();
  });
});
