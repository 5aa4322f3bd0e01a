import { ibanValid, luhnValid, npiValid, ssnValid, vinValid } from '../checksums.js';
import type { Candidate, DetectInput, Detector, PhiCategory } from '../types.js';

interface Label {
  re: RegExp;
  category: PhiCategory;
}

/** Labels before an identifier, most specific first; the value follows within a few characters. */
const LABELS: readonly Label[] = [
  { re: /\b(?:SSN|SS#|S\.S\.N\.?|social security(?: number| no\.?| #)?|soc sec(?: no\.?| #)?)$/i, category: 'SSN' },
  {
    re: /\b(?:MRN|MR#|MR ?No\.?|MR number|med(?:ical)? ?rec(?:ord)?s?\.?(?: ?(?:no\.?|number|num|#))?|chart(?: ?(?:no\.?|number|#))?|hospital (?:no\.?|number|#)|unit (?:no\.?|number))$/i,
    category: 'MRN',
  },
  {
    re: /\b(?:member(?: ?(?:id|no\.?|number|#))?|subscriber(?: ?(?:id|no\.?|#))?|policy(?: ?(?:id|no\.?|number|#))?|insurance(?: ?(?:id|no\.?|number|#))?|health ?plan(?: ?(?:id|no\.?|number|#|beneficiary(?: number)?))?|beneficiary(?: ?(?:id|no\.?|number|#))?|medicare(?: ?(?:id|no\.?|number|#|mbi))?|medicaid(?: ?(?:id|no\.?|number|#))?|MBI|HICN|group(?: ?(?:no\.?|number|#)))$/i,
    category: 'HEALTH_PLAN',
  },
  {
    re: /\b(?:acct|account|billing|invoice|claim|encounter|visit|fin|har|csn|accession|case|order|requisition|specimen|bank account|card)(?: ?(?:id|no\.?|number|num|#))?$/i,
    category: 'ACCOUNT',
  },
  {
    re: /\b(?:licen[cs]e(?: ?(?:no\.?|number|#))?|lic\.?(?: ?(?:no\.?|#))?|DEA(?: ?(?:no\.?|number|#))?|NPI(?: ?(?:no\.?|number|#))?|certificate(?: ?(?:no\.?|number|#))?|cert\.?(?: ?(?:no\.?|#))?|board cert(?:ification)?|passport(?: ?(?:no\.?|number|#))?|driver'?s? licen[cs]e(?: ?(?:no\.?|number|#))?|DL(?: ?#)?|state id)$/i,
    category: 'LICENSE',
  },
  {
    re: /\b(?:VIN|vehicle(?: ?(?:id|no\.?|number|#))?|licen[cs]e plate|plate(?: ?(?:no\.?|number|#))?|tag(?: ?(?:no\.?|#)))$/i,
    category: 'VEHICLE',
  },
  {
    re: /\b(?:device(?: ?(?:id|serial|no\.?|number|#))?|serial(?: ?(?:no\.?|number|#))?|S\/N|SN|UDI|implant(?: ?(?:id|serial|#))?|pacemaker(?: ?(?:id|serial|#))?|IMEI|lot(?: ?(?:no\.?|#))?|model(?: ?(?:no\.?|#)))$/i,
    category: 'DEVICE',
  },
  {
    re: /\b(?:patient ?id|pt ?id|ID|identifier|id ?(?:no\.?|number|#)|reference(?: ?(?:no\.?|number|#))?|ref(?: ?(?:no\.?|#))?|record(?: ?(?:no\.?|number|#))?|file(?: ?(?:no\.?|number|#))?|study ?id|subject ?id|enrollment ?id|no\.|number|#)$/i,
    category: 'ID',
  },
];

const VALUE =
  /^\s*(?:[:#=]|no\.?|number|is|was)?\s*[:#]?\s*(#?[A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9])|\s(?=\d{2,}\b)){1,40})/;
const UNITS =
  /^\s?(?:mg|mcg|µg|ug|ng|g|kg|lbs?|ml|mL|l|L|dl|dL|units?|u|iu|IU|meq|mEq|mmol|umol|mol|%|bpm|mmhg|mmHg|mm|cm|m|km|cells|copies|k|K|\/|x|times|steps|miles|feet|ft|in|hrs?|hours?|min|minutes|sec|seconds|days?|weeks?|months?|years?|cal|kcal|calories|people|patients|cases|deaths)\b/;

const SSN_SHAPE = /(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])/g;
const DIGIT_GROUPS = /(?<![\w.,/-])#?\d{2,}(?:-\d{2,})+(?![\w/]|\.\d|-\w)/g;
const ALNUM_ID =
  /(?<![\w.-])#?(?:[A-Za-z]{1,5}[-#]?\d{4,}[A-Za-z]{0,3}|\d{4,}[-]?[A-Za-z]{1,5}\d*|[A-Za-z]{1,3}\d{1,3}[A-Za-z]{1,3}\d{3,})(?![\w-])/g;
const DIGIT_RUN = /(?<![\w.,/#-])#?\d{5,}(?![\w,]|\.\d)/g;
const CARD = /(?<![\d-])(?:\d{4}[ -]){3}\d{1,7}(?![\d-])|(?<![\d-])\d{13,19}(?![\d-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/g;
const YEAR_RANGE = /^(?:19|20)\d{2}-(?:(?:19|20)\d{2}|\d{2})$/;

function labelBefore(text: string, start: number): PhiCategory | null {
  const before = text.slice(Math.max(0, start - 40), start).replace(/[\s:#=.]+$/, '');
  for (const l of LABELS) {
    if (l.re.test(before)) {
      return l.category;
    }
  }
  return null;
}

function followedByUnit(text: string, end: number): boolean {
  return UNITS.test(text.slice(end, end + 12));
}

/** Identifiers: SSN (with SSA structure rules), labelled MRN/plan/account/licence/vehicle/device ids, checksummed cards,
 * IBAN, NPI and VIN, and unlabelled alphanumeric identifiers. */
export const idDetector: Detector = {
  name: 'ids',
  detect(input: DetectInput): Candidate[] {
    const { text } = input;
    const out: Candidate[] = [];
    const add = (start: number, end: number, category: PhiCategory, score: number): void => {
      out.push({ start, end, category, score, source: 'ids' });
    };
    // Labelled values: find each label, then the value right after it.
    const labelRe =
      /\b(?:SSN|SS#|social security|soc sec|MRN|MR#|MR|med(?:ical)? ?rec(?:ord)?s?|chart|hospital|unit|member|subscriber|policy|insurance|health ?plan|beneficiary|medicare|medicaid|MBI|HICN|group|acct|account|billing|invoice|claim|encounter|visit|FIN|HAR|CSN|accession|case|order|requisition|specimen|card|licen[cs]e|lic|DEA|NPI|certificate|cert|passport|driver'?s? licen[cs]e|DL|state id|VIN|vehicle|plate|tag|device|serial|S\/N|SN|UDI|implant|pacemaker|IMEI|lot|model|patient ?id|pt ?id|ID|identifier|reference|ref|record|file|study ?id|subject ?id|enrollment ?id)\b[^\n]{0,14}?/gi;
    for (const m of text.matchAll(labelRe)) {
      const after = m.index + m[0].length;
      const v = VALUE.exec(text.slice(after, after + 60));
      if (!v?.[1]) {
        continue;
      }
      const value = v[1].replace(/[.\-/]+$/, '');
      const start = after + v[0].length - v[1].length;
      const category = labelBefore(text, start);
      if (!category || !/\d/.test(value) || value.replace(/\D/g, '').length < 3) {
        continue;
      }
      if (followedByUnit(text, start + value.length)) {
        continue;
      }
      add(start, start + value.length, category, 0.95);
    }
    for (const m of text.matchAll(SSN_SHAPE)) {
      const label = labelBefore(text, m.index);
      const category: PhiCategory = label ?? (ssnValid(m[0]) ? 'SSN' : 'ID');
      add(m.index, m.index + m[0].length, category, 0.9);
    }
    for (const m of text.matchAll(CARD)) {
      if (luhnValid(m[0]) && m[0].replace(/\D/g, '').length >= 13) {
        add(m.index, m.index + m[0].length, 'ACCOUNT', 0.9);
      }
    }
    for (const m of text.matchAll(IBAN)) {
      if (ibanValid(m[0])) {
        add(m.index, m.index + m[0].length, 'ACCOUNT', 0.9);
      }
    }
    for (const m of text.matchAll(VIN)) {
      if (/\d/.test(m[0]) && /[A-Z]/.test(m[0]) && vinValid(m[0])) {
        add(m.index, m.index + m[0].length, 'VEHICLE', 0.9);
      }
    }
    for (const m of text.matchAll(DIGIT_GROUPS)) {
      const raw = m[0];
      const digits = raw.replace(/\D/g, '').length;
      const groups = raw.replace(/^#/, '').split('-');
      const range = groups.length === 2 && groups.every((g) => g.length <= 3) && labelBefore(text, m.index) === null;
      if (digits < 6 || range || YEAR_RANGE.test(raw) || followedByUnit(text, m.index + raw.length)) {
        continue;
      }
      add(m.index, m.index + raw.length, labelBefore(text, m.index) ?? 'ID', 0.7);
    }
    for (const m of text.matchAll(ALNUM_ID)) {
      if (followedByUnit(text, m.index + m[0].length)) {
        continue;
      }
      add(m.index, m.index + m[0].length, labelBefore(text, m.index) ?? 'ID', 0.7);
    }
    for (const m of text.matchAll(DIGIT_RUN)) {
      if (followedByUnit(text, m.index + m[0].length)) {
        continue;
      }
      const category = labelBefore(text, m.index) ?? (npiValid(m[0]) ? 'LICENSE' : 'ID');
      add(m.index, m.index + m[0].length, category, 0.65);
    }
    return out;
  },
};
