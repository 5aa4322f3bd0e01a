import { FIRST_NAMES } from '../dictionaries/first-names.js';
import { LAST_NAMES } from '../dictionaries/last-names.js';
import { COMMON_WORDS, DRUG_NAMES, EPONYMS_SET, EPONYM_HEADS, STRONG_EPONYM_HEADS } from '../dictionaries/survivors.js';
import { sentenceInitial, tokenize, type Token } from '../tokens.js';
import type { Candidate, DetectInput, Detector } from '../types.js';
import { CREDENTIAL_WORDS, CREDENTIALS, PARTICLES, PERSON_CUES, PERSON_PHRASES, TITLES } from './name-cues.js';

/** True when a token is followed by ('s) and an eponym head noun ("Bell's palsy", "Foley catheter"). */
export function eponymUse(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) {
    return false;
  }
  // Hyphenated eponym pairs ("Stevens-Johnson") count when any part is a known eponym.
  const parts = t.norm.replace(/s$/, '').split('-');
  const next = tokens[i + 1];
  const gap = next ? text.slice(t.end, next.start) : '';
  const known = parts.some((p) => EPONYMS_SET.has(p)) || /['’]s?$/.test(t.raw);
  const headOk = (w: Token): boolean => STRONG_EPONYM_HEADS.has(w.norm) || (known && EPONYM_HEADS.has(w.norm));
  const headNext = next !== undefined && /^(?:['’]s?|s['’])?\s{1,2}$/.test(gap) && headOk(next);
  const afterNext = tokens[i + 2];
  const headAfter =
    next !== undefined &&
    afterNext !== undefined &&
    /^\s$/.test(text.slice(next.end, afterNext.start)) &&
    (next.cap || next.norm === 'and' || /-/.test(text.slice(t.end, next.start))) &&
    headOk(afterNext);
  const possessive = /^['’]s?\s/.test(text.slice(t.end, t.end + 3)) || /s['’]\s/.test(text.slice(t.end - 1, t.end + 2));
  if (headNext || headAfter) {
    return true;
  }
  return possessive && parts.some((p) => EPONYMS_SET.has(p)) && next !== undefined && !next.cap;
}

function nameLike(t: Token): boolean {
  return t.cap && !t.upper ? t.raw.length >= 2 : t.upper && (FIRST_NAMES.has(t.norm) || LAST_NAMES.has(t.norm));
}

function isCommon(t: Token): boolean {
  return COMMON_WORDS.has(t.norm) || DRUG_NAMES.has(t.norm);
}

interface Chain {
  from: number;
  to: number;
}

/** Builds runs of capitalized tokens, initials and particles separated by single spaces (or "LAST, First"). */
function chains(text: string, tokens: readonly Token[]): Chain[] {
  const out: Chain[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !(nameLike(t) || t.initial || t.upper)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const a = tokens[j];
      const b = tokens[j + 1];
      if (!a || !b) {
        break;
      }
      const gap = text.slice(a.end, b.start);
      const dict = (x: Token): boolean => FIRST_NAMES.has(x.norm) || LAST_NAMES.has(x.norm);
      const commaOk = a.upper || b.upper || (j === i && a.cap && b.cap && (dict(a) || dict(b)) && lineStart(text, a));
      const okGap = /^(?:\.?[ \t]{1,2}|\.|,[ \t]?)$/.test(gap) && !(gap.startsWith(',') && !commaOk);
      const okTok =
        (nameLike(b) || b.initial || b.upper || (PARTICLES.has(b.norm) && !b.cap)) && !CREDENTIAL_WORDS.has(b.raw);
      if (!okGap || !okTok || j - i >= 4) {
        break;
      }
      j++;
    }
    out.push({ from: i, to: j });
    i = j + 1;
  }
  return out;
}

/** What follows a person's name in a header ("Jane Roe (MRN ...", "Jane Roe, born ...", "Jane Roe, DOB"). */
const IDENTITY_AFTER =
  /^\s*[(,]\s*(?:MRN|MR#|DOB|D\.O\.B|born|age[ds]?\b|\d{1,3}\s*(?:y\b|yo\b|y\/o|-?year)|SSN|pt id|patient id)/i;

function lineStart(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.start - 30), t.start);
  return /(?:^|\n)[ \t]*$/.test(before) || /(?:name|patient|pt)\s*:\s*$/i.test(before);
}

function preceding(text: string, t: Token): string {
  return text.slice(Math.max(0, t.start - 40), t.start);
}

function titled(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || !TITLES.has(prev.norm)) {
    return false;
  }
  const gap = text.slice(prev.end, tokens[i]?.start ?? prev.end);
  return /^\.?\s{1,2}$/.test(gap);
}

function cued(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) {
    return false;
  }
  const before = preceding(text, t);
  if (PERSON_PHRASES.some((re) => re.test(before))) {
    return true;
  }
  const prev = tokens[i - 1];
  return prev !== undefined && PERSON_CUES.has(prev.norm) && /^[,:]?\s{1,2}$/.test(text.slice(prev.end, t.start));
}

type Strength = 'strong' | 'weak' | 'none';

function strength(text: string, tokens: readonly Token[], i: number): Strength {
  const t = tokens[i];
  if (!t) {
    return 'none';
  }
  if (eponymUse(text, tokens, i)) {
    return 'none';
  }
  const dict = FIRST_NAMES.has(t.norm) || LAST_NAMES.has(t.norm);
  if (dict && !isCommon(t) && !EPONYMS_SET.has(t.norm)) {
    return 'strong';
  }
  return dict ? 'weak' : 'none';
}

