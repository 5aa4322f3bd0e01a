import type { Token } from './normalize.js';

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

const PRE_NEGATION = [
  'no',
  'not',
  'denies',
  'denied',
  'deny',
  'denying',
  'without',
  'negative for',
  'free of',
  'absence of',
  'absent',
  'never',
  'nor',
  'neither',
  'no evidence of',
  'no sign of',
  'no signs of',
  'rules out',
  'ruled out',
  'non',
  'unremarkable for',
];
const PSEUDO_NEGATION = [
  'no further',
  'not only',
  'no change',
  'not certain',
  'gram negative',
  'no longer',
  'not been able',
];
const POST_NEGATION = ['absent', 'negative', 'ruled out', 'not present', 'not seen', 'denied', 'resolved'];
/** "normal" negates only right after the finding or after a copula ("troponin was normal", not "fever and normal WBC"). */
const POST_NORMAL = new Set(['normal', 'unremarkable']);
const COPULAS = new Set(['is', 'was', 'were', 'are', 'remains', 'remained']);
const TERMINATORS = new Set([
  'but',
  'however',
  'although',
  'though',
  'except',
  'apart',
  'aside',
  'yet',
  'which',
  'who',
  'presents',
  'presented',
  'presenting',
  'complains',
  'complained',
  'reports',
  'reported',
  'has',
  'had',
  'now',
  'today',
  'she',
  'he',
  'patient',
  'pt',
  'positive',
  'endorses',
  'notes',
  'admits',
  'because',
  'due',
  'since',
  'secondary',
  'developed',
  'started',
  'began',
  'found',
]);
const UNCERTAIN = [
  'rule out',
  'r o',
  'to exclude',
  'concern for',
  'concerning for',
  'evaluate for',
  'evaluation for',
  'suspected',
  'suspect',
  'possible',
  'questionable',
  'cannot exclude',
  'return for',
  'return if',
  'watch for',
  'risk of',
  'at risk for',
];
const FAMILY_SCOPE = ['family history', 'fhx', 'fh', 'family hx', 'runs in the family', 'familial history'];
const RELATIVES = new Set([
  'mother',
  'father',
  'sister',
  'brother',
  'sibling',
  'siblings',
  'aunt',
  'uncle',
  'grandmother',
  'grandfather',
  'parent',
  'parents',
  'cousin',
  'mom',
  'dad',
]);
const RELATIVE_VERBS = new Set(['has', 'had', 'with', 'died', 'diagnosed', 'history', 'suffered', 'suffers']);
const PAST_SCOPE = [
  'history of',
  'hx of',
  'h o',
  'pmh',
  'past medical history',
  'medical history',
  'previous',
  'previously',
  'prior',
  'known',
  'past history of',
  'in the past',
];
const DURATION_WORDS = /^(hour|day|week|month|year|hr|wk|mo|yr)s?$/;

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

/** Words that also end a past- or family-history scope (the sentence moves on to the current story). */
const HISTORY_TERMINATORS = new Set([
  'is',
  'was',
  'are',
  'were',
  'witnessed',
  'comes',
  'came',
  'brought',
  'seen',
  'today',
  'now',
  'currently',
  'this',
]);

function scopeEnd(tokens: readonly Token[], from: number, sentence: readonly boolean[], history = false): number {
  let j = from;
  while (j < tokens.length && !sentence[j]) {
    const raw = tokens[j]?.raw ?? '';
    if (TERMINATORS.has(raw) || (history && HISTORY_TERMINATORS.has(raw))) {
      break;
    }
    j++;
  }
  return j;
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
      mark(i + neg, scopeEnd(tokens, i + neg, sentence), 'negated');
    }
    const unsure = longest(tokens, i, UNCERTAIN);
    if (unsure > 0) {
      mark(i + unsure, scopeEnd(tokens, i + unsure, sentence), 'uncertain');
    }
    const fam = longest(tokens, i, FAMILY_SCOPE);
    if (fam > 0) {
      mark(i + fam, scopeEnd(tokens, i + fam, sentence, true), 'family');
    } else if (
      RELATIVES.has(tokens[i]?.raw ?? '') &&
      [1, 2].some((k) => RELATIVE_VERBS.has(tokens[i + k]?.raw ?? ''))
    ) {
      mark(i + 1, scopeEnd(tokens, i + 2, sentence, true), 'family');
    }
    const past = longest(tokens, i, PAST_SCOPE);
    const durationBefore = [1, 2].some((k) => DURATION_WORDS.test(tokens[i - k]?.raw ?? ''));
    const presentIllness = startsWith(tokens, i, 'history of present') > 0;
    if (past > 0 && !durationBefore && !presentIllness) {
      mark(i + past, scopeEnd(tokens, i + past, sentence, true), 'past');
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
