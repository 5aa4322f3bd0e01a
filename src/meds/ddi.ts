import type { AlertDrug, MedAlert } from './alert-schema.js';
import { evaluateContext } from './ddi-context.js';
import type { MedsKnowledge, RuleMatch } from './kb.js';
import type { Tier } from './knowledge/schema.js';
import type { MedEntry } from './med-list.js';
import type { PatientState } from './patient-state.js';
import { clip, daysBetween, overlapDays, tierRank } from './tiers.js';

/** Days two drugs must have been taken together for the pair to count as tolerated. */
export const TOLERATED_DAYS = 28;

/** Turns an entry into the drug shape of an alert. */
export function alertDrug(e: MedEntry): AlertDrug {
  return { key: e.key, label: e.label, rxcuis: e.rxcuis, status: e.status, source: e.source };
}

interface Evaluated {
  match: RuleMatch;
  tier: Tier;
  reasons: string[];
  evidence: MedAlert['evidence'];
}

function tolerated(x: MedEntry, y: MedEntry, all: readonly MedEntry[], now: string): boolean {
  if (x.status === 'active' && y.status === 'active') {
    return overlapDays(x, y, now) >= TOLERATED_DAYS;
  }
  const [order, other] = x.status === 'order' ? [x, y] : [y, x];
  return all.some(
    (f) =>
      f.status !== 'order' &&
      f !== other &&
      f.rxcuis.some((r) => order.rxcuis.includes(r)) &&
      overlapDays(f, other, now) >= TOLERATED_DAYS,
  );
}

function evaluate(
  m: RuleMatch,
  pair: { x: MedEntry; y: MedEntry; xr: string; yr: string },
  ctx: { all: readonly MedEntry[]; current: readonly MedEntry[]; state: PatientState },
): Evaluated {
  const rule = m.compiled.rule;
  const [a, b] = m.firstIsA ? [pair.x, pair.y] : [pair.y, pair.x];
  const [ar, br] = m.firstIsA ? [pair.xr, pair.yr] : [pair.yr, pair.xr];
  let tier: Tier = rule.tier;
  const reasons: string[] = [];
  const evidence: MedAlert['evidence'] = [];
  let risk = false;
  if (rule.context) {
    const out = evaluateContext(rule.context, {
      tier,
      a,
      b,
      aRxcui: ar,
      bRxcui: br,
      current: ctx.current,
      state: ctx.state,
    });
    tier = out.tier;
    reasons.push(...out.reasons);
    evidence.push(...out.evidence);
    risk = out.riskFactors;
  }
  const local = [a, b].find((e) => e.route === 'local');
  if (rule.systemicOnly !== false && local && tier !== 'informational') {
    tier = 'informational';
    reasons.push(`${local.label}: local (topical) use, little systemic exposure`);
  }
  if (tier === 'interruptive' && !risk && tolerated(pair.x, pair.y, ctx.all, ctx.state.now)) {
    tier = 'informational';
    reasons.push(`taken together for ${String(TOLERATED_DAYS)}+ days before without a recorded problem`);
  }
  const stopped = [a, b].find((e) => e.status === 'past');
  if (stopped) {
    reasons.push(
      `${stopped.label} stopped ${String(Math.round(daysBetween(stopped.end, ctx.state.now) ?? 0))} days ago (wash-out ${String(rule.washoutDays ?? 0)} days)`,
    );
  }
  return { match: m, tier, reasons, evidence };
}

function inWashout(e: MedEntry, matches: RuleMatch[], now: string): RuleMatch[] {
  const since = daysBetween(e.end, now);
  if (since === null) {
    return [];
  }
  return matches.filter((m) => m.compiled.rule.washoutDays !== undefined && since <= m.compiled.rule.washoutDays);
}

function toAlert(best: Evaluated, others: Evaluated[], pair: { x: MedEntry; y: MedEntry }): MedAlert {
  const rule = best.match.compiled.rule;
  const [a, b] = best.match.firstIsA ? [pair.x, pair.y] : [pair.y, pair.x];
  const target = a.status === 'order' ? a : b.status === 'order' ? b : a;
  const lead = rule.effect.split(/(?<=\.)\s/)[0] ?? rule.effect;
  return {
    id: `${rule.id}:${[pair.x.key, pair.y.key].sort().join('+')}`,
    category: 'interaction',
    ruleId: rule.id,
    knowledgeVersion: best.match.compiled.version,
    reference: rule.reference,
    origin: rule.origin,
    tier: best.tier,
    baseTier: rule.tier,
    summary: clip(`${a.label} + ${b.label}: ${lead}`),
    detail: `${rule.effect} ${rule.management}`,
    drugs: [alertDrug(a), alertDrug(b)],
    reasons: best.reasons,
    evidence: best.evidence,
    suggestions:
      best.tier === 'informational' ? [] : (rule.actions ?? []).map((action) => ({ action, target: target.key })),
    alsoMatched: [...new Set(others.map((o) => o.match.compiled.rule.id))].filter((id) => id !== rule.id),
  };
}

/**
 * Interaction alerts. With orders: each order against the other orders, the active drugs and drugs stopped within a
 * rule's wash-out. Without: the active list against itself. One alert per drug pair (the most severe rule).
 */
export function interactionAlerts(input: {
  entries: readonly MedEntry[];
  knowledge: MedsKnowledge;
  state: PatientState;
}): MedAlert[] {
  const { entries, knowledge, state } = input;
  const orders = entries.filter((e) => e.status === 'order');
  const current = entries.filter((e) => e.status !== 'past');
  const pairs: [MedEntry, MedEntry][] = [];
  if (orders.length > 0) {
    orders.forEach((o, i) => {
      orders.slice(i + 1).forEach((p) => pairs.push([o, p]));
      entries.filter((e) => e.status !== 'order').forEach((e) => pairs.push([o, e]));
    });
  } else {
    current.forEach((x, i) => {
      current.slice(i + 1).forEach((y) => pairs.push([x, y]));
    });
  }
  const alerts: MedAlert[] = [];
  for (const [x, y] of pairs) {
    if (x.rxcuis.some((r) => y.rxcuis.includes(r))) {
      continue;
    }
    const evaluated: Evaluated[] = [];
    for (const xr of x.rxcuis) {
      for (const yr of y.rxcuis) {
        let matches = knowledge.match(xr, yr);
        if (y.status === 'past') {
          matches = inWashout(y, matches, state.now);
        }
        matches.forEach((m) => evaluated.push(evaluate(m, { x, y, xr, yr }, { all: entries, current, state })));
      }
    }
    if (evaluated.length === 0) {
      continue;
    }
    evaluated.sort(
      (p, q) =>
        tierRank(p.tier) - tierRank(q.tier) ||
        tierRank(p.match.compiled.rule.tier) - tierRank(q.match.compiled.rule.tier),
    );
    const [best, ...others] = evaluated;
    if (best) {
      alerts.push(toAlert(best, others, { x, y }));
    }
  }
  return alerts;
}
