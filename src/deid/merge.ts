import type { Candidate, PhiSpan } from './types.js';

/** Trims whitespace and trailing punctuation from a candidate's edges. */
function trim(text: string, c: Candidate): Candidate | null {
  let { start, end } = c;
  while (start < end && /[\s,;:]/.test(text.charAt(start))) {
    start++;
  }
  while (end > start && /[\s,;:!?)"\]]/.test(text.charAt(end - 1))) {
    end--;
  }
  if (
    end > start &&
    text.charAt(end - 1) === '.' &&
    !/\b[A-Z]\.$|\b(?:St|Jr|Sr|Ave|Rd|Dr|Blvd|Inc|Co|Ltd|Apt|Ste)\.$/.test(text.slice(Math.max(start, end - 6), end))
  ) {
    end--;
  }
  return end > start ? { ...c, start, end } : null;
}

/**
 * Resolves overlapping candidates into disjoint spans: overlapping candidates are united (no character of either is
 * left), and the category of the longest (then highest-scoring) candidate wins.
 */
export function mergeCandidates(text: string, candidates: readonly Candidate[]): PhiSpan[] {
  const cleaned = candidates
    .map((c) => trim(text, c))
    .filter((c): c is Candidate => c !== null)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhiSpan[] = [];
  let cur: { start: number; end: number; best: Candidate } | null = null;
  const flush = (): void => {
    if (cur) {
      out.push({
        start: cur.start,
        end: cur.end,
        category: cur.best.category,
        text: text.slice(cur.start, cur.end),
      });
    }
  };
  // The longest candidate names the category (a hospital that contains a city stays a hospital); score breaks ties.
  const weight = (c: Candidate): number => (c.end - c.start) * 10 + c.score;
  for (const c of cleaned) {
    if (cur && c.start < cur.end) {
      cur.end = Math.max(cur.end, c.end);
      if (weight(c) > weight(cur.best)) {
        cur.best = c;
      }
      continue;
    }
    flush();
    cur = { start: c.start, end: c.end, best: c };
  }
  flush();
  return out;
}
