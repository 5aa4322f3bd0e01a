import { ABBREVIATIONS } from './abbreviations.js';

/** Tokenization and spelling normalization shared by the lexicon (KB synonyms) and the text being read. */

export interface Token {
  /** Normalized, stemmed form. */
  norm: string;
  /** Lower-case surface form. */
  raw: string;
  start: number;
  end: number;
}

const SPELLING: [RegExp, string][] = [
  [/rrhoea/g, 'rrhea'],
  [/^oesoph/g, 'esoph'],
  [/^oedem/g, 'edem'],
  [/aem/g, 'em'],
  [/^paed/g, 'ped'],
  [/oestr/g, 'estr'],
  [/isation$/g, 'ization'],
  [/ise$/g, 'ize'],
  [/ised$/g, 'ized'],
  [/ising$/g, 'izing'],
  [/our$/g, 'or'],
  [/tre$/g, 'ter'],
];

/** One test before the replacements: most words need none. */
const SPELLING_HINT = /rrhoea|^oesoph|^oedem|aem|^paed|oestr|is(?:ation|e|ed|ing)$|our$|tre$/;

const NO_STEM = new Set([
  'has',
  'was',
  'is',
  'this',
  'his',
  'its',
  'yes',
  'bus',
  'gas',
  'pus',
  'plus',
  'lens',
  'always',
  'does',
  'goes',
  'thus',
  'less',
  'unless',
  'perhaps',
  'sometimes',
  'hers',
  'ours',
]);

/** Normalizes one lower-case word: British spellings to American, plurals to singular. */
export function normalizeWord(word: string): string {
  let cached = NORMALIZED.get(word);
  if (cached === undefined) {
    cached = normalizeUncached(word);
    if (NORMALIZED.size < 50_000) {
      NORMALIZED.set(word, cached);
    }
  }
  return cached;
}

const NORMALIZED = new Map<string, string>();

function normalizeUncached(word: string): string {
  let w = word;
  if (w.length > 4 && SPELLING_HINT.test(w)) {
    for (const [re, to] of SPELLING) {
      w = w.replace(re, to);
    }
  }
  if (NO_STEM.has(w) || w.length <= 3 || /[0-9]/.test(w)) {
    return w;
  }
  if (w.endsWith('ness') && w.length > 8) {
    return w.slice(0, -4);
  }
  if (w.endsWith('ies') && w.length > 4) {
    return `${w.slice(0, -3)}y`;
  }
  if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) {
    return w.slice(0, -1);
  }
  return w;
}

/** Splits text into word tokens with offsets (letters and digits; hyphens and apostrophes split or join words). */
export function tokenize(text: string, options: { expand?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  const re = /[a-z0-9]+(?:['’][a-z]+)?/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0]
      .toLowerCase()
      .replace(/['’]s$/, '')
      .replace(/['’]/g, '');
    const start = m.index;
    const end = m.index + m[0].length;
    // Two-letter abbreviations count only in capitals ("HA", "AF"); longer ones in any case ("SOB", "sob").
    const expansion =
      options.expand && (raw.length > 2 || m[0] === m[0].toUpperCase()) ? ABBREVIATIONS[raw] : undefined;
    if (expansion !== undefined && expansion !== raw) {
      for (const word of expansion.split(' ')) {
        tokens.push({ norm: normalizeWord(word), raw: word, start, end });
      }
    } else {
      tokens.push({ norm: normalizeWord(raw), raw, start, end });
    }
  }
  return tokens;
}

/** Function words skipped when matching phrases ("pain in the chest" ~ "pain chest"). */
export const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'his', 'her', 'their', 'my', 'to', 'some']);
