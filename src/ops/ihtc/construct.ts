import type { IhtcModel } from './model.js';
import type { PatientState } from './patient-state.js';
import { planMandatoryDays } from './surgeon-plan.js';

/** Picks the cheapest (day, room, theatre) for patient p by trying each option and undoing it; returns its delta. */
export function placeBest(state: PatientState, p: number, range: { first?: number; last?: number } = {}): number {
  const m = state.m;
  const release = Math.max(m.release[p] ?? 0, range.first ?? 0);
  const last = Math.min(m.due[p] ?? m.days - 1, range.last ?? m.days - 1);
  let best = Number.POSITIVE_INFINITY;
  let choice: [number, number, number] = [-1, -1, -1];
  const base = [state.day[p] ?? -1, state.room[p] ?? -1, state.theater[p] ?? -1] as const;
  for (let d = release; d <= last; d++) {
    for (let r = 0; r < m.rooms; r++) {
      if (m.incompatible[p * m.rooms + r]) continue;
      for (let t = 0; t < m.theaters; t++) {
        const delta = state.move(p, d, r, t);
        if (delta < best) {
          best = delta;
          choice = [d, r, t];
        }
        state.move(p, base[0], base[1], base[2]);
      }
    }
  }
  if (choice[0] < 0) return 0;
  return state.move(p, choice[0], choice[1], choice[2]);
}

/**
 * Greedy start: mandatory patients, most constrained first, on the days of a surgeon packing without overtime when
 * one was found (elsewhere if that day has no room), then optional ones where they lower the cost.
 */
export function constructPatients(state: PatientState): void {
  const m: IhtcModel = state.m;
  const order = Array.from({ length: m.patients }, (_, p) => p);
  order.sort(
    (a, b) =>
      (m.mandatory[b] ?? 0) - (m.mandatory[a] ?? 0) ||
      (m.due[a] ?? 0) - (m.release[a] ?? 0) - ((m.due[b] ?? 0) - (m.release[b] ?? 0)) ||
      (m.due[a] ?? 0) - (m.due[b] ?? 0) ||
      (m.duration[b] ?? 0) - (m.duration[a] ?? 0),
  );
  const planned = planMandatoryDays(m);
  for (const p of order) {
    const day = planned[p] ?? -1;
    if (day >= 0) {
      placeBest(state, p, { first: day, last: day });
      if (!state.inViolation(p)) continue;
    }
    const delta = placeBest(state, p, m.mandatory[p] ? {} : { last: (m.release[p] ?? 0) + 9 });
    if (!m.mandatory[p] && delta > 0) state.move(p, -1, -1, -1);
  }
}

/**
 * Repair after construction: patients caught in a hard violation are re-placed at their best option (optional ones
 * may be dropped), for a few sweeps or until the deadline.
 */
export function repairPatients(state: PatientState, stop: { deadline: number; shouldStop?: () => boolean }): void {
  const m = state.m;
  const over = (): boolean => Date.now() >= stop.deadline || stop.shouldStop?.() === true;
  for (let sweep = 0; sweep < 6 && !over(); sweep++) {
    let changed = false;
    for (let p = 0; p < m.patients && !over(); p++) {
      if (!state.inViolation(p)) continue;
      const before = state.cost;
      const old = [state.day[p] ?? -1, state.room[p] ?? -1, state.theater[p] ?? -1] as const;
      if (!m.mandatory[p] && state.move(p, -1, -1, -1) < 0) {
        changed = true;
        continue;
      }
      state.move(p, old[0], old[1], old[2]);
      placeBest(state, p);
      if (state.cost < before - 1e-9) changed = true;
    }
    if (!changed) break;
  }
}
