import type { ObservationFact } from '../patient/index.js';
import type { Consciousness } from './extra-schema.js';
import type { ScoreBuilder } from './score-builder.js';

/** A level of consciousness read from the chart, with the fact it came from. */
export interface MentationReading {
  level: Consciousness;
  gcs: number | null;
  fact: ObservationFact;
  note: string;
}

// SNOMED CT findings used for ACVPU answers.
const ACVPU_CODES: Readonly<Record<string, Consciousness>> = {
  '248234008': 'alert',
  '130987000': 'new-confusion',
  '300202002': 'voice',
  '450847001': 'pain',
  '422768004': 'unresponsive',
};

function levelFromText(text: string): Consciousness | null {
  const t = text.toLowerCase();
  if (/unrespons/.test(t)) {
    return 'unresponsive';
  }
  if (/pain/.test(t)) {
    return 'pain';
  }
  if (/voice|verbal/.test(t)) {
    return 'voice';
  }
  if (/confus/.test(t)) {
    return 'new-confusion';
  }
  return /\balert\b/.test(t) ? 'alert' : null;
}

function fromFact(fact: ObservationFact): MentationReading | null {
  const v = fact.value;
  if (fact.vitalSign === 'gcs' && v?.type === 'quantity') {
    const gcs = v.value;
    return gcs >= 15
      ? { level: 'alert', gcs, fact, note: 'GCS 15 read as alert' }
      : { level: 'new-confusion', gcs, fact, note: `GCS ${String(gcs)} (< 15) read as not alert` };
  }
  if (v?.type === 'coded') {
    const byCode = v.coding ? ACVPU_CODES[v.coding.code] : undefined;
    const level = byCode ?? levelFromText(`${v.coding?.display ?? ''} ${v.text ?? ''}`);
    return level ? { level, gcs: null, fact, note: `level of consciousness: ${level}` } : null;
  }
  if (v?.type === 'text') {
    const level = levelFromText(v.text);
    return level ? { level, gcs: null, fact, note: `level of consciousness: ${level}` } : null;
  }
  return null;
}

/** The newest level of consciousness (ACVPU observation or GCS) within `hours`, recording the window. */
export function readMentation(b: ScoreBuilder, hours: number): MentationReading | null {
  b.window('consciousness', hours);
  const facts = [...b.reader.vitalFacts('consciousness', hours), ...b.reader.vitalFacts('gcs', hours)];
  facts.sort((x, y) => Date.parse(y.effectiveTime ?? '') - Date.parse(x.effectiveTime ?? ''));
  for (const fact of facts) {
    const reading = fromFact(fact);
    if (reading) {
      return reading;
    }
  }
  return null;
}

/** The newest GCS total within `hours` (null when none), recording the window. */
export function readGcs(b: ScoreBuilder, hours: number): { gcs: number; fact: ObservationFact } | null {
  b.window('gcs', hours);
  const r = b.reader.vital('gcs', '{score}', hours);
  return r ? { gcs: r.value, fact: r.fact } : null;
}

/** How one score turns a level of consciousness into its mentation component. */
export interface MentationComponentSpec<T extends string | boolean> {
  id: string;
  label: string;
  windowHours: number;
  /** The clinician-entered value, when given (it wins over the chart). */
  given: T | undefined;
  extraKey: string;
  missingReason: string;
  /** The component's input read from the chart. */
  fromChart: (m: MentationReading) => T;
  points: (input: T) => number;
  possible: [number, number];
}

/** Adds a mentation component (clinician input, else the newest chart reading, else missing) to a score. */
export function addMentationComponent<T extends string | boolean>(
  b: ScoreBuilder,
  spec: MentationComponentSpec<T>,
): void {
  const base = { id: spec.id, label: spec.label };
  if (spec.given !== undefined) {
    b.add({ ...base, input: spec.given, points: spec.points(spec.given), basis: 'extra' });
    return;
  }
  const m = readMentation(b, spec.windowHours);
  if (!m) {
    b.add({
      ...base,
      input: null,
      points: null,
      basis: 'missing',
      possible: spec.possible,
      extraKey: spec.extraKey,
      missingReason: spec.missingReason,
    });
    return;
  }
  const input = spec.fromChart(m);
  b.add({ ...base, input, points: spec.points(input), basis: 'chart', facts: [m.fact], note: m.note });
}
