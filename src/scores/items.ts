import type { ChartReader, Reading } from './chart-reader.js';
import type { ConditionSet, MedicationSet } from './knowledge/schema.js';
import type { ScoreBuilder } from './score-builder.js';

/** A yes/no score item read from the problem list or medication list, unless the caller gave it in `extra`. */
export interface ChartItem {
  id: string;
  label: string;
  points: number;
  extra: boolean | undefined;
  extraKey: string;
  conditions?: ConditionSet;
  medications?: MedicationSet;
  /** When true, an undocumented item is missing (not scored 0): the chart cannot show its absence. */
  absenceUnknown?: boolean;
}

/** Scores a yes/no item: `extra` wins, then chart evidence; undocumented items score 0 with an assumption. */
export function chartItem(b: ScoreBuilder, item: ChartItem): boolean | null {
  const base = { id: item.id, label: item.label };
  if (item.extra !== undefined) {
    b.add({ ...base, input: item.extra, points: item.extra ? item.points : 0, basis: 'extra' });
    return item.extra;
  }
  const problems = item.conditions ? b.reader.problems(item.conditions) : [];
  const meds = item.medications ? b.reader.medications(item.medications) : [];
  const facts = [...problems, ...meds];
  if (facts.length > 0) {
    const names = facts.map((f) => f.text).join('; ');
    b.add({ ...base, input: true, points: item.points, basis: 'chart', facts, note: names });
    return true;
  }
  if (item.absenceUnknown === true) {
    const low = Math.min(0, item.points);
    const high = Math.max(0, item.points);
    b.add({
      ...base,
      input: null,
      points: null,
      basis: 'missing',
      possible: [low, high],
      extraKey: item.extraKey,
      missingReason: 'not recorded in the chart; needs the clinician',
    });
    return null;
  }
  b.add({ ...base, input: false, points: 0, basis: 'not-documented' });
  b.assumptions.push(
    `${item.label}: not documented in the chart, scored as absent (override with extra.${item.extraKey})`,
  );
  return false;
}

/** Records the newest reading of an input with its window; returns it or null (caller records the component). */
export function readingWithWindow(b: ScoreBuilder, input: string, hours: number, r: Reading | null): Reading | null {
  b.window(input, hours);
  return r;
}

/** The reader's newest vital of a kind within `hours`, recording the window. */
export function latestVital(
  b: ScoreBuilder,
  sign: Parameters<ChartReader['vital']>[0],
  unit: string,
  hours: number,
): Reading | null {
  return readingWithWindow(b, sign, hours, b.reader.vital(sign, unit, hours));
}
