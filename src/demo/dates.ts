/** Date helpers for the demo generator: everything is relative to a fixed anchor date, never the clock. */
export const DEFAULT_ANCHOR_DATE = '2026-06-01';

/** Milliseconds in a minute. */
export const MINUTE = 60_000;
/** Milliseconds in an hour. */
export const HOUR = 60 * MINUTE;
/** Milliseconds in a day. */
export const DAY = 24 * HOUR;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Parses an anchor into UTC milliseconds: YYYY-MM-DD means noon that day (clear of day boundaries); a UTC instant
 * YYYY-MM-DDTHH:MM[:SS]Z is taken as is (the server anchors demo data to the time of seeding).
 */
export function parseAnchor(anchorDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?Z)?$/.exec(anchorDate);
  if (!m) {
    throw new RangeError('anchorDate must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ');
  }
  const hour = m[4] === undefined ? 12 : Number(m[4]);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Year, month (1-12) and day of a UTC day number (days since 1970-01-01), by Hinnant's civil-from-days. */
function civil(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** FHIR date (YYYY-MM-DD). */
export function fhirDate(ms: number): string {
  const [y, m, d] = civil(Math.floor(ms / DAY));
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** FHIR dateTime/instant in UTC without milliseconds. */
export function fhirDateTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const inDay = seconds - Math.floor(seconds / 86_400) * 86_400;
  const h = Math.floor(inDay / 3600);
  const min = Math.floor((inDay % 3600) / 60);
  return `${fhirDate(ms)}T${pad(h)}:${pad(min)}:${pad(inDay % 60)}Z`;
}

/** Age in whole years at a point in time. */
export function ageAt(birthMs: number, atMs: number): number {
  const b = new Date(birthMs);
  const a = new Date(atMs);
  let age = a.getUTCFullYear() - b.getUTCFullYear();
  if (a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate())) {
    age--;
  }
  return age;
}

/** The ways dates are written in clinical notes (varied on purpose for de-identification work). */
export type NoteDateStyle = 'us' | 'iso' | 'long' | 'dmy' | 'short';

/** Formats a date as a clinician might write it in a note. */
export function noteDate(ms: number, style: NoteDateStyle): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const month = MONTHS[mo] ?? 'January';
  switch (style) {
    case 'us':
      return `${pad(mo + 1)}/${pad(day)}/${y}`;
    case 'iso':
      return `${y}-${pad(mo + 1)}-${pad(day)}`;
    case 'long':
      return `${month} ${day}, ${y}`;
    case 'dmy':
      return `${day}-${month.slice(0, 3)}-${y}`;
    case 'short':
      return `${mo + 1}/${day}/${String(y).slice(2)}`;
  }
}

/** Clock time as HH:MM (24 h). */
export function noteTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
