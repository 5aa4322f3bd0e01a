import type { DifferentialItem } from '../contract.js';
import { conditionPrior, linkWeight, ranking, type InferenceInput, type Posterior } from './inference.js';
import type { Network } from './network.js';

export interface ExplainOptions {
  limit: number;
  /** Conditions below this posterior are left out (can't-miss conditions are kept down to a tenth of it). */
  minProbability: number;
}

/** Weights smaller than this (in natural-log units) are not worth listing as for or against. */
const MIN_WEIGHT = 0.05;

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** DXplain's groups: can't-miss first, then common or rare by the setting prior. */
export function conditionGroup(
  net: Network,
  condition: number,
  input: Omit<InferenceInput, 'evidence'>,
): DifferentialItem['group'] {
  const c = net.conditions[condition];
  if (!c) {
    return 'rare';
  }
  if (c.cantMiss) {
    return 'cant-miss';
  }
  return conditionPrior(c, { ...input, age: null, sex: null }) < net.rareBelow ? 'rare' : 'common';
}

/** Findings for and against a condition with their log-likelihood-ratio weights, and the present ones it leaves unexplained. */
export function explainCondition(
  net: Network,
  posterior: Posterior,
  condition: number,
): Pick<DifferentialItem, 'for' | 'against' | 'unexplained'> {
  const links = net.linkMap[condition];
  const forList: DifferentialItem['for'] = [];
  const against: DifferentialItem['against'] = [];
  const unexplained: string[] = [];
  for (const item of posterior.evidence) {
    const f = net.findings[item.finding];
    if (!f) {
      continue;
    }
    const link = links?.get(item.finding);
    if (link && !(item.derived && item.from.some((s) => links?.has(s)))) {
      const weight = round(linkWeight(net, item, link), 3);
      const entry = {
        finding: f.id,
        label: item.present ? f.label : `no ${f.label.charAt(0).toLowerCase()}${f.label.slice(1)}`,
        weight,
      };
      if (weight >= MIN_WEIGHT) {
        forList.push(entry);
      } else if (weight <= -MIN_WEIGHT) {
        against.push(entry);
      }
    } else if (item.present && !item.derived && f.kind !== 'demographic') {
      const explained = f.implies.some((g) => links?.has(g));
      if (!explained) {
        unexplained.push(f.id);
      }
    }
  }
  forList.sort((a, b) => b.weight - a.weight);
  against.sort((a, b) => a.weight - b.weight);
  return { for: forList, against, unexplained };
}

/** The ranked differential in the JSON contract's shape. */
export function differential(
  net: Network,
  posterior: Posterior,
  input: Omit<InferenceInput, 'evidence'> & ExplainOptions,
): DifferentialItem[] {
  const items: DifferentialItem[] = [];
  for (const ci of ranking(posterior)) {
    const p = posterior.prob[ci] ?? 0;
    const c = net.conditions[ci];
    if (!c || p <= 0) {
      continue;
    }
    const floor = c.cantMiss ? input.minProbability / 10 : input.minProbability;
    if (p < floor) {
      continue;
    }
    items.push({
      condition: c.id,
      name: c.name,
      icd10: c.icd10,
      snomed: c.snomed,
      probability: round(p, 6),
      group: conditionGroup(net, ci, input),
      ...explainCondition(net, posterior, ci),
    });
    if (items.length >= input.limit) {
      break;
    }
  }
  return items;
}
