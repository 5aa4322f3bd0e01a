import type { Token } from './normalize.js';
import {
  CONJUNCTIONS,
  COPULAS,
  DURATION_WORDS,
  FAMILY_SCOPE,
  HISTORY_TERMINATORS,
  LIST_LEADS,
  PAST_HEADERS,
  PAST_SCOPE,
  POSSESSIVES,
  POST_NEGATION,
  POST_NORMAL,
  PRE_NEGATION,
  PSEUDO_NEGATION,
  RELATIVES,
  RELATIVE_VERBS,
  RELATIVE_WEAK_VERBS,
  TERMINATORS,
  UNCERTAIN,
} from './context-words.js';

/** Per-token context: inside a negation scope, a family-history scope or a past-history scope. */
export interface TokenContext {
  negated: boolean;
  /** Hypothetical or uncertain ("rule out", "concern for", "if ... develops"): neither present nor absent. */
  uncertain: boolean;
  family: boolean;
  past: boolean;
  /** The token starts a new sentence. */
  sentenceStart: boolean;
  /** The token starts a new clause (sentence start, comma, colon, parenthesis). */
  clauseStart: boolean;
}

function startsWith(tokens: readonly Token[], i: number, phrase: string): number {
  const words = phrase.split(' ');
  for (let k = 0; k < words.length; k++) {
    if (tokens[i + k]?.raw !== words[k]) {
      return 0;
    }
  }
  return words.length;
}

function longest(tokens: readonly Token[], i: number, phrases: readonly string[]): number {
  return phrases.reduce((best, p) => Math.max(best, startsWith(tokens, i, p)), 0);
}

/** True when line breaks after `at` are a hard wrap inside a sentence (the line is long; blank lines may follow). */
function wrapped(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart >= 50;
}

/** Marks sentence and clause starts from the punctuation between tokens (a dot inside a decimal number is no break). */
export function markBreaks(text: string, tokens: readonly Token[]): { sentence: boolean[]; clause: boolean[] } {
  const sentence: boolean[] = [];
  const clause: boolean[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (!prev) {
      sentence.push(true);
      clause.push(true);
      return;
    }
    const gap = text.slice(prev.end, t.start);
    const decimal = gap === '.' && /^[0-9]+$/.test(prev.raw) && /^[0-9]+$/.test(t.raw);
    const punctuation = !decimal && /[.!?;]/.test(gap);
    const newline = gap.includes('\n') && !wrapped(text, prev.end);
    const isSentence = punctuation || (newline && /\n\s*\n/.test(gap));
    sentence.push(isSentence);
    clause.push(isSentence || newline || /[,:()[\]]/.test(gap));
  });
  return { sentence, clause };
}

/**
 * How far a scope runs over later clauses: 'sentence' to the sentence end, 'list' through a comma list until the
 * clause after its last conjunction ("no fever, cough or rash, ..."), 'clause' to the next comma.
 */
type ScopeMode = 'sentence' | 'list' | 'clause';

interface ScopeOptions {
  sentence: readonly boolean[];
  clause: readonly boolean[];
  history?: boolean;
  mode?: ScopeMode;
}

function scopeEnd(tokens: readonly Token[], from: number, opts: ScopeOptions): number {
  const mode = opts.mode ?? 'sentence';
  let conjunction = false;
  let j = from;
  while (j < tokens.length && !opts.sentence[j]) {
    const raw = tokens[j]?.raw ?? '';
    if (TERMINATORS.has(raw) || (opts.history && HISTORY_TERMINATORS.has(raw))) {
      break;
    }
    if (j > from && opts.clause[j]) {
      // A new clause: it ends a single-item scope, a finished list, or starts its own item ("..., with a rash").
      // A single-item scope followed by "A, B or C" is a disjunctive list under the negation ("without X, Y or Z").
      const single = mode === 'clause' && !(raw !== 'with' && !conjunction && disjunctionAhead(tokens, j, opts));
      if (single || (mode !== 'sentence' && (conjunction || raw === 'with'))) {
        break;
      }
    }
    if (CONJUNCTIONS.has(raw)) {
      conjunction = true;
    }
    j++;
  }
  return j;
}

/** True when an "or"/"nor" closes the comma list starting at `from` before the sentence or the list ends. */
function disjunctionAhead(tokens: readonly Token[], from: number, opts: ScopeOptions): boolean {
  for (let j = from; j < tokens.length && !opts.sentence[j]; j++) {
    const raw = tokens[j]?.raw ?? '';
    if (raw === 'or' || raw === 'nor') {
      return true;
    }
    if (raw === 'and' || TERMINATORS.has(raw) || (j > from && opts.clause[j] && raw === 'with')) {
      return false;
    }
  }
  return false;
}

