import type { Demographics } from '../contract.js';
import type { Measurement } from '../chart/measurements.js';

/** A number read in text: the measurement and the span it came from. */
export interface TextMeasurement {
  measurement: Measurement;
  start: number;
  end: number;
  text: string;
}

/** A duration read in text ("for 3 days", "2-week history"), in days. */
export interface TextDuration {
  days: number;
  start: number;
  end: number;
  text: string;
}

const SEP = String.raw`\s*(?:of|was|is|at|:|=|-)?\s*(?:about|approximately|around|~)?\s*`;
const NUM = String.raw`(\d{1,3}(?:\.\d+)?)`;

/** Laboratory names read in text, with their LOINC code and canonical unit (the reference range comes from the LOINC table). */
const LAB_NAMES: { names: string; loinc: string; unit: string | null }[] = [
  { names: 'alt|alanine aminotransferase|sgpt', loinc: '1742-6', unit: 'U/L' },
  { names: 'ast|aspartate aminotransferase|sgot', loinc: '1920-8', unit: 'U/L' },
  { names: '(?:total )?bilirubin', loinc: '1975-2', unit: 'mg/dL' },
  { names: 'alkaline phosphatase|alk phos|alp', loinc: '6768-6', unit: 'U/L' },
  { names: 'creatinine', loinc: '2160-0', unit: 'mg/dL' },
  { names: 'glucose|blood sugar', loinc: '2345-7', unit: 'mg/dL' },
  { names: 'sodium|na', loinc: '2951-2', unit: 'mmol/L' },
  { names: 'potassium|k', loinc: '2823-3', unit: 'mmol/L' },
  { names: 'lactate', loinc: '2524-7', unit: 'mmol/L' },
  { names: 'c-reactive protein|crp', loinc: '1988-5', unit: 'mg/L' },
  { names: 'hemoglobin a1c|hba1c|a1c', loinc: '4548-4', unit: '%' },
  { names: 'hemoglobin|haemoglobin|hgb|hb', loinc: '718-7', unit: 'g/dL' },
  { names: 'white (?:blood )?cell count|wbc|white count|leukocytes', loinc: '6690-2', unit: '10*3/uL' },
  { names: 'platelets?|platelet count|plt', loinc: '777-3', unit: '10*3/uL' },
  { names: 'inr', loinc: '6301-6', unit: null },
  { names: 'tsh|thyrotropin', loinc: '3016-3', unit: 'm[IU]/L' },
  { names: 'lipase', loinc: '3040-3', unit: 'U/L' },
  { names: 'bicarbonate|hco3|bicarb', loinc: '1963-8', unit: 'mmol/L' },
  { names: 'ph', loinc: '2744-1', unit: '[pH]' },
  { names: 'ferritin', loinc: '2276-4', unit: 'ng/mL' },
];

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  several: 3,
  few: 3,
  couple: 2,
};
const UNIT_DAYS: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

function push(out: TextMeasurement[], m: RegExpExecArray, measurement: Measurement): void {
  out.push({ measurement, start: m.index, end: m.index + m[0].length, text: m[0] });
}

function temperatures(text: string, out: TextMeasurement[]): void {
  const re = new RegExp(
    String.raw`(?:\b(?:temp(?:erature)?|t(?:max)?|fever|febrile(?: to)?|pyrexia(?: to)?|pyrexial(?: to)?)${SEP}${NUM}\s*(?:°|º|deg(?:rees?)?)?\s*([fc])?\b)|(?:\b${NUM}\s*(?:°|º|deg(?:rees?)?)\s*([fc])\b)`,
    'gi',
  );
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = Number(m[1] ?? m[3]);
    const unit = (m[2] ?? m[4] ?? '').toLowerCase();
    const celsius = unit === 'f' || (unit === '' && value > 50) ? ((value - 32) * 5) / 9 : value;
    if (celsius >= 25 && celsius <= 45) {
      push(out, m, { loinc: '8310-5', value: Math.round(celsius * 10) / 10, unit: 'Cel', low: null, high: null });
    }
  }
}

function simple(
  text: string,
  out: TextMeasurement[],
  spec: { re: RegExp; loinc: string; unit: string; min: number; max: number },
): void {
  for (let m = spec.re.exec(text); m !== null; m = spec.re.exec(text)) {
    const value = Number(m[1] ?? m[2]);
    if (value >= spec.min && value <= spec.max) {
      push(out, m, { loinc: spec.loinc, value, unit: spec.unit, low: null, high: null });
    }
  }
}

