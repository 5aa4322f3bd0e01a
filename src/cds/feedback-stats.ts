/** One stored feedback outcome, attributed to a service and a card kind. */
export interface FeedbackRecord {
  serviceId: string;
  /** The card's kind (its rule id), or `unknown` when the card was sent before the last restart. */
  kind: string;
  card: string;
  outcome: 'accepted' | 'overridden';
  overrideReason: { system?: string; code: string; display?: string } | null;
  hasComment: boolean;
  acceptedSuggestions: number;
  outcomeTimestamp: string;
  clientId: string | null;
}

/** Override statistics of one card kind of one service. */
export interface KindStats {
  serviceId: string;
  kind: string;
  total: number;
  accepted: number;
  overridden: number;
  /** overridden / total, rounded to 4 decimals. */
  overrideRate: number;
  /** Override reasons by code, most frequent first. */
  overrideReasons: { code: string; display: string | null; count: number }[];
}

/** The body of `GET /api/cds/feedback/stats`. */
export interface FeedbackStats {
  total: number;
  services: { serviceId: string; total: number; overridden: number; overrideRate: number; kinds: KindStats[] }[];
}

const rate = (part: number, total: number): number => (total === 0 ? 0 : Math.round((part / total) * 10_000) / 10_000);

function kindStats(serviceId: string, kind: string, records: FeedbackRecord[]): KindStats {
  const overridden = records.filter((r) => r.outcome === 'overridden');
  const reasons = new Map<string, { code: string; display: string | null; count: number }>();
  for (const r of overridden) {
    const code = r.overrideReason?.code ?? '(none)';
    const entry = reasons.get(code) ?? { code, display: r.overrideReason?.display ?? null, count: 0 };
    entry.count += 1;
    reasons.set(code, entry);
  }
  return {
    serviceId,
    kind,
    total: records.length,
    accepted: records.length - overridden.length,
    overridden: overridden.length,
    overrideRate: rate(overridden.length, records.length),
    overrideReasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

/** Aggregates feedback records into override rates per service and card kind. */
export function computeFeedbackStats(records: readonly FeedbackRecord[]): FeedbackStats {
  const byService = new Map<string, Map<string, FeedbackRecord[]>>();
  for (const r of records) {
    const kinds = byService.get(r.serviceId) ?? new Map<string, FeedbackRecord[]>();
    const list = kinds.get(r.kind) ?? [];
    list.push(r);
    kinds.set(r.kind, list);
    byService.set(r.serviceId, kinds);
  }
  const services = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceId, kinds]) => {
      const stats = [...kinds.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, list]) => kindStats(serviceId, kind, list));
      const total = stats.reduce((n, k) => n + k.total, 0);
      const overridden = stats.reduce((n, k) => n + k.overridden, 0);
      return { serviceId, total, overridden, overrideRate: rate(overridden, total), kinds: stats };
    });
  return { total: records.length, services };
}
