/** Readability of plain-language text: Flesch–Kincaid grade for English, language-specific reading ease elsewhere. */

export type LetterLanguage = 'en' | 'fr' | 'es' | 'de';

/** A readability measurement with an (approximate, outside English) US school grade. */
export interface Readability {
  measure: 'flesch-kincaid-grade' | 'kandel-moles' | 'fernandez-huerta' | 'amstad';
  /** The raw score of the measure (a grade for Flesch–Kincaid, a 0–100 reading ease otherwise). */
  score: number;
  grade: number;
  words: number;
  sentences: number;
}

const VOWELS = /[aeiouyàâäáéèêëíìîïóòôöúùûüœæ]+/gi;

/** Counts syllables with vowel groups (English drops a silent final e). */
export function syllables(word: string, language: LetterLanguage): number {
  const w = word.toLowerCase().replace(/[^a-zàâäáéèêëíìîïóòôöúùûüœæçñß]/g, '');
  if (w === '') return 0;
  let n = (w.match(VOWELS) ?? []).length;
  if (language === 'en' && /[^aeiou]e$/.test(w) && !/le$/.test(w) && n > 1) n -= 1;
  if (language === 'fr' && /[^aeiouy]es?$/.test(w) && n > 1) n -= 1;
  return Math.max(1, n);
}

/** Flesch's reading ease bands mapped to US grades (90+ = grade 5 ... 0 = graduate). */
function easeToGrade(ease: number): number {
  const points: [number, number][] = [
    [100, 4],
    [90, 5],
    [80, 6],
    [70, 7],
    [60, 9],
    [50, 12],
    [30, 16],
    [0, 18],
  ];
  if (ease >= 100) return 4;
  for (let i = 1; i < points.length; i += 1) {
    const [e1, g1] = points[i - 1] ?? [100, 4];
    const [e2, g2] = points[i] ?? [0, 18];
    if (ease >= e2) return g1 + ((e1 - ease) / (e1 - e2)) * (g2 - g1);
  }
  return 18;
}

/** Measures a text in its language. */
export function readability(text: string, language: LetterLanguage): Readability {
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => /\p{L}/u.test(s)).length);
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const n = Math.max(1, words.length);
  const syl = words.reduce((t, w) => t + syllables(w, language), 0);
  const wps = n / sentences;
  const spw = syl / n;
  const round = (x: number): number => Math.round(x * 10) / 10;
  switch (language) {
    case 'en': {
      const grade = 0.39 * wps + 11.8 * spw - 15.59;
      return {
        measure: 'flesch-kincaid-grade',
        score: round(grade),
        grade: round(Math.max(0, grade)),
        words: words.length,
        sentences,
      };
    }
    case 'fr': {
      const ease = 207 - 1.015 * wps - 73.6 * spw;
      return {
        measure: 'kandel-moles',
        score: round(ease),
        grade: round(easeToGrade(ease)),
        words: words.length,
        sentences,
      };
    }
    case 'es': {
      const ease = 206.84 - 60 * spw - 1.02 * wps;
      return {
        measure: 'fernandez-huerta',
        score: round(ease),
        grade: round(easeToGrade(ease)),
        words: words.length,
        sentences,
      };
    }
    case 'de': {
      const ease = 180 - wps - 58.5 * spw;
      return { measure: 'amstad', score: round(ease), grade: round(easeToGrade(ease)), words: words.length, sentences };
    }
  }
}