function bloodPressures(text: string, out: TextMeasurement[]): void {
  const re =
    /\b(?:(?:blood pressure|bp)\s*(?:of|was|is|:|=)?\s*(\d{2,3})\s*\/\s*(\d{2,3})|(\d{2,3})\s*\/\s*(\d{2,3})\s*(?:mm\s*hg|mmhg))/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const sys = Number(m[1] ?? m[3]);
    const dia = Number(m[2] ?? m[4]);
    if (sys > dia && sys <= 300 && dia >= 10) {
      push(out, m, { loinc: '8480-6', value: sys, unit: 'mm[Hg]', low: null, high: null });
      push(out, m, { loinc: '8462-4', value: dia, unit: 'mm[Hg]', low: null, high: null });
    }
  }
}

function labs(text: string, out: TextMeasurement[]): void {
  for (const lab of LAB_NAMES) {
    const re = new RegExp(
      String.raw`\b(?:serum |blood |plasma )?(?:${lab.names})\b(?:\s+(?:level|count|concentration))?${SEP}(\d+(?:[.,]\d+)?)`,
      'gi',
    );
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const counts = lab.loinc === '777-3' || lab.loinc === '6690-2';
      const raw = Number((m[1] ?? '').replace(',', counts ? '' : '.'));
      // Cell counts written per microlitre ("WBC 12,000", "platelets 85000") are converted to 10*3/uL.
      const value = counts && raw >= 1000 ? raw / 1000 : raw;
      if (Number.isFinite(value)) {
        push(out, m, { loinc: lab.loinc, value, unit: lab.unit, low: null, high: null });
      }
    }
  }
}

/** Vital signs and common laboratory values stated in text: temperature (°F or °C), HR, BP, RR, SpO2, labs. */
export function extractMeasurements(text: string): TextMeasurement[] {
  const out: TextMeasurement[] = [];
  temperatures(text, out);
  simple(text, out, {
    re: new RegExp(
      String.raw`\b(?:heart rate|hr|pulse(?: rate)?|p)${SEP}${NUM}|\b(\d{2,3})\s*(?:bpm|beats per minute|beats\/min)`,
      'gi',
    ),
    loinc: '8867-4',
    unit: '/min',
    min: 20,
    max: 260,
  });
  bloodPressures(text, out);
  simple(text, out, {
    re: new RegExp(
      String.raw`\b(?:respiratory rate|resp(?:iratory)?(?: rate)?|rr|respirations)${SEP}${NUM}|\b(\d{1,2})\s*breaths`,
      'gi',
    ),
    loinc: '9279-1',
    unit: '/min',
    min: 4,
    max: 80,
  });
  simple(text, out, {
    re: new RegExp(
      String.raw`\b(?:spo2|sao2|o2 sat(?:uration)?s?|oxygen saturation|sats?|saturating|pulse ox(?:imetry)?)(?:\s+(?:on|in)\s+(?:room air|ra))?${SEP}${NUM}\s*%?|\b(\d{2,3})\s*%\s*(?:on room air|on ra|ra)\b`,
      'gi',
    ),
    loinc: '59408-5',
    unit: '%',
    min: 40,
    max: 100,
  });
  labs(text, out);
  return out.filter((m) => Number.isFinite(m.measurement.value));
}

