import type { ObservationGroup, ObservationSeries, SeriesPoint } from './context-schema.js';
import type { ObservationFact } from './fact-schema.js';
import { loincEntry } from './units.js';

function trendOf(points: readonly SeriesPoint[]): ObservationSeries['trend'] {
  const last = points[points.length - 1];
  const previous = points[points.length - 2];
  if (!last || !previous) {
    return null;
  }
  const tolerance = Math.abs(previous.value) * 0.01;
  if (Math.abs(last.value - previous.value) <= tolerance) {
    return 'stable';
  }
  return last.value > previous.value ? 'up' : 'down';
}

/**
 * Groups observation facts (sorted newest first) into one series per code: the latest fact and the numeric points
 * in one unit (the canonical one when known, else the latest value's unit), oldest first.
 */
export function observationGroup(factsNewestFirst: ObservationFact[]): ObservationGroup {
  const byKey = new Map<string, ObservationFact[]>();
  for (const fact of factsNewestFirst) {
    if (!fact.code) {
      continue;
    }
    const key = `${fact.code.system ?? ''}|${fact.code.code}`;
    const list = byKey.get(key);
    if (list) {
      list.push(fact);
    } else {
      byKey.set(key, [fact]);
    }
  }
  const series: ObservationSeries[] = [];
  for (const [key, facts] of byKey) {
    const latest = facts[0];
    if (!latest?.code) {
      continue;
    }
    const latestUnit = latest.value?.type === 'quantity' ? latest.value.unit : null;
    const unit = loincEntry(latest.loinc)?.unit ?? latestUnit;
    const points: SeriesPoint[] = [];
    for (let i = facts.length - 1; i >= 0; i--) {
      const f = facts[i];
      if (f?.value?.type === 'quantity' && f.value.unit === unit) {
        points.push({ factId: f.id, time: f.effectiveTime, value: f.value.value });
      }
    }
    series.push({
      key,
      code: latest.code,
      text: latest.text,
      vitalSign: latest.vitalSign,
      unit,
      latest,
      points,
      trend: trendOf(points),
    });
  }
  series.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { facts: factsNewestFirst, series };
}
