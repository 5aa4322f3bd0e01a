import type { NurseState } from './nurse-state.js';
import type { PatientState } from './patient-state.js';

/** The patient plan and the nurse of every room-shift, searched together so that each move is priced exactly. */
export interface JointState {
  patients: PatientState;
  /** Absent in the patient-only phase: moves are then priced on the patient terms alone. */
  nurses?: NurseState;
}

/** Total penalised cost (validator cost plus weighted hard violations). */
export function jointCost(s: JointState): number {
  return s.patients.cost + (s.nurses?.cost ?? 0);
}

/** A patient's placement (day -1 = not admitted). */
export interface PatientMove {
  p: number;
  day: number;
  room: number;
  theater: number;
}

/** Moves patient p (day -1 unschedules) and re-prices its stay against the nurses of the cells it leaves and enters. */
export function jointMove(s: JointState, move: PatientMove): number {
  const { patients, nurses } = s;
  const m = patients.m;
  const stay = m.occupants + move.p;
  const oldDay = patients.day[move.p] ?? -1;
  const oldRoom = patients.room[move.p] ?? -1;
  let delta = patients.move(move.p, move.day, move.room, move.theater);
  if (!nurses || (oldDay === move.day && oldRoom === move.room)) return delta;
  if (oldDay >= 0) delta += nurses.updateStay(stay, { room: oldRoom, start: oldDay }, -1);
  if (move.day >= 0) delta += nurses.updateStay(stay, { room: move.room, start: move.day }, 1);
  return delta;
}
