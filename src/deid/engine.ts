import { ageDetector } from './detectors/ages.js';
import { contactDetector } from './detectors/contact.js';
import { dateDetector } from './detectors/dates.js';
import { idDetector } from './detectors/ids.js';
import { knownDetector } from './detectors/known.js';
import { locationDetector } from './detectors/locations.js';
import { nameDetector } from './detectors/names.js';
import { professionDetector } from './detectors/professions.js';
import { mergeCandidates } from './merge.js';
import type { Candidate, Detector, DetectOptions, KnownIdentifiers, PhiSpan } from './types.js';

/** Options of one engine instance. */
export interface EngineOptions {
  /** Extra detectors (e.g. a site's ONNX/GGUF token classifier) run after the built-in ones. */
  extraDetectors?: readonly Detector[];
  redactBareYears?: boolean;
  ageThreshold?: number;
}

/** The built-in detectors, in order. */
export const BUILTIN_DETECTORS: readonly Detector[] = [
  contactDetector,
  idDetector,
  dateDetector,
  ageDetector,
  locationDetector,
  nameDetector,
  professionDetector,
  knownDetector,
];

/** A loaded de-identification engine: detectors plus options; reusable across documents. */
export class DeidEngine {
  readonly detectors: readonly Detector[];
  readonly options: DetectOptions;

  constructor(options: EngineOptions = {}) {
    this.detectors = [...BUILTIN_DETECTORS, ...(options.extraDetectors ?? [])];
    this.options = {
      redactBareYears: options.redactBareYears ?? false,
      ageThreshold: options.ageThreshold ?? 90,
    };
  }

  /** Raw candidates of every detector (for debugging and the benchmark). */
  candidates(text: string, known?: KnownIdentifiers): Candidate[] {
    const input = { text, known, options: this.options };
    return this.detectors.flatMap((d) => d.detect(input));
  }

  /** Detects PHI spans (disjoint, sorted, offsets in UTF-16 code units of `text`). */
  detect(text: string, known?: KnownIdentifiers): PhiSpan[] {
    return mergeCandidates(text, this.candidates(text, known));
  }
}
