import type { BenchCategory } from './metrics.js';

/** A tiny seeded PRNG (mulberry32) for the benchmark generator. */
export class BenchRng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) {
      throw new RangeError('pick from an empty list');
    }
    return v;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      s += String(this.int(0, 9));
    }
    return s;
  }
}

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
const ord = (d: number): string =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
const p2 = (n: number): string => String(n).padStart(2, '0');

/** A date in one of many common formats. */
export function formatDate(rng: BenchRng, y: number, m: number, d: number): string {
  const mon = MONTHS[m - 1] ?? 'January';
  switch (rng.int(0, 11)) {
    case 0:
      return `${p2(m)}/${p2(d)}/${y}`;
    case 1:
      return `${m}/${d}/${String(y).slice(2)}`;
    case 2:
      return `${y}-${p2(m)}-${p2(d)}`;
    case 3:
      return `${mon} ${d}, ${y}`;
    case 4:
      return `${mon.slice(0, 3)} ${ord(d)}`;
    case 5:
      return `${d} ${mon} ${y}`;
    case 6:
      return `the ${ord(d)} of ${mon}`;
    case 7:
      return `${mon} ${ord(d)}, ${y}`;
    case 8:
      return `${mon.slice(0, 3)}. ${d}, '${String(y).slice(2)}`;
    case 9:
      return `${p2(d)}-${mon.slice(0, 3)}-${y}`;
    case 10:
      return `${mon} ${y}`;
    default:
      return `${m}-${d}-${y}`;
  }
}

/** A US phone number in one of several formats. */
export function formatPhone(rng: BenchRng): string {
  const a = rng.pick(['617', '412', '503', '773', '214', '919', '305', '808']);
  const b = `${rng.int(2, 9)}${rng.digits(2)}`;
  const c = rng.digits(4);
  switch (rng.int(0, 5)) {
    case 0:
      return `(${a}) ${b}-${c}`;
    case 1:
      return `${a}-${b}-${c}`;
    case 2:
      return `${a}.${b}.${c}`;
    case 3:
      return `+1 ${a} ${b} ${c}`;
    case 4:
      return `${a}-${b}-${c} x${rng.int(10, 999)}`;
    default:
      return `1-${a}-${b}-${c}`;
  }
}

/** An identifier with its label text; the label is not PHI, the value is. */
export function formatId(rng: BenchRng): { label: string; value: string; category: BenchCategory } {
  switch (rng.int(0, 9)) {
    case 0:
      return { label: 'MRN: ', value: rng.digits(8), category: 'MRN' };
    case 1:
      return { label: 'MRN #', value: `${rng.pick(['A', 'BH', 'KX'])}-${rng.digits(6)}`, category: 'MRN' };
    case 2:
      return { label: 'Med Rec No. ', value: `00${rng.digits(7)}`, category: 'MRN' };
    case 3:
      return { label: 'medical record number ', value: `${rng.digits(4)}-${rng.digits(4)}`, category: 'MRN' };
    case 4:
      return { label: 'MR# ', value: `${rng.digits(2)}-${rng.digits(2)}-${rng.digits(4)}`, category: 'MRN' };
    case 5:
      return { label: 'Member ID ', value: `${rng.pick(['XKJ', 'WPB', 'HMO'])}${rng.digits(9)}`, category: 'ID' };
    case 6:
      return { label: 'Acct# ', value: rng.digits(8), category: 'ID' };
    case 7:
      return {
        label: 'SSN ',
        value: `${rng.int(100, 665)}-${rng.int(10, 99)}-${rng.int(1000, 9999)}`,
        category: 'SSN',
      };
    case 8:
      return {
        label: 'social security number ',
        value: `${rng.int(100, 665)} ${rng.int(10, 99)} ${rng.int(1000, 9999)}`,
        category: 'SSN',
      };
    default:
      return {
        label: 'policy number ',
        value: `${rng.pick(['BCX', 'QH'])}-${rng.digits(3)}-${rng.digits(5)}`,
        category: 'ID',
      };
  }
}
