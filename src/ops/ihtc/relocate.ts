import { jointMove, type JointState, type PatientMove } from './joint-state.js';
import type { PatientState } from './patient-state.js';

function randomInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/** A room that patient p fits from `day` (scanning from a random room), or -1. */
function fitRoom(st: PatientState, p: number, day: number, rand: () => number): number {
  const m = st.m;
  const from = randomInt(rand, m.rooms);
  for (let i = 0; i < m.rooms; i++) {
    const r = (from + i) % m.rooms;
    if (st.fits(p, r, day)) return r;
  }
  return -1;
}

/** Moves p to the theatre that prices best for its current day (theatre changes touch no room or nurse term). */
function bestTheater(s: JointState, p: number): number {
  const st = s.patients;
  const day = st.day[p] ?? -1;
  if (day < 0) return 0;
  const room = st.room[p] ?? 0;
  let delta = 0;
  let best = 0;
  let choice = st.theater[p] ?? 0;
  for (let t = 0; t < st.m.theaters; t++) {
    delta += st.move(p, day, room, t);
    if (delta < best) {
      best = delta;
      choice = t;
    }
  }
  delta += st.move(p, day, room, choice);
  return delta;
}

/** Unschedules the optional patients that keep p out of `room` from `day`; false (and undone) if p still does not fit. */
function eject(s: JointState, o: { p: number; room: number; day: number; undo: PatientMove[] }): number | null {
  const st = s.patients;
  const m = st.m;
  const end = o.day + (m.los[m.occupants + o.p] ?? 0);
  let delta = 0;
  for (let q = 0; q < m.patients; q++) {
    const dq = st.day[q] ?? -1;
    if (q === o.p || dq < 0 || st.room[q] !== o.room || m.mandatory[q]) continue;
    if (dq >= end || dq + (m.los[m.occupants + q] ?? 0) <= o.day) continue;
    o.undo.push({ p: q, day: dq, room: o.room, theater: st.theater[q] ?? 0 });
    delta += jointMove(s, { p: q, day: -1, room: -1, theater: -1 });
  }
  return st.fits(o.p, o.room, o.day) ? delta : null;
}

/**
 * Admits or moves p to a day of its window, in a room where it fits (or, when `ejecting`, in a room made to fit by
 * unscheduling optional patients), with its best theatre. Returns the delta and the moves that undo it, or null.
 */
export function relocate(
  s: JointState,
  p: number,
  o: { rand: () => number; ejecting: boolean },
): { delta: number; undo: PatientMove[] } | null {
  const st = s.patients;
  const m = st.m;
  const rand = o.rand;
  const release = m.release[p] ?? 0;
  const due = m.due[p] ?? 0;
  const oldDay = st.day[p] ?? -1;
  const oldRoom = st.room[p] ?? -1;
  const undo: PatientMove[] = [{ p, day: oldDay, room: oldRoom, theater: st.theater[p] ?? -1 }];
  let delta = 0;
  if (oldDay >= 0) delta += jointMove(s, { p, day: -1, room: -1, theater: -1 });
  for (let tries = 0; tries < 4; tries++) {
    const day =
      oldDay >= 0 && rand() < 0.5
        ? Math.max(release, Math.min(due, oldDay + (rand() < 0.5 ? -1 : 1) * (1 + randomInt(rand, 2))))
        : release + randomInt(rand, due - release + 1);
    let room = fitRoom(st, p, day, rand);
    if (room < 0 && o.ejecting) {
      const r = randomInt(rand, m.rooms);
      const kicked = m.incompatible[p * m.rooms + r] ? null : eject(s, { p, room: r, day, undo });
      if (kicked === null) {
        undoMoves(s, undo.splice(1));
        continue;
      }
      delta += kicked;
      room = r;
    }
    if (room < 0 || (day === oldDay && room === oldRoom)) continue;
    delta += jointMove(s, { p, day, room, theater: 0 });
    return { delta: delta + bestTheater(s, p), undo };
  }
  undoMoves(s, undo);
  return null;
}

