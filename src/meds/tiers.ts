import type { Tier } from './knowledge/schema.js';

const RANK: Record<Tier, number> = { 'hard-stop': 0, interruptive: 1, informational: 2 };

/** Sort key: hard-stop first. */
export function tierRank(tier: Tier): number {
  return RANK[tier];
}

/** The more severe of two tiers. */
export function worstTier(a: Tier, b: Tier): Tier {
  return RANK[a] <= RANK[b] ? a : b;
}

const DAY_MS = 86_400_000;

/** Days between two ISO times (b - a), null when either is missing. */
export function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) {
    return null;
  }
  const d = (Date.parse(b) - Date.parse(a)) / DAY_MS;
  return Number.isFinite(d) ? d : null;
}

/** Overlap in days of two periods (open ends run to `now`). */
export function overlapDays(
  p: { start: string | null; end: string | null },
  q: { start: string | null; end: string | null },
  now: string,
): number {
  if (!p.start || !q.start) {
    return 0;
  }
  const start = Math.max(Date.parse(p.start), Date.parse(q.start));
  const end = Math.min(Date.parse(p.end ?? now), Date.parse(q.end ?? now));
  const d = (end - start) / DAY_MS;
  return Number.isFinite(d) && d > 0 ? d : 0;
}

/** Cuts a summary to the CDS Hooks limit of 140 characters. */
export function clip(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length <= 139 ? text : `${text.slice(0, 136)}...`;
}
