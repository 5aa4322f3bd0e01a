/** A word token with its UTF-16 offsets. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Lowercase, diacritics and apostrophes removed ("O'Brien" -> "obrien"). */
  norm: string;
  /** First letter uppercase. */
  cap: boolean;
  /** Every letter uppercase and at least 2 letters. */
  upper: boolean;
  /** A single uppercase letter (an initial), optionally followed by a period in the text. */
  initial: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*(?:-\p{L}[\p{L}\p{M}]*)*/gu;

/** Lowercases and strips diacritics and apostrophes. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '')
    .toLowerCase();
}

let lastText: string | null = null;
let lastTokens: Token[] = [];

/** Splits text into word tokens (letters, inner apostrophes and hyphens); the last result is cached because every
 * detector tokenizes the same document. Callers must not mutate the returned array. */
export function tokenize(text: string): readonly Token[] {
  if (text === lastText) {
    return lastTokens;
  }
  const out = tokenizeUncached(text);
  lastText = text;
  lastTokens = out;
  return out;
}

function tokenizeUncached(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const first = raw.charAt(0);
    const cap = first !== first.toLowerCase() && first === first.toUpperCase();
    const letters = raw.replace(/[^\p{L}]/gu, '');
    out.push({
      start,
      end: start + raw.length,
      raw,
      norm: normalizeWord(raw),
      cap,
      upper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      initial: raw.length === 1 && cap,
    });
  }
  return out;
}

/** The whitespace/punctuation text between two tokens. */
export function gapBetween(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** True when the token starts a sentence or a line (previous non-space char is . ! ? : or a line start/bullet). */
export function sentenceInitial(text: string, t: Token): boolean {
  for (let i = t.start - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === '\n' || c === '\r') {
      return true;
    }
    if (c === ' ' || c === '\t' || c === '"' || c === '(' || c === '-' || c === '*' || c === '•') {
      continue;
    }
    return c === '.' || c === '!' || c === '?' || c === ':' || c === ';';
  }
  return true;
}
