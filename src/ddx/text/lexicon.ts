import { STOPWORDS, tokenize } from './normalize.js';

/** Modifier words a loose match may skip ("swelling in his left calf" ~ "calf swelling"). */
const MODIFIERS = new Set([
  'left',
  'right',
  'bilateral',
  'both',
  'severe',
  'mild',
  'moderate',
  'sudden',
  'acute',
  'sharp',
  'dull',
  'new',
  'recent',
  'persistent',
  'worsening',
  'progressive',
  'marked',
  'slight',
  'very',
  'intermittent',
  'constant',
  'sided',
]);

/** One phrase of the lexicon: the normalized content tokens of a finding's label or synonym. */
export interface Phrase {
  finding: string;
  tokens: string[];
}

/** A phrase found in text: token range (in content-token positions) and the finding id. */
export interface PhraseMatch {
  finding: string;
  first: number;
  last: number;
  /** True when the words occurred in another order within a short window. */
  loose: boolean;
}

/** Content tokens of a phrase (stop words removed), normalized. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase)
    .map((t) => t.norm)
    .filter((t) => !STOPWORDS.has(t));
}

/** A dictionary of KB phrases keyed by first token, matched longest first. */
export class Lexicon {
  private readonly byFirst = new Map<string, Phrase[]>();
  private readonly unordered = new Map<string, string[]>();

  constructor(entries: readonly { id: string; phrases: readonly string[] }[]) {
    const seen = new Set<string>();
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        const tokens = phraseTokens(phrase);
        const key = `${entry.id}|${tokens.join(' ')}`;
        if (tokens.length === 0 || seen.has(key)) {
          continue;
        }
        seen.add(key);
        const p = { finding: entry.id, tokens };
        const list = this.byFirst.get(tokens[0] ?? '') ?? [];
        list.push(p);
        this.byFirst.set(tokens[0] ?? '', list);
        if (tokens.length >= 2 && tokens.length <= 5) {
          const sorted = [...tokens].sort().join(' ');
          const list2 = this.unordered.get(sorted) ?? [];
          if (!list2.includes(entry.id)) {
            list2.push(entry.id);
          }
          this.unordered.set(sorted, list2);
        }
      }
    }
    for (const list of this.byFirst.values()) {
      list.sort((a, b) => b.tokens.length - a.tokens.length);
    }
  }

  /** Finding ids whose phrase is exactly these normalized content tokens. */
  exact(tokens: readonly string[]): string[] {
    const candidates = this.byFirst.get(tokens[0] ?? '') ?? [];
    return candidates
      .filter((p) => p.tokens.length === tokens.length && p.tokens.every((t, k) => t === tokens[k]))
      .map((p) => p.finding);
  }

  /**
   * Finds phrases in a sequence of content tokens: contiguous longest matches first, then phrases whose words
   * occur in another order in a span of the same length ("pain in the chest"), never across `breaks` (clause ends).
   */
  match(tokens: readonly string[], breaks: ReadonlySet<number> = new Set()): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const covered = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i] ?? '') ?? [];
      let best = 0;
      for (const p of candidates) {
        if (p.tokens.length < best) {
          break;
        }
        if (p.tokens.every((t, k) => tokens[i + k] === t && (k === 0 || !breaks.has(i + k)))) {
          best = p.tokens.length;
          out.push({ finding: p.finding, first: i, last: i + p.tokens.length - 1, loose: false });
        }
      }
      if (best > 0) {
        covered.fill(1, i, i + best);
        i += best - 1;
      }
    }
    out.push(...this.looseMatches(tokens, breaks, covered));
    return out;
  }

  private looseMatches(tokens: readonly string[], breaks: ReadonlySet<number>, covered: Uint8Array): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (MODIFIERS.has(tokens[i] ?? '')) {
        continue;
      }
      const words: string[] = [];
      let skipped = 0;
      for (let j = i; j < tokens.length && words.length < 5; j++) {
        if (j > i && breaks.has(j)) {
          break;
        }
        const t = tokens[j] ?? '';
        if (MODIFIERS.has(t) && skipped < 2) {
          skipped++;
          continue;
        }
        words.push(t);
        if (words.length < 2) {
          continue;
        }
        const found = this.unordered.get([...words].sort().join(' '));
        if (!found || covered.subarray(i, j + 1).every((c) => c === 1)) {
          continue;
        }
        for (const finding of found) {
          out.push({ finding, first: i, last: j, loose: true });
        }
      }
    }
    return out;
  }
}
