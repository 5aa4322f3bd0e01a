import { AMBIGUOUS_CITIES, AMBIGUOUS_STATES, US_CITIES, US_STATES } from '../dictionaries/places.js';
import { COMMON_WORDS, DRUG_NAMES, EPONYMS_SET } from '../dictionaries/survivors.js';
import { tokenize, type Token } from '../tokens.js';
import type { Candidate, DetectInput, Detector, PhiCategory } from '../types.js';
import { add, capWord, extendSiteNoun } from './location-helpers.js';
import { eponymUse } from './names.js';
import { organizations } from './organizations.js';

const STATE_NAMES = new Map(Object.values(US_STATES).map((n) => [n.toLowerCase(), n]));
const STATE_CODES = Object.keys(US_STATES).join('|');
const STATE_AFTER_COMMA = new RegExp(
  `,[ \\t]*(${STATE_CODES}|${Object.values(US_STATES).join('|')})\\b(?![-/])(?:,?[ \\t]*(\\d{5}(?:-\\d{4})?)\\b)?`,
  'gd',
);
const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Trl|Plaza|Row|Path|Pike|Loop|Crescent|Close|Alley|Run|Ridge|Heights|Hollow|Crossing|Commons|Walk|Gardens|Expressway|Turnpike|Route|Rte';
const STREET = new RegExp(
  `\\b\\d{1,6}[A-Z]?(?:-\\d{1,4})?\\s+(?:[NSEW]\\.?\\s+|North\\s+|South\\s+|East\\s+|West\\s+)?(?:[A-Z0-9][\\p{L}\\d'’.-]*\\s+){0,4}(?:${STREET_TYPES})\\b\\.?(?:\\s+(?:[NSEW]|NE|NW|SE|SW)\\b\\.?)?(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Fl|Floor|Bldg|Building|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)?(?:,\\s*[A-Z][\\p{L}.'’-]+(?:\\s[A-Z][\\p{L}.'’-]+){0,2})?(?:,?\\s*(?:${STATE_CODES})\\b)?(?:,?\\s+\\d{5}(?:-\\d{4})?)?`,
  'gu',
);
const NAMED_STREET = new RegExp(
  `\\b(?:[A-Z][\\p{L}'’.-]*\\s+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Parkway|Highway)\\b`,
  'gu',
);
const PO_BOX = /\b(?:P\.?\s?O\.?\s*Box|Post Office Box)\s+\d+/gi;
const UNIT = /\b(?:Apt|Apartment|Suite|Ste)\.?\s*#?\s*\d+[A-Z]?\b/g;
const MILITARY =
  /\b(?:PSC|CMR|Unit)\s+\d{3,5},?\s+Box\s+\d{1,5}(?:\s*\n?\s*[AFD]PO\s+A[AEP]\s+\d{5})?|\b[AFD]PO\s+A[AEP]\s+\d{5}\b/g;
const ZIP_CUE = /(?:zip|zip code|postal code|postcode)\W{0,4}$/i;
const ZIP = /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/g;
const PLACE_CUE =
  /\b(?:lives|living|resides|residing|reside|moved|relocated|born|raised|grew up|traveled|travelled|trip|vacation|flew|drove|returned|visiting|immigrated|emigrated)\s+(?:in|to|from|at|near)\s+$/i;
const SITE_CUE =
  /\b(?:seen|treated|admitted|transferred|hospitali[sz]ed|evaluated|followed|operated|discharged|referred|works?|worked|employed|delivered|born|presented|imaging|surgery|rehab|visited|follow(?:ing)?[ -]up|f\/u|returns?|returned|scheduled|visit|appointment|admission|stay|school|preschool|daycare|kindergarten|college|church|attends|practices|pharmacy)\s+(?:at|to|from|in|by|with)\s+(?:the\s+)?$/i;