function acceptChain(text: string, tokens: readonly Token[], chain: Chain): Candidate | null {
  // Trim common words at the edges (sentence-start "Patient", trailing "Hospital" belongs to another detector).
  let { from, to } = chain;
  while (from <= to && TITLES.has(tokens[from]?.norm ?? '') && from < to) {
    from++;
  }
  const cueAtStart = titled(text, tokens, from) || cued(text, tokens, from);
  const dictName = (t: Token): boolean => FIRST_NAMES.has(t.norm) || LAST_NAMES.has(t.norm);
  const junk = (t: Token): boolean =>
    (COMMON_WORDS.has(t.norm) && !dictName(t)) ||
    DRUG_NAMES.has(t.norm) ||
    (t.upper && !dictName(t) && !cueAtStart) ||
    (EPONYMS_SET.has(t.norm) && !cueAtStart && !dictName(t));
  while (from <= to) {
    const t = tokens[from];
    if (t && junk(t) && !(cueAtStart && t === tokens[chain.from] && !COMMON_WORDS.has(t.norm) && !t.upper)) {
      from++;
      continue;
    }
    break;
  }
  while (to >= from) {
    const t = tokens[to];
    if (t && junk(t) && !t.initial) {
      to--;
      continue;
    }
    break;
  }
  // A sentence-initial word that is not a name, before a known name ("Call Jane Roe"), is a verb or header word.
  const head = tokens[from];
  const second = tokens[from + 1];
  if (
    head &&
    second &&
    from < to - 1 &&
    !cueAtStart &&
    !dictName(head) &&
    dictName(second) &&
    !second.initial &&
    sentenceInitial(text, head)
  ) {
    from++;
  }
  if (from > to) {
    return null;
  }
  const span = tokens.slice(from, to + 1);
  const words = span.filter((t) => !t.initial && !PARTICLES.has(t.norm));
  const hasInitial = span.some((t) => t.initial);
  const lead = tokens[from];
  const tail = tokens[to];
  if (!lead || !tail) {
    return null;
  }
  const titleOrCue = titled(text, tokens, from) || cued(text, tokens, from) || cueAtStart;
  const credential =
    CREDENTIALS.test(text.slice(tail.end, tail.end + 12)) ||
    (span.length >= 2 && !span.some((t) => t.upper) && IDENTITY_AFTER.test(text.slice(tail.end, tail.end + 24)));
  const strengths = span.map((_, k) => strength(text, tokens, from + k));
  const strong = strengths.filter((s) => s === 'strong').length;
  const weak = strengths.filter((s) => s === 'weak').length;
  if (span.some((_, k) => eponymUse(text, tokens, from + k)) && !titled(text, tokens, from)) {
    return null;
  }
  if (span.every((t) => t.upper) && !titled(text, tokens, from) && !/,/.test(text.slice(lead.end, tail.start))) {
    // All-caps runs are acronyms unless a label or a "LAST, FIRST" form says otherwise.
    const labelled = PERSON_PHRASES.some((re) => re.test(preceding(text, lead)));
    if (!labelled || (span.length === 1 && lead.raw.length <= 3)) {
      return null;
    }
  }
  const allUpperNoDict = span.every((t) => t.upper) && strong === 0;
  let score = 0;
  if (titleOrCue || credential) {
    score = allUpperNoDict && !titleOrCue ? 0 : 0.9;
  } else if (strong > 0 && (words.length >= 2 || hasInitial)) {
    score = 0.9;
  } else if (strong > 0 && words.every((w) => !w.upper || w.raw.length > 4)) {
    score = sentenceInitial(text, lead) && words.length === 1 && LAST_NAMES.has(lead.norm) ? 0.6 : 0.75;
  } else if (weak > 0 && words.length >= 2 && !sentenceInitial(text, lead)) {
    score = 0.6;
  } else if (words.length >= 1 && hasInitial && span.length >= 2 && words.every((w) => !w.upper)) {
    // "Szabina J Gelencsér", "Anna S.", "J. Okoro": a name shape even when the words are not in our lists.
    const initialEndsWithDot = tail.initial && text.charAt(tail.end) === '.';
    score = span.length >= 3 || initialEndsWithDot || lead.initial ? 0.7 : 0;
  }
  if (score === 0) {
    return null;
  }
  let end = tail.end;
  if (tail.initial && text.charAt(end) === '.') {
    end++;
  }
  return { start: lead.start, end, category: 'NAME', score, source: 'names' };
}

/** Person names from dictionaries, name shapes and context cues (titles, relatives, "signed by"). */
export const nameDetector: Detector = {
  name: 'names',
  detect(input: DetectInput): Candidate[] {
    const { text } = input;
    const tokens = tokenize(text);
    const out: Candidate[] = [];
    // Lower-case full names ("eva kleist" typed without capitals): a given name and a family name from our lists.
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i];
      const b = tokens[i + 1];
      if (!a || !b || a.cap || b.cap || text.slice(a.end, b.start) !== ' ') {
        continue;
      }
      if (
        FIRST_NAMES.has(a.norm) &&
        LAST_NAMES.has(b.norm) &&
        !isCommon(a) &&
        !isCommon(b) &&
        !EPONYMS_SET.has(a.norm) &&
        !EPONYMS_SET.has(b.norm)
      ) {
        out.push({ start: a.start, end: b.end, category: 'NAME', score: 0.6, source: 'names' });
      }
    }
    for (const chain of chains(text, tokens)) {
      const c = acceptChain(text, tokens, chain);
      if (c) {
        out.push(c);
      }
    }
    return out;
  },
};
