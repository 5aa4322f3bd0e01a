import { addPatient } from './clinical.js';
import { DAY, HOUR, MINUTE } from './dates.js';
import { itemAt, Rng } from './prng.js';
import { RecordBuilder, type Clinician, type Demographics } from './record-builder.js';
import { cliniciansAt, FACILITIES } from './staff.js';

/** A showcase patient: a fixed chart demonstrating one clinical situation. */
export interface ShowcasePatient {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** Fixed demographics of a showcase patient; ages are relative to the anchor date. */
export interface ShowcaseDemo extends Omit<Demographics, 'birthMs'> {
  readonly ageYears: number;
  readonly ageExtraDays: number;
}

/** Starts a showcase record: fixed PRNG stream, fixed facility, Patient resource added. */
export function startShowcase(
  id: string,
  demo: ShowcaseDemo,
  context: { anchor: number; facility: number; stream: number },
): RecordBuilder {
  const { ageYears, ageExtraDays, ...rest } = demo;
  const facility = itemAt(FACILITIES, context.facility);
  const b = new RecordBuilder(id, new Rng(7_000 + context.stream, context.stream), {
    anchor: context.anchor,
    facility,
    demo: { ...rest, birthMs: context.anchor - Math.round(ageYears * 365.25 + ageExtraDays) * DAY },
  });
  addPatient(b);
  return b;
}

/** A clinician of the showcase facility with the given specialty. */
export function clinicianFor(b: RecordBuilder, specialty: string, n = 0): Clinician {
  const list = cliniciansAt(b.facility, specialty);
  return itemAt(list, n % list.length);
}

/** A time `days` before the anchor at the given clock time (UTC). */
export function daysBefore(b: RecordBuilder, days: number, hour = 9, minute = 0): number {
  return b.anchor - 12 * HOUR - days * DAY + hour * HOUR + minute * MINUTE;
}