/** Applies undo moves in reverse order. */
export function undoMoves(s: JointState, undo: PatientMove[]): void {
  for (let i = undo.length - 1; i >= 0; i--) {
    const u = undo[i];
    if (u) jointMove(s, u);
  }
}


/** A random patient, preferring (by sampling) one caught in a hard violation. */
export function pickRelocation(st: PatientState, rand: () => number): number {
  const m = st.m;
  let p = randomInt(rand, m.patients);
  for (let i = 0; i < 12 && !st.inViolation(p); i++) p = randomInt(rand, m.patients);
  return p;
}

/** Puts p on `day` in a room where it fits (ejecting optional patients from a random room if none), best theatre. */
function placeAt(s: JointState, o: { p: number; day: number; undo: PatientMove[]; rand: () => number }): number | null {
  const st = s.patients;
  const m = st.m;
  const p = o.p;
  o.undo.push({ p, day: st.day[p] ?? -1, room: st.room[p] ?? -1, theater: st.theater[p] ?? -1 });
  let delta = jointMove(s, { p, day: -1, room: -1, theater: -1 });
  let room = fitRoom(st, p, o.day, o.rand);
  if (room < 0) {
    const r = randomInt(o.rand, m.rooms);
    const kicked = m.incompatible[p * m.rooms + r] ? null : eject(s, { p, room: r, day: o.day, undo: o.undo });
    if (kicked === null) return null;
    delta += kicked;
    room = r;
  }
  delta += jointMove(s, { p, day: o.day, room, theater: 0 });
  return delta + bestTheater(s, p);
}

/**
 * Surgeon-overtime repair (an ejection chain of depth two): a patient of an overloaded surgeon-day moves to another
 * day of its window, after one of the surgeon's patients there moves on to a day with enough free time.
 */
export function surgeonChain(s: JointState, rand: () => number): { delta: number; undo: PatientMove[] } | null {
  const st = s.patients;
  const m = st.m;
  let p = -1;
  for (let i = 0; i < 30 && p < 0; i++) {
    const q = randomInt(rand, m.patients);
    const d = st.day[q] ?? -1;
    if (d >= 0 && st.surgeonFree(m.surgeon[q] ?? 0, d) < 0) p = q;
  }
  if (p < 0) return null;
  const u = m.surgeon[p] ?? 0;
  const day = st.day[p] ?? 0;
  const dur = m.duration[p] ?? 0;
  const release = m.release[p] ?? 0;
  const span = (m.due[p] ?? 0) - release + 1;
  const target = release + randomInt(rand, span);
  if (target === day) return null;
  const undo: PatientMove[] = [];
  let delta = 0;
  const need = dur - st.surgeonFree(u, target);
  if (need > 0) {
    const peers: number[] = [];
    for (let q = 0; q < m.patients; q++) if (q !== p && st.day[q] === target && m.surgeon[q] === u) peers.push(q);
    for (let i = peers.length - 1; i > 0; i--) {
      const j = randomInt(rand, i + 1);
      [peers[i], peers[j]] = [peers[j] ?? 0, peers[i] ?? 0];
    }
    for (const q of peers) {
      if (st.surgeonFree(u, target) >= dur) break;
      const options: number[] = [];
      for (let d = m.release[q] ?? 0; d <= (m.due[q] ?? 0); d++) {
        if (d !== target && d !== day && st.surgeonFree(u, d) >= (m.duration[q] ?? 0)) options.push(d);
      }
      const dq = options[randomInt(rand, options.length)];
      if (dq === undefined) continue;
      const mark = undo.length;
      const moved = placeAt(s, { p: q, day: dq, undo, rand });
      if (moved === null) undoMoves(s, undo.splice(mark));
      else delta += moved;
    }
    if (st.surgeonFree(u, target) < dur) {
      undoMoves(s, undo);
      return null;
    }
  }
  const moved = placeAt(s, { p, day: target, undo, rand });
  if (moved === null) {
    undoMoves(s, undo);
    return null;
  }
  return { delta: delta + moved, undo };
}
