import { RXNORM_INGREDIENTS } from '../patient/knowledge/rxnorm-ingredients.js';
import { MEDS_DRUGS } from './knowledge/drugs.js';
import type { AnyClass, Selector } from './knowledge/schema.js';

/** One ingredient as the medication-safety engine sees it: the union of both tables' classes. */
export interface DrugInfo {
  rxcui: string;
  name: string;
  classes: ReadonlySet<AnyClass>;
}

function build(): Map<string, DrugInfo> {
  const map = new Map<string, { name: string; classes: Set<AnyClass> }>();
  for (const e of RXNORM_INGREDIENTS) {
    map.set(e.rxcui, { name: e.name, classes: new Set<AnyClass>(e.classes) });
  }
  for (const e of MEDS_DRUGS) {
    const found = map.get(e.rxcui);
    if (found) {
      e.classes.forEach((c) => found.classes.add(c));
    } else {
      map.set(e.rxcui, { name: e.name, classes: new Set<AnyClass>(e.classes) });
    }
  }
  return new Map([...map].map(([rxcui, v]) => [rxcui, { rxcui, name: v.name, classes: v.classes }]));
}

const DRUGS = build();
const byName = new Map<string, string>();
for (const info of DRUGS.values()) {
  byName.set(info.name.toLowerCase(), info.rxcui);
}
for (const e of [...RXNORM_INGREDIENTS, ...MEDS_DRUGS]) {
  for (const alias of e.aliases ?? []) {
    byName.set(alias.toLowerCase(), e.rxcui);
  }
}

/** Every ingredient our tables know. */
export function allDrugs(): IterableIterator<DrugInfo> {
  return DRUGS.values();
}

/** An ingredient by RxCUI. */
export function drugInfo(rxcui: string): DrugInfo | undefined {
  return DRUGS.get(rxcui);
}

/** An ingredient RxCUI by (lower-case) name or alias. */
export function rxcuiByName(name: string): string | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** The classes of an ingredient (empty when unknown). */
export function classesOfRxcui(rxcui: string): ReadonlySet<AnyClass> {
  return DRUGS.get(rxcui)?.classes ?? new Set();
}

/** Expands a selector into the RxCUIs it matches among the known ingredients. */
export function expandSelector(selector: Selector): Set<string> {
  const out = new Set<string>(selector.ingredients ?? []);
  const classes = selector.classes ?? [];
  if (classes.length > 0) {
    for (const info of DRUGS.values()) {
      if (classes.some((c) => info.classes.has(c))) {
        out.add(info.rxcui);
      }
    }
  }
  for (const x of selector.exclude ?? []) {
    out.delete(x);
  }
  return out;
}

/** True when an ingredient matches a selector. */
export function selectorMatches(selector: Selector, rxcui: string): boolean {
  if (selector.exclude?.includes(rxcui) === true) {
    return false;
  }
  if (selector.ingredients?.includes(rxcui) === true) {
    return true;
  }
  const classes = classesOfRxcui(rxcui);
  return (selector.classes ?? []).some((c) => classes.has(c));
}
