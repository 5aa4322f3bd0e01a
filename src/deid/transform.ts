import type { SurrogateGenerator } from './surrogates.js';
import type { DeidMode, PhiSpan } from './types.js';

/** One replacement made in the output, for the reversible mapping. */
export interface Replacement {
  category: PhiSpan['category'];
  original: string;
  replacement: string;
}

/** Output of a transformation. */
export interface Transformed {
  text: string;
  replacements: Replacement[];
}

/** Applies redact, tag or surrogate replacement to disjoint spans (sorted by start). */
export function applySpans(
  text: string,
  spans: readonly PhiSpan[],
  options: { mode: DeidMode; surrogates?: SurrogateGenerator },
): Transformed {
  let out = '';
  let at = 0;
  const replacements: Replacement[] = [];
  for (const s of spans) {
    out += text.slice(at, s.start);
    let rep: string;
    switch (options.mode) {
      case 'redact':
        rep = '[REDACTED]';
        break;
      case 'tag':
        rep = `[${s.category}]`;
        break;
      case 'surrogate':
        rep = options.surrogates ? options.surrogates.surrogate(s.category, s.text) : `[${s.category}]`;
        break;
    }
    replacements.push({ category: s.category, original: s.text, replacement: rep });
    out += rep;
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, replacements };
}
