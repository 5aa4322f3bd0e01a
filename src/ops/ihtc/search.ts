import type { NurseState } from './nurse-state.js';

/** A time-boxed simulated-annealing schedule: temperature falls geometrically from t0 to t1 over the budget. */
export interface Anneal {
  deadline: number;
  t0: number;
  t1: number;
  rand: () => number;
  /** Called every few thousand moves; returning true stops the search. */
  shouldStop: () => boolean;
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
