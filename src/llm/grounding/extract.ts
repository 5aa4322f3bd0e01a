/** Extraction of checkable atoms from a sentence or a fact: numbers with units, dates, laterality. */

/** A number found in text, with the unit written right after it (normalized), if any. */
export interface NumberMention {
  value: number;
  /** Decimal places written (used as rounding tolerance). */
  decimals: number;
  unit: string | null;
  text: string;
}

/** A date found in text at day, month or year precision. */
export interface DateMention {
  precision: 'day' | 'month' | 'year';
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  value: string;
  text: string;
}

export type Laterality = 'left' | 'right' | 'bilateral';

const UNIT_ALIASES: [RegExp, string][] = [
  [/^mm\[?hg\]?$/i, 'mmhg'],
  [/^(bpm|beats?\/min|\/min|breaths?\/min|\{beats\}\/min|\{breaths\}\/min|per min(ute)?)$/i, '/min'],
  [/^(°c|cel|deg ?c|degc|℃)$/i, 'cel'],
  [/^(°f|\[degf\]|deg ?f)$/i, 'degf'],
  [/^(?:x ?|× ?)?10[*^](\d+)\/[uµμ]l$/i, '10*$1/ul'],
  [/^(?:x ?|× ?)?10[*^](\d+)\/l$/i, '10*$1/l'],
  [/^(µmol\/l|umol\/l|μmol\/l)$/i, 'umol/l'],
  [/^(ml\/min\/\{?1\.73_?m2\}?|ml\/min\/1\.73 ?m2|ml\/min\/1\.73m²)$/i, 'ml/min/1.73m2'],
  [/^(meq\/l|mmol\/l)$/i, 'mmol/l'],
  [/^(iu\/l|u\/l)$/i, 'u/l'],
  [/^(kg\/m2|kg\/m²|kg\/m\^2)$/i, 'kg/m2'],
];

/** Normalizes a unit as written in text or UCUM to a comparison key (mmHg = mm[Hg], bpm = /min, °C = Cel...). */
export function unitKey(unit: string): string {
  const u = unit.trim();
  for (const [re, key] of UNIT_ALIASES) {
    if (re.test(u)) return u.replace(re, key).toLowerCase();
  }
  return u.toLowerCase().replace(/[{}[\]]/g, '');
}

const UNIT_PATTERN = [
  '(?:x ?|× ?)?10[*^]\\d+/(?:[uµμ]L|L)',
  'mL/min/1\\.73 ?m(?:2|²)',
  'mL/min/\\{1\\.73_m2\\}',
  'x ?10\\^9/L',
  '×10\\^9/L',
  '10\\*9/L',
  '10\\^9/L',
  'x ?10\\^12/L',
  'breaths?/min',
  'beats?/min',
  'mm ?Hg',
  'mm\\[Hg\\]',
  'mmol/mol',
  'mmol/L',
  'µmol/L',
  'umol/L',
  'μmol/L',
  'mEq/L',
  'mg/dL',
  'mg/L',
  'g/dL',
  'g/L',
  'ng/mL',
  'ng/L',
  'pg/mL',
  'mU/L',
  'IU/L',
  'U/L',
  'kg/m2',
  'kg/m²',
  'mL/min',
  'mg/kg',
  'mcg',
  'µg',
  'mg',
  'kg',
  'cm',
  'mL',
  'bpm',
  '/min',
  '°C',
  '°F',
  'Cel',
  '%',
  'g',
  'L',
  'h',
].join('|');

const NUMBER_RE = new RegExp(
  `(?<![A-Za-z0-9_.\\-/])(\\d+(?:\\.\\d+)?)(?:\\s*(?:-|to|/)\\s*(\\d+(?:\\.\\d+)?))?(?:\\s*(${UNIT_PATTERN})(?![A-Za-z]))?`,
  'g',
);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthNumber(name: string): string {
  const i = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return String(i + 1).padStart(2, '0');
}

const DATE_PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => DateMention }[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
    build: (m) => ({ precision: 'day', value: `${m[1]}-${m[2]}-${m[3]}`, text: m[0] }),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    build: (m) => ({
      precision: 'day',
      value: `${m[3]}-${monthNumber(m[2] ?? '')}-${(m[1] ?? '').padStart(2, '0')}`,
      text: m[0],
    }),
  },
  {
    re: new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    build: (m) => ({
      precision: 'day',
      value: `${m[3]}-${monthNumber(m[1] ?? '')}-${(m[2] ?? '').padStart(2, '0')}`,
      text: m[0],
    }),
  },
  {
    re: /\b(\d{4})-(\d{2})\b(?!-)/g,
    build: (m) => ({ precision: 'month', value: `${m[1]}-${m[2]}`, text: m[0] }),
  },
  {
    re: new RegExp(`\\b${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    build: (m) => ({ precision: 'month', value: `${m[2]}-${monthNumber(m[1] ?? '')}`, text: m[0] }),
  },
  {
    re: /\b(?:in|since|from|until|of|during|year)\s+((?:19|20)\d{2})\b/gi,
    build: (m) => ({ precision: 'year', value: m[1] ?? '', text: m[0] }),
  },
];

/** Finds dates in text (ISO, "1 June 2024", "June 1, 2024", "June 2024", "since 2019") and returns the rest of the text. */
export function extractDates(text: string): { dates: DateMention[]; rest: string } {
  const dates: DateMention[] = [];
  let rest = text;
  for (const { re, build } of DATE_PATTERNS) {
    for (const m of rest.matchAll(re)) dates.push(build(m));
    rest = rest.replace(re, ' ');
  }
  return { dates, rest };
}

/** Finds numbers (with the unit written after them; ranges like 120/80 mmHg share the unit). Codes like COVID-19 are skipped. */
export function extractNumbers(text: string): NumberMention[] {
  const cleaned = text.replace(/(?<![/\w])[A-Za-z]+-?\d+[A-Za-z0-9]*\b/g, ' ');
  const out: NumberMention[] = [];
  for (const m of cleaned.matchAll(NUMBER_RE)) {
    const unit = m[3] ? unitKey(m[3]) : null;
    for (const raw of [m[1], m[2]]) {
      if (raw === undefined) continue;
      out.push({ value: Number(raw), decimals: (raw.split('.')[1] ?? '').length, unit, text: m[0].trim() });
    }
  }
  return out;
}

/** Left / right / bilateral mentions. */
export function extractLaterality(text: string): Laterality[] {
  const out = new Set<Laterality>();
  if (/\b(left|lt\.?|sinistral)\b/i.test(text)) out.add('left');
  if (/\b(right|rt\.?|dextral)\b/i.test(text)) out.add('right');
  if (/\b(bilateral|both sides|bilaterally)\b/i.test(text)) out.add('bilateral');
  return [...out];
}

/** True when a number written with `decimals` places agrees with `actual` (rounding, or within 0.5 %). */
export function numbersAgree(mention: { value: number; decimals: number }, actual: number): boolean {
  const rounding = 0.5 * 10 ** -mention.decimals + 1e-9;
  return Math.abs(mention.value - actual) <= Math.max(rounding, Math.abs(actual) * 0.005);
}
