import { jointCost, jointMove, type JointState } from './joint-state.js';
import type { IhtcModel } from './model.js';
import type { NurseState } from './nurse-state.js';
import { pickRelocation, relocate, surgeonChain, undoMoves } from './relocate.js';
import type { Anneal } from './search.js';

export { jointCost, jointMove, type JointState } from './joint-state.js';

/** Gives every empty room-shift a nurse (the room's previous-shift nurse when it works), so moves can be priced. */
export function fillEmptyCells(nurses: NurseState): void {
  const m = nurses.m;
  for (let r = 0; r < m.rooms; r++) {
    let previous = -1;
    for (let d = 0; d < m.days; d++) {
      for (let s = 0; s < m.shifts; s++) {
        const cell = (r * m.days + d) * m.shifts + s;
        const options = nurses.options(cell);
        if ((nurses.nurseOf[cell] ?? -1) < 0 && options.length > 0) {
          nurses.assign(cell, options.includes(previous) ? previous : (options[(r + d) % options.length] ?? -1));
        }
        previous = nurses.nurseOf[cell] ?? -1;
      }
    }
  }
}

const surgeonPatients = new WeakMap<IhtcModel, Int32Array[]>();

/** Patients of each surgeon (cached per model). */
function patientsOfSurgeon(m: IhtcModel): Int32Array[] {
  let lists = surgeonPatients.get(m);
  if (!lists) {
    const out: number[][] = Array.from({ length: m.surgeons }, () => []);
    for (let p = 0; p < m.patients; p++) out[m.surgeon[p] ?? 0]?.push(p);
    lists = out.map((l) => Int32Array.from(l));
    surgeonPatients.set(m, lists);
  }
  return lists;
}

function randomInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

function pickRoom(m: IhtcModel, p: number, rand: () => number): number {
  for (let i = 0; i < 10; i++) {
    const r = randomInt(rand, m.rooms);
    if (!m.incompatible[p * m.rooms + r]) return r;
  }
  return -1;
}

/** A random patient move; null when none was found. */
function proposePatient(
  s: JointState,
  rand: () => number,
): { p: number; day: number; room: number; theater: number } | null {
  const st = s.patients;
  const m = st.m;
  const p = randomInt(rand, m.patients);
  const day = st.day[p] ?? -1;
  const release = m.release[p] ?? 0;
  const due = m.due[p] ?? 0;
  const room = st.room[p] ?? -1;
  const theater = st.theater[p] ?? -1;
  const newDay = (): number => {
    if (day >= 0 && rand() < 0.6) return Math.max(release, Math.min(due, day + (rand() < 0.5 ? -1 : 1)));
    return release + randomInt(rand, due - release + 1);
  };
  if (day < 0) {
    const r = pickRoom(m, p, rand);
    return r < 0 ? null : { p, day: newDay(), room: r, theater: randomInt(rand, m.theaters) };
  }
  const kind = rand();
  if (!m.mandatory[p] && kind < 0.06) return { p, day: -1, room: -1, theater: -1 };
  if (kind < 0.35) return { p, day: newDay(), room, theater };
  if (kind < 0.6) {
    const r = pickRoom(m, p, rand);
    return r < 0 ? null : { p, day, room: r, theater };
  }
  if (kind < 0.8) return { p, day, room, theater: randomInt(rand, m.theaters) };
  const r = pickRoom(m, p, rand);
  return r < 0 ? null : { p, day: newDay(), room: r, theater: randomInt(rand, m.theaters) };
}

/** Swaps two admitted patients' rooms (or admission days when both windows allow); returns the delta or null. */
function trySwap(s: JointState, rand: () => number, accept: (delta: number) => boolean): void {
  const st = s.patients;
  const m = st.m;
  const a = randomInt(rand, m.patients);
  const sameSurgeon = rand() < 0.5;
  const peers = sameSurgeon ? patientsOfSurgeon(m)[m.surgeon[a] ?? 0] : undefined;
  const b = peers ? (peers[randomInt(rand, peers.length)] ?? a) : randomInt(rand, m.patients);
  const da = st.day[a] ?? -1;
  const db = st.day[b] ?? -1;
  if (a === b || da < 0 || db < 0) return;
  const ra = st.room[a] ?? 0;
  const rb = st.room[b] ?? 0;
  const ta = st.theater[a] ?? 0;
  const tb = st.theater[b] ?? 0;
  const swapDays = sameSurgeon || rand() < 0.3;
  let na = { p: a, day: da, room: rb, theater: ta };
  let nb = { p: b, day: db, room: ra, theater: tb };
  if (swapDays) {
    if (db < (m.release[a] ?? 0) || db > (m.due[a] ?? 0) || da < (m.release[b] ?? 0) || da > (m.due[b] ?? 0)) return;
    na = { p: a, day: db, room: rb, theater: tb };
    nb = { p: b, day: da, room: ra, theater: ta };
  } else if (ra === rb) return;
  if (m.incompatible[a * m.rooms + na.room] || m.incompatible[b * m.rooms + nb.room]) return;
  const delta = jointMove(s, na) + jointMove(s, nb);
  if (accept(delta)) return;
  jointMove(s, { p: b, day: db, room: rb, theater: tb });
  jointMove(s, { p: a, day: da, room: ra, theater: ta });
}

