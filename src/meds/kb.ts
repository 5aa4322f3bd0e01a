import { expandSelector } from './drug-index.js';
import { COMMON_RULES } from './knowledge/ddi-common.js';
import { MORE_COMMON_RULES } from './knowledge/ddi-more.js';
import { PDDI_RULES } from './knowledge/ddi-pddi.js';
import { ONC_HIGH_PRIORITY_RULES } from './knowledge/ddi-onc-high.js';
import { ONC_NON_INTERRUPTIVE_RULES } from './knowledge/ddi-onc-non-interruptive.js';
import type { DdiRule } from './knowledge/schema.js';
import { MEDS_KNOWLEDGE_VERSION } from './knowledge/version.js';

/** A named set of interaction rules (ours, or one loaded at run time). */
export interface KnowledgeSource {
  name: string;
  version: string;
  rules: readonly DdiRule[];
}

/** A rule with its sides expanded to ingredient RxCUIs. */
export interface CompiledRule {
  rule: DdiRule;
  version: string;
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
}

/** A rule that matched a drug pair; `firstIsA` tells which side the first drug is on. */
export interface RuleMatch {
  compiled: CompiledRule;
  firstIsA: boolean;
}

/** Interaction knowledge indexed by ingredient for fast pair look-up. */
export interface MedsKnowledge {
  sources: readonly KnowledgeSource[];
  /** Rules matching a pair of ingredients (either order). */
  match(x: string, y: string): RuleMatch[];
}

/** Vitalis's own interaction rules: ONC high-priority and non-interruptive, HL7 PDDI-CDS, common interactions. */
export const VITALIS_SOURCE: KnowledgeSource = {
  name: 'vitalis',
  version: MEDS_KNOWLEDGE_VERSION,
  rules: [
    ...ONC_HIGH_PRIORITY_RULES,
    ...PDDI_RULES,
    ...COMMON_RULES,
    ...MORE_COMMON_RULES,
    ...ONC_NON_INTERRUPTIVE_RULES,
  ],
};

/** Builds the indexed knowledge from sources (ours first, then any external knowledge bases). */
export function buildKnowledge(sources: readonly KnowledgeSource[] = [VITALIS_SOURCE]): MedsKnowledge {
  const index = new Map<string, { compiled: CompiledRule; side: 'a' | 'b' }[]>();
  const push = (rxcui: string, entry: { compiled: CompiledRule; side: 'a' | 'b' }): void => {
    const list = index.get(rxcui);
    if (list) {
      list.push(entry);
    } else {
      index.set(rxcui, [entry]);
    }
  };
  for (const source of sources) {
    for (const rule of source.rules) {
      const compiled: CompiledRule = {
        rule,
        version: source.version,
        a: expandSelector(rule.a),
        b: expandSelector(rule.b),
      };
      compiled.a.forEach((x) => {
        push(x, { compiled, side: 'a' });
      });
      compiled.b.forEach((x) => {
        push(x, { compiled, side: 'b' });
      });
    }
  }
  return {
    sources,
    match(x: string, y: string): RuleMatch[] {
      const out: RuleMatch[] = [];
      const seen = new Set<CompiledRule>();
      for (const { compiled, side } of index.get(x) ?? []) {
        const other = side === 'a' ? compiled.b : compiled.a;
        if (other.has(y) && !seen.has(compiled)) {
          seen.add(compiled);
          out.push({ compiled, firstIsA: side === 'a' });
        }
      }
      return out;
    },
  };
}

let defaultKnowledge: MedsKnowledge | null = null;

/**
 * Adds a site's licensed or local interaction knowledge (loaded at start-up from `VITALIS_MEDS_KNOWLEDGE`) to our own;
 * every check without explicit knowledge then uses both.
 */
export function useSiteKnowledge(sources: readonly KnowledgeSource[]): MedsKnowledge {
  defaultKnowledge = buildKnowledge([VITALIS_SOURCE, ...sources]);
  return defaultKnowledge;
}

/** The knowledge in use: ours, plus the site's when configured (built once per process, a cache that can be rebuilt). */
export function vitalisKnowledge(): MedsKnowledge {
  defaultKnowledge ??= buildKnowledge();
  return defaultKnowledge;
}
