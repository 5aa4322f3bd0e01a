import { createHmac } from 'node:crypto';
import { shiftDateText } from './date-shift.js';
import { FIRST_NAMES } from './dictionaries/first-names.js';
import { normalizeWord } from './tokens.js';
import {
  STREET_SUFFIXES,
  SURROGATE_FAMILY,
  SURROGATE_GIVEN,
  SURROGATE_PLACES,
  SURROGATE_STATES,
  SURROGATE_STREETS,
} from './surrogate-lists.js';
import type { PhiCategory } from './types.js';

const HEAD =
  /\b(Hospital|Medical Center|Health Center|Clinic|Health System|Healthcare|Health|Center|Centre|Institute|University|College|Pharmacy|Infirmary|Hospice|Group|Associates|Inc\.?|LLC)\b/i;

/** Deterministic, per-patient surrogates: the same real value always becomes the same fake one, and every date
 * moves by the same per-patient offset (so intervals are kept). */
export class SurrogateGenerator {
  readonly shiftDays: number;
  private readonly cache = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly secret: Buffer,
    private readonly patientKey: string,
  ) {
    // One offset per patient: 1..365 days back.
    this.shiftDays = -(1 + (this.hash('date-shift').readUInt32BE(0) % 365));
  }

  private hash(value: string): Buffer {
    return createHmac('sha256', this.secret).update(`${this.patientKey}\u0000${value}`).digest();
  }

  private pick<T>(list: readonly T[], key: string, salt = 0): T {
    const h = this.hash(key);
    const v = list[(h.readUInt32BE(0) + salt) % list.length];
    if (v === undefined) {
      throw new RangeError('empty surrogate list');
    }
    return v;
  }

  /** Replaces digits and letters keeping the shape ("SJH-123456" -> "KQD-804213"). */
  private shape(value: string, key: string): string {
    const h = this.hash(`shape:${key}`);
    let i = 0;
    const next = (): number => {
      const b = h[i % h.length] ?? 0;
      i++;
      return b + i;
    };
    let out = '';
    for (const ch of value) {
      if (/\d/.test(ch)) {
        out += String(next() % 10);
      } else if (/[A-Z]/.test(ch)) {
        out += String.fromCharCode(65 + (next() % 26));
      } else if (/[a-z]/.test(ch)) {
        out += String.fromCharCode(97 + (next() % 26));
      } else {
        out += ch;
      }
    }
    return out === value ? this.shape(`${value}x`, `${key}x`).slice(0, value.length) : out;
  }

  private styled(word: string, like: string): string {
    if (like.length > 1 && like === like.toUpperCase()) {
      return word.toUpperCase();
    }
    return word;
  }

  private nameToken(raw: string): string {
    const norm = normalizeWord(raw);
    if (raw.length === 1) {
      return this.pick('ABCDEFGHJKLMNPRSTVW'.split(''), `initial:${norm}`);
    }
    const given = FIRST_NAMES.has(norm);
    let v = this.pick(given ? SURROGATE_GIVEN : SURROGATE_FAMILY, `name:${norm}`);
    if (normalizeWord(v) === norm) {
      v = this.pick(given ? SURROGATE_GIVEN : SURROGATE_FAMILY, `name:${norm}`, 1);
    }
    return this.styled(v, raw);
  }

  private name(original: string): string {
    return original.replace(/\p{L}[\p{L}\p{M}'’-]*/gu, (w) => {
      const possessive = /['’]s$/.exec(w);
      const base = possessive ? w.slice(0, -2) : w;
      return this.nameToken(base) + (possessive ? possessive[0] : '');
    });
  }

  private place(original: string): string {
    return this.styled(this.pick(SURROGATE_PLACES, `place:${normalizeWord(original)}`), original);
  }

  private city(original: string): string {
    const m = /^(.*?),\s*([A-Za-z .]+)$/.exec(original);
    if (m) {
      const state = this.pick(SURROGATE_STATES, `state:${normalizeWord(m[2] ?? '')}`);
      return `${this.place(m[1] ?? '')}, ${m[2] && m[2].trim().length === 2 ? state : state}`;
    }
    return this.place(original);
  }

  private organization(original: string): string {
    const head = HEAD.exec(original);
    const base = this.pick(SURROGATE_PLACES, `org:${normalizeWord(original)}`);
    return head ? `${base} ${head[1] ?? ''}` : `${base} Medical Center`;
  }

  private address(original: string): string {
    const h = this.hash(`addr:${normalizeWord(original)}`);
    const num = 10 + (h.readUInt16BE(0) % 9000);
    const street = this.pick(SURROGATE_STREETS, `street:${normalizeWord(original)}`);
    const suffix = this.pick(STREET_SUFFIXES, `suffix:${normalizeWord(original)}`);
    return `${num} ${street} ${suffix}`;
  }

  private compute(category: PhiCategory, original: string): string {
    switch (category) {
      case 'NAME':
        return this.name(original);
      case 'USERNAME':
        return `user${this.hash(`user:${original}`).readUInt16BE(0)}`;
      case 'DATE':
        return shiftDateText(original, this.shiftDays) ?? '[DATE]';
      case 'AGE':
        return '90+';
      case 'PHONE':
      case 'FAX':
        return this.shape(original, `phone:${original.replace(/\D/g, '')}`);
      case 'SSN':
        return `9${this.shape(original, `ssn:${original.replace(/\D/g, '')}`).slice(1)}`;
      case 'EMAIL': {
        const g = this.pick(SURROGATE_GIVEN, `email-g:${original.toLowerCase()}`).toLowerCase();
        const f = this.pick(SURROGATE_FAMILY, `email-f:${original.toLowerCase()}`).toLowerCase();
        return `${g}.${f}@example.org`;
      }
      case 'URL':
        return `https://example.org/${this.hash(`url:${original}`).toString('hex').slice(0, 8)}`;
      case 'IP':
        return original.includes(':')
          ? `2001:db8::${this.hash(`ip:${original}`).readUInt16BE(0).toString(16)}`
          : `192.0.2.${1 + (this.hash(`ip:${original}`).readUInt8(0) % 254)}`;
      case 'ADDRESS':
        return this.address(original);
      case 'ZIP':
        return this.shape(original, `zip:${original}`);
      case 'CITY':
        return this.city(original);
      case 'STATE':
      case 'LOCATION':
        return this.place(original);
      case 'ORGANIZATION':
        return this.organization(original);
      case 'PROFESSION':
        return '[PROFESSION]';
      case 'MRN':
      case 'HEALTH_PLAN':
      case 'ACCOUNT':
      case 'LICENSE':
      case 'VEHICLE':
      case 'DEVICE':
      case 'ID':
        return this.shape(original, `id:${original.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`);
    }
  }

  /** The surrogate for one PHI value; consistent within this generator (same patient), and never shared by two
   * different originals (so re-identification is unambiguous). */
  surrogate(category: PhiCategory, original: string): string {
    const key = `${category}\u0000${original}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      return hit;
    }
    let v = this.compute(category, original);
    const aggregated = category === 'AGE' || category === 'PROFESSION' || v.startsWith('[');
    for (let n = 1; !aggregated && (this.used.has(v) || v === original); n++) {
      v = n < 20 ? this.compute(category, `${original}\u0001${n}`) : `${v}-${n}`;
    }
    this.cache.set(key, v);
    this.used.add(v);
    return v;
  }
}
