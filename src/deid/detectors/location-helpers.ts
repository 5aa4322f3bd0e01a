import { SITE_NOUNS } from '../dictionaries/org-words.js';
import { DRUG_NAMES } from '../dictionaries/survivors.js';
import type { Token } from '../tokens.js';
import type { Candidate } from '../types.js';

/** Adds a location candidate. */
export function add(out: Candidate[], c: Omit<Candidate, 'source'>): void {
  out.push({ ...c, source: 'locations' });
}

/** A capitalized (or all-caps) word that is not a drug name. */
export function capWord(t: Token | undefined): boolean {
  return t !== undefined && (t.cap || t.upper) && !DRUG_NAMES.has(t.norm);
}

/** Extends a place over a following site noun ("Boston clinic", "Chicago ER"); returns the new end. */
export function extendSiteNoun(text: string, end: number): number {
  const m = /^\s+((?:[A-Za-z]+)(?:\s[A-Za-z]+)?)/.exec(text.slice(end, end + 30));
  if (!m?.[1]) {
    return end;
  }
  const words = m[1].toLowerCase();
  if (SITE_NOUNS.has(words)) {
    return end + m[0].length;
  }
  const one = words.split(' ')[0] ?? '';
  return SITE_NOUNS.has(one) ? end + m[0].indexOf(m[1]) + one.length : end;
}
