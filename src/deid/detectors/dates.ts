import type { Candidate, DetectInput, Detector } from '../types.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = "(?:(?:19|20)\\d{2}|['’]\\d{2})";
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';

const PATTERNS: readonly { re: RegExp; score: number }[] = [
  // April 12, 2023 | Jan 2nd | May 30th, 2022 | Sept. 3 '21
  { re: new RegExp(`${WEEKDAY}\\b${MONTH}\\.?\\s+${DAY}(?:,?\\s+(?:of\\s+)?${YEAR})?(?![\\w])`, 'g'), score: 0.9 },
  // 12 April 2023 | 3rd of May | the 3rd of May, 2021
  {
    re: new RegExp(`\\b(?:the\\s+)?${DAY}(?:\\s+of)?[\\s-]+${MONTH}\\.?(?:,?[\\s-]+${YEAR})?(?![\\w])`, 'g'),
    score: 0.9,
  },
  // last December | this past March
  { re: new RegExp(`\\b(?:last|this past|this|next|early|mid|late)[\\s-]+${MONTH}\\b(?!\\s+\\d)`, 'g'), score: 0.7 },
  // April 2023 | Jan '23 | March of 2021
  { re: new RegExp(`\\b${MONTH}\\.?,?\\s+(?:of\\s+)?${YEAR}(?![\\w])`, 'g'), score: 0.85 },
  // 12-Apr-2023 | 12APR2023
  { re: new RegExp(`\\b\\d{1,2}-?${MONTH}-?(?:\\d{4}|\\d{2})\\b`, 'g'), score: 0.9 },
  // 2023-01-02 | 2023/1/2 | 2023.01.02 (with optional time)
  {
    re: /(?<![\w.-])(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-]|\.\d|\/\d)/g,
    score: 0.95,
  },
  // 1/2/23 | 01-02-2023 | 2.1.2023
  { re: /(?<![\w./-])\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\w/-]|\.\d)/g, score: 0.9 },
  // 20230102 with a date cue handled below; 01/2023 month-year
  { re: /(?<![\w./-])(?:0?[1-9]|1[0-2])\/(?:19|20)\d{2}(?![\w/-])/g, score: 0.85 },
];

const HOLIDAY = new RegExp(
  `\\b(?:Christmas(?: Day| Eve)?|Thanksgiving(?: Day)?|New Year['’]s(?: Day| Eve)?|Easter(?: Sunday)?|Halloween|Independence Day|Memorial Day|Labor Day|Veterans Day|Valentine['’]s Day|Mother['’]s Day|Father['’]s Day)(?:,?\\s+${YEAR})?`,
  'g',
);
const SHORT_MD = /(?<![\w./-])(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)/g;
const SHORT_CUE =
  /\b(?:on|since|from|until|till|through|thru|dated|as of|by|before|after|DOB|DOS|date|admitted|discharged|seen|started|stopped|last|next|due)\W{0,3}$/i;
const APOSTROPHE_YEAR = /(?<![\w'’])['’]\d{2}(?![\w'’])/g;
const COMPACT = /(?<![\w.])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w.])/g;
const BARE_YEAR = /(?<![\w./-])(?:19|20)\d{2}(?![\w/-]|\.\d)/g;

function validNumeric(raw: string): boolean {
  const parts = raw.split(/[-/.T ]/).map(Number);
  if (parts.length < 3) {
    return true;
  }
  const [a = 0, b = 0, c = 0] = parts;
  if (raw.length >= 8 && /^\d{4}/.test(raw)) {
    return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  }
  // m/d/y or d/m/y
  const md = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  const dm = b >= 1 && b <= 12 && a >= 1 && a <= 31;
  return md || dm;
}

/** Dates in the common formats ("1/2/23", "Jan 2nd", "'23" after a month, "2023-01-02", "the 3rd of May"), holidays
 * with a year, and bare years when configured. */
export const dateDetector: Detector = {
  name: 'dates',
  detect(input: DetectInput): Candidate[] {
    const { text, options } = input;
    const out: Candidate[] = [];
    const add = (start: number, end: number, score: number): void => {
      out.push({ start, end, category: 'DATE', score, source: 'dates' });
    };
    for (const p of PATTERNS) {
      for (const m of text.matchAll(p.re)) {
        const raw = m[0];
        if (/^[\d/.-]+(?:[T ][\d:.Z+-]*)?$/.test(raw) && !validNumeric(raw)) {
          continue;
        }
        // "May" alone as a modal verb: require a digit in a May match.
        if (/^(?:May|MAY)\b/.test(raw.replace(/^\w+day,?\s+/, '')) && !/\d/.test(raw)) {
          continue;
        }
        // "1.2.23" decimals in lab lines: require a 4-digit year or a separator other than "." for short forms.
        if (/^\d{1,2}\.\d{1,2}\.\d{2}$/.test(raw)) {
          continue;
        }
        add(m.index, m.index + raw.length, p.score);
      }
    }
    for (const m of text.matchAll(HOLIDAY)) {
      const hasYear = /\d/.test(m[0]);
      const cue = /\b(?:on|over|at|since|after|before|around|during|for)\s+$/i.test(
        text.slice(Math.max(0, m.index - 10), m.index),
      );
      if (hasYear || cue) {
        add(m.index, m.index + m[0].length, 0.8);
      }
    }
    for (const m of text.matchAll(SHORT_MD)) {
      if (SHORT_CUE.test(text.slice(Math.max(0, m.index - 14), m.index))) {
        add(m.index, m.index + m[0].length, 0.8);
      }
    }
    for (const m of text.matchAll(APOSTROPHE_YEAR)) {
      if (
        /\b(?:in|since|of|from|until|summer|winter|spring|fall|autumn|class|back in)\s+$/i.test(
          text.slice(Math.max(0, m.index - 10), m.index),
        )
      ) {
        add(m.index, m.index + m[0].length, 0.75);
      }
    }
    for (const m of text.matchAll(COMPACT)) {
      if (/(?:DOB|date|dated|DOS|born)\W{0,4}$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) {
        add(m.index, m.index + m[0].length, 0.8);
      }
    }
    if (options.redactBareYears) {
      for (const m of text.matchAll(BARE_YEAR)) {
        add(m.index, m.index + m[0].length, 0.5);
      }
    }
    return out;
  },
};
