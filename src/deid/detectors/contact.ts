import { ipv4Valid } from '../checksums.js';
import type { Candidate, DetectInput, Detector, PhiCategory } from '../types.js';

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"')\]]+/gi;
const DOMAIN =
  /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|info|biz|us|uk|ca|de|fr|health|care|app|co|me|ly|mil|int)\b(?:\/[^\s<>"')\]]*)?/gi;
const US_PHONE =
  /(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?![\w/-])/gi;
const INTL_PHONE = /(?<![\w/])(?:\+|00)\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}(?![\w/])/g;
const BARE_PHONE = /(?<![\w/.-])\d{10}(?![\w/.-])/g;
const TRUNK_PHONE = /(?<![\w./-])(?<!\d,)0\d{1,4}(?:[ .-]\d{2,4}){1,4}(?![\w.,/]|\.\d|-\d)/g;
const PAREN_PHONE = /(?<![\w])\(\d{2,4}\)\s?\d{2,4}[ .-]?\d{3,4}(?![\w]|-\d)/g;
const CUED_NUMBER = /(?<![\w.,/-])\+?\d[\d .-]{5,16}\d(?![\w/]|\.\d|-\d)/g;
const AFTER_CUE = /^\s*-?\s*(?:office|fax|mobile|cell|home|work|phone|tel)\b/i;
const PHONE_CUE =
  /(?:phone|ph|tel|telephone|cell|mobile|call|contact|pager|beeper|fax|facsimile|whatsapp|text|reach(?:ed)? at|number|no\.|#|registered|messages to|texts to|answering at|at|on)(?: (?:me|us|him|her|them))?(?: (?:at|on))?\W{0,6}$/i;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g;
const IPV6 =
  /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::?[0-9a-f]{1,4}){1,7}(?![\w:])|(?<![\w:])::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}(?![\w:])/gi;
const USERNAME = /\b(?:user(?:name| name| id)?|login|handle|screen name)\s*[:=]\s*([A-Za-z0-9._-]{3,32})/gi;
const HANDLE = /(?<![\w@.])@[A-Za-z][A-Za-z0-9_]{2,30}\b/g;

function phoneCategory(text: string, start: number): PhiCategory {
  return /fax|facsimile/i.test(text.slice(Math.max(0, start - 16), start)) ? 'FAX' : 'PHONE';
}

function push(out: Candidate[], c: Omit<Candidate, 'source'>): void {
  out.push({ ...c, source: 'contact' });
}

/** Email, URLs, domains, phone and fax numbers (US and international), IP addresses and usernames. */
export const contactDetector: Detector = {
  name: 'contact',
  detect(input: DetectInput): Candidate[] {
    const { text } = input;
    const out: Candidate[] = [];
    const emailSpans: [number, number][] = [];
    for (const m of text.matchAll(EMAIL)) {
      emailSpans.push([m.index, m.index + m[0].length]);
      push(out, { start: m.index, end: m.index + m[0].length, category: 'EMAIL', score: 0.99 });
    }
    const inEmail = (s: number): boolean => emailSpans.some(([a, b]) => s >= a && s < b);
    for (const m of text.matchAll(URL)) {
      const raw = m[0].replace(/[.,;:]+$/, '');
      push(out, { start: m.index, end: m.index + raw.length, category: 'URL', score: 0.95 });
    }
    for (const m of text.matchAll(DOMAIN)) {
      if (!inEmail(m.index)) {
        const raw = m[0].replace(/[.,;:]+$/, '');
        push(out, { start: m.index, end: m.index + raw.length, category: 'URL', score: 0.8 });
      }
    }
    for (const re of [US_PHONE, INTL_PHONE]) {
      for (const m of text.matchAll(re)) {
        const digits = m[0].replace(/\D/g, '').length;
        if (digits >= 7 && digits <= 15) {
          push(out, { start: m.index, end: m.index + m[0].length, category: phoneCategory(text, m.index), score: 0.9 });
        }
      }
    }
    for (const re of [TRUNK_PHONE, PAREN_PHONE]) {
      for (const m of text.matchAll(re)) {
        const digits = m[0].replace(/\D/g, '').length;
        if (digits >= 8 && digits <= 13) {
          push(out, { start: m.index, end: m.index + m[0].length, category: phoneCategory(text, m.index), score: 0.8 });
        }
      }
    }
    for (const m of text.matchAll(CUED_NUMBER)) {
      const digits = m[0].replace(/\D/g, '').length;
      const cued =
        PHONE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index)) ||
        AFTER_CUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
      if (digits >= 7 && digits <= 13 && cued && !/^\d{4}$/.test(m[0].trim())) {
        push(out, { start: m.index, end: m.index + m[0].length, category: phoneCategory(text, m.index), score: 0.8 });
      }
    }
    for (const m of text.matchAll(BARE_PHONE)) {
      if (PHONE_CUE.test(text.slice(Math.max(0, m.index - 24), m.index))) {
        push(out, { start: m.index, end: m.index + 10, category: phoneCategory(text, m.index), score: 0.85 });
      }
    }
    for (const m of text.matchAll(IPV4)) {
      if (ipv4Valid(m[0])) {
        push(out, { start: m.index, end: m.index + m[0].length, category: 'IP', score: 0.9 });
      }
    }
    for (const m of text.matchAll(IPV6)) {
      if (m[0].split(':').length >= 4) {
        push(out, { start: m.index, end: m.index + m[0].length, category: 'IP', score: 0.9 });
      }
    }
    for (const m of text.matchAll(USERNAME)) {
      const value = m[1] ?? '';
      const start = m.index + m[0].length - value.length;
      push(out, { start, end: start + value.length, category: 'USERNAME', score: 0.9 });
    }
    for (const m of text.matchAll(HANDLE)) {
      push(out, { start: m.index, end: m.index + m[0].length, category: 'USERNAME', score: 0.7 });
    }
    return out;
  },
};