/** The scope mode of a negation trigger: a list after a clause start or a verb, one item after a noun ("eyes without discharge"). */
function negationMode(tokens: readonly Token[], i: number, clause: readonly boolean[]): ScopeMode {
  if (clause[i] || LIST_LEADS.has(tokens[i - 1]?.raw ?? '')) {
    return 'list';
  }
  return 'clause';
}

/** A relative as a subject: "mother had", "her father has", "Mother has: …" (not "a breastfeeding mother with"). */
function isFamilyRelative(tokens: readonly Token[], i: number, clause: readonly boolean[]): boolean {
  if (!RELATIVES.has(tokens[i]?.raw ?? '')) {
    return false;
  }
  const next = [1, 2].map((k) => tokens[i + k]?.raw ?? '');
  if (next.some((w) => RELATIVE_VERBS.has(w))) {
    return true;
  }
  const possessive = POSSESSIVES.has(tokens[i - 1]?.raw ?? '') || (clause[i] ?? false);
  return possessive && next.some((w) => RELATIVE_WEAK_VERBS.has(w));
}

/** NegEx-style scopes: negation (pre-triggers until a terminator or sentence end), family and past history. */
export function tokenContexts(text: string, tokens: readonly Token[]): TokenContext[] {
  const { sentence, clause } = markBreaks(text, tokens);
  const ctx: TokenContext[] = tokens.map((_, i) => ({
    negated: false,
    uncertain: false,
    family: false,
    past: false,
    sentenceStart: sentence[i] ?? false,
    clauseStart: clause[i] ?? false,
  }));
  const mark = (from: number, to: number, key: 'negated' | 'uncertain' | 'family' | 'past'): void => {
    for (let k = from; k < to; k++) {
      const c = ctx[k];
      if (c) {
        c[key] = true;
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    if (longest(tokens, i, PSEUDO_NEGATION) > 0) {
      i += longest(tokens, i, PSEUDO_NEGATION) - 1;
      continue;
    }
    const neg = longest(tokens, i, PRE_NEGATION);
    if (tokens[i]?.raw === 'non' && text.charAt(tokens[i]?.end ?? 0) === '-') {
      // "non-radiating": the prefix negates the one word it is attached to.
      mark(i + 1, i + 2, 'negated');
    } else if (neg > 0 && tokens[i]?.raw !== 'absent') {
      const mode = negationMode(tokens, i, clause);
      mark(i + neg, scopeEnd(tokens, i + neg, { sentence, clause, mode }), 'negated');
    }
    const unsure = longest(tokens, i, UNCERTAIN);
    if (unsure > 0) {
      mark(i + unsure, scopeEnd(tokens, i + unsure, { sentence, clause, mode: 'list' }), 'uncertain');
    }
    const fam = longest(tokens, i, FAMILY_SCOPE);
    if (fam > 0) {
      mark(i + fam, scopeEnd(tokens, i + fam, { sentence, clause, history: true, mode: 'list' }), 'family');
    } else if (isFamilyRelative(tokens, i, clause)) {
      mark(i + 1, scopeEnd(tokens, i + 2, { sentence, clause, history: true, mode: 'list' }), 'family');
    }
    const past = longest(tokens, i, PAST_SCOPE);
    const durationBefore = [1, 2].some((k) => DURATION_WORDS.test(tokens[i - k]?.raw ?? ''));
    const presentIllness = startsWith(tokens, i, 'history of present') > 0;
    if (past > 0 && !durationBefore && !presentIllness) {
      const phrase = tokens
        .slice(i, i + past)
        .map((t) => t.raw)
        .join(' ');
      // A section header keeps its list; "known", "previous", "history of" qualify one item up to the next comma.
      const mode: ScopeMode = PAST_HEADERS.has(phrase) ? 'sentence' : 'clause';
      mark(i + past, scopeEnd(tokens, i + past, { sentence, clause, history: true, mode }), 'past');
    }
  }
  return ctx;
}

/** True when a post-negation trigger ("… was negative", "… absent") follows token `last` within 3 tokens of its clause. */
export function postNegated(tokens: readonly Token[], last: number, ctx: readonly TokenContext[]): boolean {
  for (let k = last + 1; k <= last + 4 && k < tokens.length; k++) {
    if (ctx[k]?.clauseStart) {
      return false;
    }
    if (POST_NEGATION.some((p) => startsWith(tokens, k, p) > 0)) {
      return true;
    }
    if (POST_NORMAL.has(tokens[k]?.raw ?? '') && (k === last + 1 || COPULAS.has(tokens[k - 1]?.raw ?? ''))) {
      return true;
    }
  }
  return false;
}
