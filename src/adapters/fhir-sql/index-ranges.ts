/** Lower/upper bounds of a value's implicit range: ISO instants for dates, decimal strings for numbers. */
export interface Range {
  lo: string;
  hi: string;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The range a FHIR date/dateTime/instant covers given its precision, e.g. `2020-03` → 2020-03-01T00:00:00.000Z ..
 * 2020-03-31T23:59:59.999Z. Values without a time zone are taken as UTC. Undefined when unparseable.
 */
export function dateRange(value: string): Range | undefined {
  const m = DATE_RE.exec(value);
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  if (mo === undefined) {
    return { lo: `${y}-01-01T00:00:00.000Z`, hi: `${y}-12-31T23:59:59.999Z` };
  }
  if (d === undefined) {
    const last = new Date(Date.UTC(year, Number(mo), 0)).getUTCDate();
    return { lo: `${y}-${mo}-01T00:00:00.000Z`, hi: `${y}-${mo}-${pad(last)}T23:59:59.999Z` };
  }
  if (h === undefined || mi === undefined) {
    return { lo: `${y}-${mo}-${d}T00:00:00.000Z`, hi: `${y}-${mo}-${d}T23:59:59.999Z` };
  }
  const base = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${tz ?? 'Z'}`;
  const start = Date.parse(base);
  if (Number.isNaN(start)) {
    return undefined;
  }
  let width: number;
  if (s === undefined) {
    width = 60_000;
  } else if (frac === undefined) {
    width = 1000;
  } else {
    const digits = Math.min(frac.length, 3);
    width = 10 ** (3 - digits);
  }
  const lo = start + (frac ? Math.trunc(Number(`0.${frac}`) * 1000) : 0);
  return { lo: new Date(lo).toISOString(), hi: new Date(lo + width - 1).toISOString() };
}

/** The range of a decimal given its written precision: half a unit of the last digit each side (1.5 → 1.45..1.55). */
export function numberRange(value: number | string): Range | undefined {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) {
    return undefined;
  }
  const [, sign, int = '0', frac = ''] = m;
  const scale = frac.length + 1;
  const scaled = BigInt(`${sign === '-' ? '-' : ''}${int}${frac}`) * 10n;
  return { lo: formatScaled(scaled - 5n, scale), hi: formatScaled(scaled + 5n, scale) };
}

/** Renders a JavaScript number as a plain decimal string (no exponent). */
export function numberText(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) {
    return s;
  }
  return value.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(value))) + 15)));
}

function formatScaled(n: bigint, scale: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${int}.${frac}`;
}
