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
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

function monthIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(w));
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return n % 10 > 3 ? 'th' : s;
}

function styleMonth(original: string, index: number): string {
  const full = MONTHS[index] ?? 'january';
  const lowerOrig = original.toLowerCase();
  const isFull = MONTHS.includes(lowerOrig);
  let word = isFull ? full : full.slice(0, original.length >= 4 && full.startsWith(lowerOrig) ? original.length : 3);
  if (original === original.toUpperCase()) {
    word = word.toUpperCase();
  } else if (original.charAt(0) === original.charAt(0).toUpperCase()) {
    word = word.charAt(0).toUpperCase() + word.slice(1);
  }
  return word;
}

function pad(n: number, like: string): string {
  return like.length >= 2 ? String(n).padStart(like.length, '0') : String(n);
}

function shiftYmd(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function yearText(y: number, like: string): string {
  if (/^['’]\d{2}$/.test(like)) {
    return `${like.charAt(0)}${String(y % 100).padStart(2, '0')}`;
  }
  return like.length === 2 ? String(y % 100).padStart(2, '0') : String(y);
}

/**
 * Shifts a date written in any supported format by `days`, keeping its format ("Jan 2nd" -> "Dec 24th",
 * "2023-01-02" -> "2022-12-24"). Returns null when the text is not a parsable date.
 */
export function shiftDateText(text: string, days: number): string | null {
  // ISO-like: yyyy-mm-dd (with optional time kept as is)
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(.*)$/.exec(text);
  if (m) {
    const [, ys = '', sep = '-', ms = '', ds = '', rest = ''] = m;
    const [y, mo, d] = shiftYmd(Number(ys), Number(ms), Number(ds), days);
    return `${y}${sep}${pad(mo, ms)}${sep}${pad(d, ds)}${rest}`;
  }
  // numeric m/d/y (US order unless the first part cannot be a month)
  m = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(text);
  if (m) {
    const [, a = '', sep = '/', b = '', ys] = m;
    const dayFirst = Number(a) > 12;
    const mo0 = dayFirst ? Number(b) : Number(a);
    const d0 = dayFirst ? Number(a) : Number(b);
    const y0 = ys === undefined ? 2001 : ys.length === 2 ? 2000 + Number(ys) : Number(ys);
    const [y, mo, d] = shiftYmd(y0, mo0, d0, days);
    const first = dayFirst ? pad(d, a) : pad(mo, a);
    const second = dayFirst ? pad(mo, b) : pad(d, b);
    return `${first}${sep}${second}${ys === undefined ? '' : `${sep}${yearText(y, ys)}`}`;
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const [y, mo] = shiftYmd(Number(m[2]), Number(m[1]), 15, days);
    return `${pad(mo, m[1] ?? '')}/${y}`;
  }
  const monthMatch = MONTH_RE.exec(text);
  if (!monthMatch) {
    return null;
  }
  const mi = monthIndex(monthMatch[1] ?? '');
  const dayMatch = /\b(\d{1,2})(st|nd|rd|th)?\b(?!\d)/.exec(
    text.replace(/\d{4}|['’]\d{2}/g, (s) => ' '.repeat(s.length)),
  );
  const yearMatch = /(\d{4}|['’]\d{2})(?!\d)/.exec(text);
  const y0 = yearMatch
    ? yearMatch[1]?.length === 4
      ? Number(yearMatch[1])
      : 2000 + Number(yearMatch[1]?.slice(1))
    : 2001;
  const d0 = dayMatch ? Number(dayMatch[1]) : 15;
  const [y, mo, d] = shiftYmd(y0, mi + 1, d0, days);
  let out =
    text.slice(0, monthMatch.index) +
    styleMonth(monthMatch[1] ?? '', mo - 1) +
    text.slice(monthMatch.index + (monthMatch[1]?.length ?? 0));
  if (dayMatch) {
    const at = out.search(new RegExp(`\\b${dayMatch[1] ?? ''}${dayMatch[2] ?? ''}\\b`));
    if (at >= 0) {
      const like = dayMatch[1] ?? '';
      const rep = `${like.startsWith('0') ? pad(d, like) : String(d)}${dayMatch[2] ? ordinal(d) : ''}`;
      out = out.slice(0, at) + rep + out.slice(at + dayMatch[0].length);
    }
  }
  if (yearMatch?.[1]) {
    const at = out.lastIndexOf(yearMatch[1]);
    if (at >= 0) {
      out = out.slice(0, at) + yearText(y, yearMatch[1]) + out.slice(at + yearMatch[1].length);
    }
  }
  // Drop a weekday name, which would no longer match the shifted date.
  return out.replace(/^(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+/i, '');
}
