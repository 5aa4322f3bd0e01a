import type { IhtcModel } from './model.js';
import type { NurseState } from './nurse-state.js';
import type { PatientState } from './patient-state.js';

/** A time-boxed simulated-annealing schedule: temperature falls geometrically from t0 to t1 over the budget. */
export interface Anneal {
  deadline: number;
  t0: number;
  t1: number;
  rand: () => number;
  /** Called every few thousand moves; returning true stops the search. */
  shouldStop: () => boolean;
}

function temperature(a: Anneal, started: number): number {
  const span = Math.max(1, a.deadline - started);
  const progress = Math.min(1, (Date.now() - started) / span);
  return a.t0 * Math.pow(a.t1 / a.t0, progress);
}

function randomInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/** One random neighbour of the patient plan; returns [p, day, room, theater]. */
function proposePatientMove(state: PatientState, rand: () => number): [number, number, number, number] {
  const m: IhtcModel = state.m;
  const p = randomInt(rand, m.patients);
  const day = state.day[p] ?? -1;
  const release = m.release[p] ?? 0;
  const due = m.due[p] ?? 0;
  const pickDay = (): number => release + randomInt(rand, due - release + 1);
  const pickRoom = (): number => {
    for (let i = 0; i < 8; i++) {
      const r = randomInt(rand, m.rooms);
      if (!m.incompatible[p * m.rooms + r]) return r;
    }
    return state.room[p] ?? 0;
  };
  const pickTheater = (): number => randomInt(rand, m.theaters);
  if (day < 0) return [p, pickDay(), pickRoom(), pickTheater()];
  const kind = rand();
  if (!m.mandatory[p] && kind < 0.05) return [p, -1, -1, -1];
  if (kind < 0.35) return [p, pickDay(), state.room[p] ?? 0, state.theater[p] ?? 0];
  if (kind < 0.65) return [p, day, pickRoom(), state.theater[p] ?? 0];
  if (kind < 0.85) return [p, day, state.room[p] ?? 0, pickTheater()];
  return [p, pickDay(), pickRoom(), pickTheater()];
}

/** Anneals the patient plan (admission day, room, theatre); keeps and restores the best plan seen. */
export function annealPatients(state: PatientState, a: Anneal): number {
  const started = Date.now();
  let best = state.cost;
  let bestPlan = [state.day.slice(), state.room.slice(), state.theater.slice()] as const;
  let moves = 0;
  let temp = a.t0;
  for (;;) {
    if ((moves & 1023) === 0) {
      if (Date.now() >= a.deadline || a.shouldStop()) break;
      temp = temperature(a, started);
    }
    moves++;
    const [p, d, r, t] = proposePatientMove(state, a.rand);
    const old = [state.day[p] ?? -1, state.room[p] ?? -1, state.theater[p] ?? -1] as const;
    const delta = state.move(p, d, r, t);
    if (delta <= 0 || a.rand() < Math.exp(-delta / temp)) {
      if (state.cost < best - 1e-9) {
        best = state.cost;
        bestPlan = [state.day.slice(), state.room.slice(), state.theater.slice()] as const;
      }
    } else {
      state.move(p, old[0], old[1], old[2]);
    }
  }
  for (let p = 0; p < state.m.patients; p++) {
    state.move(p, bestPlan[0][p] ?? -1, bestPlan[1][p] ?? -1, bestPlan[2][p] ?? -1);
  }
  return moves;
}

/** Greedy nurse start: each occupied room-shift, in time order, gets the nurse that costs least. */
export function constructNurses(state: NurseState): void {
  const order = Array.from(state.cells).sort((x, y) => {
    const m = state.m;
    const dx = Math.floor(x / m.shifts) % m.days;
    const dy = Math.floor(y / m.shifts) % m.days;
    return dx - dy || (x % m.shifts) - (y % m.shifts) || x - y;
  });
  for (const cell of order) {
    let best = Number.POSITIVE_INFINITY;
    let choice = -1;
    for (const n of state.options(cell)) {
      const delta = state.assign(cell, n);
      if (delta < best) {
        best = delta;
        choice = n;
      }
    }
    state.assign(cell, choice);
  }
}

/** Anneals nurse-to-room assignments (random nurse, or the nurse of the same room's neighbouring shift). */
export function annealNurses(state: NurseState, a: Anneal): number {
  const started = Date.now();
  const m = state.m;
  const cells = state.cells;
  if (cells.length === 0) return 0;
  let best = state.cost;
  let bestAssign = state.nurseOf.slice();
  let moves = 0;
  let temp = a.t0;
  for (;;) {
    if ((moves & 1023) === 0) {
      if (Date.now() >= a.deadline || a.shouldStop()) break;
      temp = temperature(a, started);
    }
    moves++;
    const cell = cells[randomInt(a.rand, cells.length)] ?? 0;
    const options = state.options(cell);
    if (options.length < 2) continue;
    let nurse = options[randomInt(a.rand, options.length)] ?? -1;
    if (a.rand() < 0.3) {
      const neighbour = a.rand() < 0.5 ? cell - 1 : cell + 1;
      const sameRoomDay = Math.floor(neighbour / m.shifts) === Math.floor(cell / m.shifts);
      const candidate = sameRoomDay
        ? (state.nurseOf[neighbour] ?? -1)
        : (state.nurseOf[cell + (a.rand() < 0.5 ? -m.shifts : m.shifts)] ?? -1);
      if (candidate >= 0 && options.includes(candidate)) nurse = candidate;
    }
    const old = state.nurseOf[cell] ?? -1;
    const delta = state.assign(cell, nurse);
    if (delta <= 0 || a.rand() < Math.exp(-delta / temp)) {
      if (state.cost < best - 1e-9) {
        best = state.cost;
        bestAssign = state.nurseOf.slice();
      }
    } else {
      state.assign(cell, old);
    }
  }
  for (const cell of cells) state.assign(cell, bestAssign[cell] ?? -1);
  return moves;
}
