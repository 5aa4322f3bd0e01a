import type { Candidate, DetectInput, Detector } from '../types.js';

/**
 * Professions where they identify someone (i2b2 PROFESSION), only in explicit employment phrases ("works as a
 * crane operator", "employed as an air traffic controller"); a bare job word in a history is left alone.
 */
const EMPLOYMENT =
  /\b(?:works?|worked|working|employed|retired|job|occupation|profession)\s*(?:as|:)\s+(?:an?\s+|the\s+)?((?:[a-z][a-z-]+\s){0,2}[a-z][a-z-]+)(?=\s+(?:at|for|in|with|since|and|until)\b|[.,;)\n]|$)/gi;

/** Detector for professions in employment phrases. */
export const professionDetector: Detector = {
  name: 'professions',
  detect(input: DetectInput): Candidate[] {
    const out: Candidate[] = [];
    for (const m of input.text.matchAll(EMPLOYMENT)) {
      const value = m[1] ?? '';
      const start = m.index + m[0].length - value.length;
      out.push({ start, end: start + value.length, category: 'PROFESSION', score: 0.6, source: 'professions' });
    }
    return out;
  },
};