/** Clinical services that name a clinic without identifying it ("Anticoagulation clinic"). */
const SERVICE_WORDS: ReadonlySet<string> = new Set(
  `anticoagulation lipid wound pain sleep travel memory fertility transplant dialysis infusion allergy asthma diabetes
  endocrine endocrinology cardiology heart rheumatology hepatology liver gi gastroenterology pulmonary lung renal kidney
  hematology oncology cancer breast spine sports orthopedic orthopaedic eye vision hearing ent dental dermatology skin
  psychiatry psychiatric mental behavioral addiction methadone suboxone hiv std sti family walk-in walk urgent primary
  prenatal obstetric gynecology pediatric geriatric neurology stroke epilepsy seizure movement headache concussion
  vaccine vaccination flu covid coumadin warfarin inr heart-failure chf copd weight bariatric nutrition smoking
  cessation tb wellness employee student student's community county free mobile outpatient inpatient specialty
  surgical surgery vascular plastic hand foot podiatry urology nephrology infectious id`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

const CUE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'to', 'from', 'at', 'near', 'by', 'with']);

function cities(text: string, tokens: readonly Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !(t.cap || t.upper)) {
      continue;
    }
    for (let n = 3; n >= 1; n--) {
      const group = tokens.slice(i, i + n);
      if (group.length < n || !group.every((g) => g.cap || g.upper || g.norm === 'of')) {
        continue;
      }
      const gapsOk = group.every((g, k) => k === 0 || /^\.?\s$/.test(text.slice(group[k - 1]?.end ?? 0, g.start)));
      if (!gapsOk) {
        continue;
      }
      const last = group[n - 1];
      if (!last) {
        continue;
      }
      const dotted = text.charAt(t.end) === '.' && n > 1;
      const key = group.map((g, k) => (k === 0 && dotted ? `${g.norm}.` : g.norm)).join(' ');
      const state = STATE_NAMES.has(key);
      if (!US_CITIES.has(key) && !state) {
        continue;
      }
      if (n === 1 && eponymUse(text, tokens, i)) {
        break;
      }
      const before = text.slice(Math.max(0, t.start - 40), t.start);
      const cue =
        PLACE_CUE.test(before) ||
        SITE_CUE.test(before) ||
        /\b(?:in|at|from|near|to|of|outside)\s+(?:the\s+|our\s+|a\s+)?$/i.test(before);
      let end = extendSiteNoun(text, last.end);
      const ambiguous = n === 1 && (AMBIGUOUS_CITIES.has(key) || AMBIGUOUS_STATES.has(key) || EPONYMS_SET.has(key));
      if (ambiguous && !cue && end === last.end) {
        break;
      }
      if (state && !US_CITIES.has(key)) {
        // Safe Harbor keeps states; a state counts only inside an address ("Atlanta, GA") or with a site noun.
        if (end === last.end) {
          break;
        }
      }
      const category: PhiCategory = state && !US_CITIES.has(key) ? 'STATE' : 'CITY';
      end = Math.max(end, last.end);
      add(out, { start: t.start, end, category, score: ambiguous ? 0.6 : 0.75 });
      i += n - 1;
      break;
    }
  }
  for (const m of text.matchAll(STATE_AFTER_COMMA)) {
    // Walk back from the comma over up to 4 capitalized words joined by single spaces.
    let k = tokens.findIndex((x) => x.end === m.index);
    if (k < 0) {
      continue;
    }
    const endTok = k;
    while (
      k > 0 &&
      endTok - k < 3 &&
      capWord(tokens[k - 1]) &&
      /^ $/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0))
    ) {
      k--;
    }
    while (k < endTok && COMMON_WORDS.has(tokens[k]?.norm ?? '')) {
      k++;
    }
    const first = tokens[k];
    if (!first || !capWord(first)) {
      continue;
    }
    const stateEnd = m.indices?.[1]?.[1] ?? m.index + m[0].length;
    add(out, { start: first.start, end: stateEnd, category: 'CITY', score: 0.85 });
    const zip = m.indices?.[2];
    if (zip) {
      add(out, { start: zip[0], end: zip[1], category: 'ZIP', score: 0.9 });
    }
  }
}

