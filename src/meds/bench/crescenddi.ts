import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rxcuiByName } from '../drug-index.js';
import type { MedsKnowledge } from '../kb.js';
import { readSharedCsv } from './shared-data.js';

/** CRESCENDDI figures for one knowledge configuration. */
export interface CrescenddiFigures {
  recall: number;
  negativeAlertRate: number;
  negativeInterruptiveRate: number;
  positivePairs: number;
  negativePairs: number;
  /** Pairs whose two drugs we could map to RxNorm ingredients. */
  mappedPositive: number;
  mappedNegative: number;
}

/** Name -> RxCUI from our tables, then the RxNorm prescribable ingredient list and the ONC member lists. */
export function crescenddiNameMap(dataDir: string): (name: string) => string | undefined {
  const table = new Map<string, string>();
  for (const r of readSharedCsv(dataDir, 'rxnorm-prescribable-2025-10/ingredients.csv')) {
    table.set((r['name'] ?? '').toLowerCase(), r['rxcui'] ?? '');
  }
  for (const file of ['onc-ddi/onc_high_priority_members.csv', 'onc-ddi/onc_non_interruptive_members.csv']) {
    for (const r of readSharedCsv(dataDir, file)) {
      if (/^\d+$/.test(r['ingredient_rxcui'] ?? '')) {
        table.set((r['drug_name'] ?? '').toLowerCase(), r['ingredient_rxcui'] ?? '');
      }
    }
  }
  // Last resort: the ANSM thesaurus' substance -> RxCUI map (many INNs are spelt alike once accents are removed).
  for (const line of readFileSync(join(dataDir, 'ansm-thesaurus/rxnorm_mappings.tsv'), 'utf8').split('\n').slice(1)) {
    const [substance, rxcui] = line.split('\t');
    const key = (substance ?? '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim();
    if (key && rxcui && /^\d+$/.test(rxcui.trim()) && !table.has(key)) {
      table.set(key, rxcui.trim());
    }
  }
  return (name: string): string | undefined => {
    const n = name.trim().toLowerCase();
    const acid = /^(\w+)ate$/.exec(n)?.[1];
    return (
      rxcuiByName(n) ??
      table.get(n) ??
      table.get(n.replace(/ (hydrochloride|sodium|potassium|calcium)$/, '')) ??
      table.get(`${n}e`) ??
      (acid ? table.get(`acide ${acid}ique`) : undefined)
    );
  };
}

function distinctPairs(rows: Record<string, string>[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const r of rows) {
    const a = (r['DRUG_1_CONCEPT_NAME'] ?? '').toLowerCase();
    const b = (r['DRUG_2_CONCEPT_NAME'] ?? '').toLowerCase();
    seen.set([a, b].sort().join('|'), [a, b]);
  }
  return [...seen.values()];
}

/** Recall on positive controls (any tier) and alert rates on negative controls, over distinct drug pairs. */
export function evaluateCrescenddi(
  kb: MedsKnowledge,
  dataDir: string,
  nameMap = crescenddiNameMap(dataDir),
): CrescenddiFigures {
  const positives = distinctPairs(readSharedCsv(dataDir, 'crescenddi-eval/positive_controls.csv'));
  const negatives = distinctPairs(readSharedCsv(dataDir, 'crescenddi-eval/negative_controls.csv'));
  const judge = (pair: [string, string]): { mapped: boolean; alert: boolean; interruptive: boolean } => {
    const a = nameMap(pair[0]);
    const b = nameMap(pair[1]);
    if (!a || !b) {
      return { mapped: false, alert: false, interruptive: false };
    }
    const matches = kb.match(a, b);
    return {
      mapped: true,
      alert: matches.length > 0,
      interruptive: matches.some((m) => m.compiled.rule.tier !== 'informational'),
    };
  };
  const pos = positives.map(judge);
  const neg = negatives.map(judge);
  const share = (xs: boolean[]): number => (xs.length === 0 ? 0 : xs.filter(Boolean).length / xs.length);
  return {
    recall: share(pos.map((p) => p.alert)),
    negativeAlertRate: share(neg.map((n) => n.alert)),
    negativeInterruptiveRate: share(neg.map((n) => n.interruptive)),
    positivePairs: positives.length,
    negativePairs: negatives.length,
    mappedPositive: pos.filter((p) => p.mapped).length,
    mappedNegative: neg.filter((n) => n.mapped).length,
  };
}