/** A nurse move: a cell of a random stay gets a random working nurse, or the nurse of a neighbouring cell. */
function tryNurse(s: JointState, rand: () => number, accept: (delta: number) => boolean): void {
  const st = s.patients;
  const nurses = s.nurses;
  const m = st.m;
  if (!nurses) return;
  const stay = randomInt(rand, m.occupants + m.patients);
  let room: number;
  let start: number;
  if (stay < m.occupants) {
    room = m.fixedRoom[stay] ?? 0;
    start = 0;
  } else {
    start = st.day[stay - m.occupants] ?? -1;
    room = st.room[stay - m.occupants] ?? -1;
    if (start < 0) return;
  }
  const len = Math.min(m.los[stay] ?? 1, m.days - start);
  const d = start + randomInt(rand, len);
  const sh = randomInt(rand, m.shifts);
  const cell = (room * m.days + d) * m.shifts + sh;
  const options = nurses.options(cell);
  if (options.length < 2) return;
  let nurse = options[randomInt(rand, options.length)] ?? -1;
  if (rand() < 0.5) {
    const other = (room * m.days + start + randomInt(rand, len)) * m.shifts + randomInt(rand, m.shifts);
    const candidate = nurses.nurseOf[other] ?? -1;
    if (candidate >= 0 && options.includes(candidate)) nurse = candidate;
  }
  const old = nurses.nurseOf[cell] ?? -1;
  if (nurse === old) return;
  const delta = nurses.assign(cell, nurse);
  if (!accept(delta)) nurses.assign(cell, old);
}

function temperature(a: Anneal, started: number): number {
  const progress = Math.min(1, (Date.now() - started) / Math.max(1, a.deadline - started));
  return a.t0 * Math.pow(a.t1 / a.t0, progress);
}

/** Anneals the patient plan and the nurses together; restores the best (lowest penalised cost) state seen. */
export function annealJoint(s: JointState, a: Anneal): number {
  const started = Date.now();
  const m = s.patients.m;
  let best = jointCost(s);
  const snapshot = (): [Int32Array, Int32Array, Int32Array, Int32Array] => [
    s.patients.day.slice(),
    s.patients.room.slice(),
    s.patients.theater.slice(),
    s.nurses?.nurseOf.slice() ?? new Int32Array(),
  ];
  let bestState = snapshot();
  let temp = a.t0;
  let moves = 0;
  const accept = (delta: number): boolean => {
    if (delta > 0 && a.rand() >= Math.exp(-delta / temp)) return false;
    const cost = jointCost(s);
    if (cost < best - 1e-9) {
      best = cost;
      bestState = snapshot();
    }
    return true;
  };
  for (;;) {
    if ((moves & 511) === 0) {
      if (Date.now() >= a.deadline || a.shouldStop()) break;
      temp = temperature(a, started);
    }
    moves++;
    const kind = s.nurses ? a.rand() : a.rand() * 0.67;
    if (kind < 0.45) {
      const move = proposePatient(s, a.rand);
      if (!move) continue;
      const p = move.p;
      const old = { p, day: s.patients.day[p] ?? -1, room: s.patients.room[p] ?? -1, theater: s.patients.theater[p] ?? -1 };
      if (!accept(jointMove(s, move))) jointMove(s, old);
    } else if (kind < 0.55) trySwap(s, a.rand, accept);
    else if (kind < 0.65) {
      const p = pickRelocation(s.patients, a.rand);
      const moved = relocate(s, p, { rand: a.rand, ejecting: s.patients.inViolation(p) });
      if (moved && !accept(moved.delta)) undoMoves(s, moved.undo);
    } else if (kind < 0.67) {
      const moved = surgeonChain(s, a.rand);
      if (moved && !accept(moved.delta)) undoMoves(s, moved.undo);
    }
    else tryNurse(s, a.rand, accept);
  }
  if (jointCost(s) > best + 1e-9) {
    const [day, room, theater, nurseOf] = bestState;
    for (let p = 0; p < m.patients; p++) {
      jointMove(s, { p, day: day[p] ?? -1, room: room[p] ?? -1, theater: theater[p] ?? -1 });
    }
    for (let c = 0; c < nurseOf.length; c++) s.nurses?.assign(c, nurseOf[c] ?? -1);
  }
  return moves;
}