/** Places: street addresses, PO boxes, ZIP codes, cities and states, hospitals and other organizations, and
 * capitalized places after cues such as "lives in" or "seen at". */
export const locationDetector: Detector = {
  name: 'locations',
  detect(input: DetectInput): Candidate[] {
    const { text } = input;
    const tokens = tokenize(text);
    const out: Candidate[] = [];
    for (const m of text.matchAll(STREET)) {
      add(out, { start: m.index, end: m.index + m[0].replace(/[\s,]+$/, '').length, category: 'ADDRESS', score: 0.9 });
    }
    for (const m of text.matchAll(NAMED_STREET)) {
      // "on Orchard Street": a street named without a number; leading sentence words are trimmed.
      const words = m[0].split(/\s+/);
      let skip = 0;
      while (words.length > 2 && COMMON_WORDS.has((words[0] ?? '').toLowerCase())) {
        skip += (words.shift() ?? '').length + 1;
      }
      add(out, { start: m.index + skip, end: m.index + m[0].length, category: 'ADDRESS', score: 0.7 });
    }
    for (const re of [UNIT, MILITARY]) {
      for (const m of text.matchAll(re)) {
        add(out, { start: m.index, end: m.index + m[0].length, category: 'ADDRESS', score: 0.85 });
      }
    }
    for (const m of text.matchAll(PO_BOX)) {
      add(out, { start: m.index, end: m.index + m[0].length, category: 'ADDRESS', score: 0.9 });
    }
    for (const m of text.matchAll(ZIP)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      if (ZIP_CUE.test(before) || new RegExp(`\\b(?:${STATE_CODES})\\.?,?\\s+$`).test(before)) {
        add(out, { start: m.index, end: m.index + m[0].length, category: 'ZIP', score: 0.9 });
      }
    }
    organizations(text, tokens, out);
    cities(text, tokens, out);
    // "<Place> clinic|hospital|medical center" with a lowercase site noun: the capitalized words name the place.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t || !t.cap || COMMON_WORDS.has(t.norm) || DRUG_NAMES.has(t.norm) || SERVICE_WORDS.has(t.norm)) {
        continue;
      }
      let j = i;
      while (
        capWord(tokens[j + 1]) &&
        /^[ \t]$/.test(text.slice(tokens[j]?.end ?? 0, tokens[j + 1]?.start ?? 0)) &&
        j - i < 3
      ) {
        j++;
      }
      const last = tokens[j];
      const next = tokens[j + 1];
      if (!last || !next || next.cap || !/^[ \t]$/.test(text.slice(last.end, next.start))) {
        continue;
      }
      const end = extendSiteNoun(text, last.end);
      if (
        end > last.end &&
        !tokens.slice(i, j + 1).some((x) => SERVICE_WORDS.has(x.norm) || COMMON_WORDS.has(x.norm))
      ) {
        add(out, { start: t.start, end, category: 'ORGANIZATION', score: 0.6 });
      }
      i = j;
    }
    // Capitalized places after a place or site cue ("lives in Glenview", "seen at Lakeside").
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t || !t.cap || COMMON_WORDS.has(t.norm) || DRUG_NAMES.has(t.norm) || EPONYMS_SET.has(t.norm)) {
        continue;
      }
      const prevWord = tokens[i - 1]?.norm ?? '';
      if (!CUE_PREPOSITIONS.has(prevWord) && prevWord !== 'the') {
        continue;
      }
      const before = text.slice(Math.max(0, t.start - 40), t.start);
      if (!PLACE_CUE.test(before) && !SITE_CUE.test(before)) {
        continue;
      }
      let j = i;
      while (
        capWord(tokens[j + 1]) &&
        /^[ \t]$|^['’]s /.test(text.slice(tokens[j]?.end ?? 0, tokens[j + 1]?.start ?? 0)) &&
        j - i < 3
      ) {
        j++;
      }
      const last = tokens[j];
      if (last) {
        add(out, { start: t.start, end: extendSiteNoun(text, last.end), category: 'LOCATION', score: 0.6 });
      }
    }
    return out;
  },
};
