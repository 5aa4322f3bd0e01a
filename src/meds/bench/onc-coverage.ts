import type { MedsKnowledge } from '../kb.js';
import { readSharedCsv } from './shared-data.js';

/** Coverage of the published ONC member pairs by our rules. */
export interface OncCoverage {
  pairs: number;
  covered: number;
  /** Covered at an interrupting tier (hard-stop or interruptive) for the high-priority list. */
  coverage: number;
  missing: string[];
}

function pairsOf(rows: Record<string, string>[], idKey: string): [string, string, string][] {
  const groups = new Map<string, { object: Set<string>; precipitant: Set<string> }>();
  for (const r of rows) {
    const rxcui = r['ingredient_rxcui'] ?? '';
    const g = r[idKey] ?? '';
    if (!/^\d+$/.test(rxcui)) {
      continue;
    }
    const entry = groups.get(g) ?? { object: new Set<string>(), precipitant: new Set<string>() };
    (r['role'] === 'object' ? entry.object : entry.precipitant).add(rxcui);
    groups.set(g, entry);
  }
  const out: [string, string, string][] = [];
  for (const [g, { object, precipitant }] of groups) {
    for (const a of object) {
      for (const b of precipitant) {
        if (a !== b) {
          out.push([g, a, b]);
        }
      }
    }
  }
  return out;
}

/** Checks every (object, precipitant) member pair of an ONC list against the knowledge. */
export function oncCoverage(kb: MedsKnowledge, dataDir: string, list: 'high' | 'non-interruptive'): OncCoverage {
  const rows =
    list === 'high'
      ? readSharedCsv(dataDir, 'onc-ddi/onc_high_priority_members.csv')
      : readSharedCsv(dataDir, 'onc-ddi/onc_non_interruptive_members.csv');
  const pairs = pairsOf(rows, list === 'high' ? 'group_id' : 'pair_id');
  const missing: string[] = [];
  let covered = 0;
  for (const [g, a, b] of pairs) {
    const matches = kb.match(a, b);
    const ok = list === 'high' ? matches.some((m) => m.compiled.rule.tier !== 'informational') : matches.length > 0;
    if (ok) {
      covered += 1;
    } else {
      missing.push(`${g}:${a}+${b}`);
    }
  }
  return { pairs: pairs.length, covered, coverage: pairs.length === 0 ? 0 : covered / pairs.length, missing };
}
