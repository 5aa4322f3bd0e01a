import type { Candidate, DetectInput, Detector } from '../types.js';

const AGE_PATTERNS: readonly RegExp[] = [
  /\b(\d{2,3})(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)(?:old|of age|o\.?(?=\W))/gi,
  /\b(\d{2,3})\s*(?:yo|y\/o|y\.o\.|yr old)(?![\w/])/g,
  /\b(?:aged?|age:|age of|aged about|age at death)\s*(\d{2,3})\b/gi,
  /\b(\d{2,3})(?:-|\s)year(?:-|\s)old\b/gi,
  /\b(?:in (?:his|her|their) |(?:a |an )?)(?:(?:early|mid|late)[- ])?(\d{2,3})['’]?s\b(?=\s*(?:male|female|man|woman|patient|pt|yo|year|,|\.))/gi,
];

const WORD_AGES =
  /\b(?:ninety|one hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:[- ]years?[- ]old| years? of age)/gi;

/** Ages at or over the threshold (Safe Harbor: 90): "92-year-old", "aged 94", "91 yo", "in her 90s". */
export const ageDetector: Detector = {
  name: 'ages',
  detect(input: DetectInput): Candidate[] {
    const { text, options } = input;
    const out: Candidate[] = [];
    for (const re of AGE_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const num = m[1] ?? '';
        const age = Number(num);
        if (!Number.isFinite(age) || age < options.ageThreshold || age > 130) {
          continue;
        }
        const start = m.index + m[0].indexOf(num);
        out.push({ start, end: start + num.length, category: 'AGE', score: 0.9, source: 'ages' });
      }
    }
    for (const m of text.matchAll(WORD_AGES)) {
      out.push({ start: m.index, end: m.index + m[0].length, category: 'AGE', score: 0.9, source: 'ages' });
    }
    return out;
  },
};