/** Words after a duration that make it a gestational or postnatal age ("30 weeks pregnant", "3 days postpartum"). */
const OBSTETRIC_AFTER =
  /^[\s'’-]*(?:of\s+)?(?:pregnan\w*|gestation\w*|amenorrh\w*|post[\s-]?(?:natal|partum|delivery|op\w*)|after (?:delivery|birth|giving birth|surgery|the operation)|into (?:her|the) pregnancy|since (?:her |the )?(?:last |previous )?(?:menstrual period|period|menses|lmp)|gravid\w*|by dates|\(?(?:gestation|ga)\b)/;
/** Words just before a duration that make it a gestational or postnatal age ("at 30 weeks", "postpartum day 3", "G2P1 at 12 weeks"). */
const OBSTETRIC_BEFORE = /(?:pregnan\w*|gestation(?:al)?(?: age)?(?: of)?|post[\s-]?(?:natal|partum)(?: day)?|\bga(?: of)?|\bat|\bborn at)[\s:,]*$/;

/** Durations stated in text, in days ("for 3 days", "2-week history", "over the last several hours"). */
export function extractDurations(text: string): TextDuration[] {
  const re =
    /\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|couple)(?:\s+of)?[\s-]+(minute|hour|day|week|month|year)s?\b/gi;
  const out: TextDuration[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = (m[1] ?? '').toLowerCase();
    const n = WORD_NUMBERS[word] ?? Number(word);
    const unit = UNIT_DAYS[(m[2] ?? '').toLowerCase()] ?? 1;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 45).toLowerCase();
    const before = text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
    if (/^[\s-]*old/.test(after) || OBSTETRIC_AFTER.test(after) || OBSTETRIC_BEFORE.test(before)) {
      continue;
    }
    out.push({ days: n * unit, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const FEMALE = /\b(woman|women|female|girl|lady|f|mother|wife|she|her|pregnant)\b/gi;
const MALE = /\b(man|men|male|boy|gentleman|m|husband|father|he|his|him)\b/gi;

/** Age and sex stated in text ("61 year old Male", "45-year-old woman", "3-month-old boy", "45 yo F"). */
export function extractDemographics(text: string): Demographics {
  return extractDemographicsWithSpan(text).demographics;
}

/** A span of the text: offsets and the words. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** Age and sex stated in text, with the span of the age statement (null when no age is stated). */
export function extractDemographicsWithSpan(text: string): { demographics: Demographics; span: TextSpan | null } {
  const re =
    /\b(\d{1,3}(?:\.\d+)?)[\s-]*(year|yr|y|month|mo|week|wk|day)s?[\s-]*(?:old|o)\b|\b(\d{1,3})\s*(?:yo|y\/o|yrs?)\b|\baged?\s+(\d{1,3})\b|\b(\d{1,3})\s*([mf])\b/i;
  const m = firstAgeMatch(text, re);
  let age: number | null = null;
  if (m) {
    const value = Number(m[1] ?? m[3] ?? m[4] ?? m[5]);
    const unit = (m[2] ?? 'year').toLowerCase();
    const factor = unit.startsWith('mo') ? 1 / 12 : unit.startsWith('w') ? 1 / 52 : unit.startsWith('d') ? 1 / 365 : 1;
    age = value * factor <= 130 ? Math.round(value * factor * 100) / 100 : null;
  }
  const span = m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
  return { demographics: { age, sex: sexOf(text, m) }, span };
}

/** The first age match that is not a temperature ("temp 101F", "38 C") nor a measurement with a unit. */
function firstAgeMatch(text: string, re: RegExp): RegExpExecArray | null {
  const global = new RegExp(re.source, 'gi');
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index).toLowerCase();
    if (m[5] && /(?:temp(?:erature)?|\bt(?:max)?|fever|febrile|°|º|deg(?:rees?)?)\W*(?:of|was|is|to)?\W*$/.test(before)) {
      continue;
    }
    return m;
  }
  return null;
}

function sexOf(text: string, ageMatch: RegExpExecArray | null): 'female' | 'male' | null {
  if (ageMatch?.[6]) {
    return ageMatch[6].toLowerCase() === 'f' ? 'female' : 'male';
  }
  // A sex word right after the age ("61 year old Male") decides; otherwise count sex words and pronouns.
  if (ageMatch) {
    const after = text.slice(ageMatch.index + ageMatch[0].length, ageMatch.index + ageMatch[0].length + 30);
    const word = /^\W*(?:\w+\W+)?(woman|female|girl|lady|man|male|boy|gentleman)\b|^\s*,?\s*([mf])\b/i.exec(after);
    const w = (word?.[1] ?? word?.[2])?.toLowerCase();
    if (w) {
      return ['woman', 'female', 'girl', 'lady', 'f'].includes(w) ? 'female' : 'male';
    }
  }
  const female = (text.match(FEMALE) ?? []).filter((w) => w.length > 1).length;
  const male = (text.match(MALE) ?? []).filter((w) => w.length > 1).length;
  if (female === male) {
    return null;
  }
  return female > male ? 'female' : 'male';
}
