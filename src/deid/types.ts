/** PHI categories detected by the engine (HIPAA Safe Harbor's 18 identifiers and the i2b2 2014 taxonomy). */
export const PHI_CATEGORIES = [
  'NAME',
  'USERNAME',
  'AGE',
  'DATE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'ID',
  'URL',
  'IP',
  'ADDRESS',
  'ZIP',
  'CITY',
  'STATE',
  'LOCATION',
  'ORGANIZATION',
  'PROFESSION',
] as const;

export type PhiCategory = (typeof PHI_CATEGORIES)[number];

/** A detected PHI span; offsets are UTF-16 code units of the input, end exclusive. */
export interface PhiSpan {
  start: number;
  end: number;
  category: PhiCategory;
  text: string;
}

/** A detector's candidate; `score` in 0..1 breaks ties between overlapping candidates. */
export interface Candidate {
  start: number;
  end: number;
  category: PhiCategory;
  score: number;
  /** Which detector produced it (for debugging and the benchmark). */
  source: string;
}

/** A region the survivors rule says must stay untouched (eponyms, drug and disease names, doses). */
export interface Protected {
  start: number;
  end: number;
}

/** What a detector sees: the text plus the per-document context (known identifiers, options). */
export interface DetectInput {
  text: string;
  known?: KnownIdentifiers | undefined;
  options: DetectOptions;
}

/** Pluggable detector: a site may add an encoder-model token classifier (ONNX or GGUF) that returns candidates. */
export interface Detector {
  readonly name: string;
  detect(input: DetectInput): Candidate[];
}

/** Options that change what counts as PHI. */
export interface DetectOptions {
  /** Redact a bare year ("in 2021") that is not part of a date; default false (years survive). */
  redactBareYears: boolean;
  /** Ages at or above this are PHI (Safe Harbor: 90). */
  ageThreshold: number;
}

/** Identifiers known from the FHIR Patient (and related people), found wherever they appear. */
export interface KnownIdentifiers {
  names: string[];
  ids: string[];
  addresses: string[];
  phones: string[];
  emails: string[];
  /** ISO dates (YYYY-MM-DD), e.g. the birth date. */
  dates: string[];
}

/** Output transformation. */
export type DeidMode = 'redact' | 'tag' | 'surrogate';
