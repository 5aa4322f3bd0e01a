import type { IhtcModel } from './model.js';

/** Penalty per unit of hard violation while searching (patients, rooms, or per minute of overtime). */
export const HARD = 5_000;
export const HARD_PER_MINUTE = 1_000;

/**
 * Phase-1 search state: each patient's admission day (-1 = not admitted), room and theatre, with the room-day,
 * theatre-day and surgeon-day tallies needed to price a move incrementally. Costs here are the patient-side terms
 * (age mix, delay, unscheduled optionals, open theatres, surgeon transfers) plus weighted hard violations.
 */
export class PatientState {
  readonly day: Int32Array;
  readonly room: Int32Array;
  readonly theater: Int32Array;
  private readonly count: Int32Array;
  private readonly genderCount: Int32Array;
  private readonly ageCount: Int32Array;
  private readonly theaterLoad: Int32Array;
  private readonly surgeonLoad: Int32Array;
  private readonly surgeonTheater: Int32Array;
  private readonly genders: number;
  cost = 0;
  /** Penalty per minute of theatre or surgeon overtime. */
  private readonly perMinute = HARD_PER_MINUTE;

  constructor(readonly m: IhtcModel) {
    const P = m.patients;
    this.day = new Int32Array(P).fill(-1);
    this.room = new Int32Array(P).fill(-1);
    this.theater = new Int32Array(P).fill(-1);
    this.genders = Math.max(2, ...Array.from(m.gender, (g) => g + 1));
    const cells = m.rooms * m.days;
    this.count = new Int32Array(cells);
    this.genderCount = new Int32Array(cells * this.genders);
    this.ageCount = new Int32Array(cells * m.ageGroups);
    this.theaterLoad = new Int32Array(m.theaters * m.days);
    this.surgeonLoad = new Int32Array(m.surgeons * m.days);
    this.surgeonTheater = new Int32Array(m.surgeons * m.days * m.theaters);
    for (let o = 0; o < m.occupants; o++) this.occupy(o, m.fixedRoom[o] ?? 0, 0, 1);
    this.cost = this.fullCost();
  }

  private occupy(stay: number, room: number, start: number, sign: 1 | -1): void {
    const m = this.m;
    const end = Math.min(m.days, start + (m.los[stay] ?? 0));
    const g = m.gender[stay] ?? 0;
    const a = m.age[stay] ?? 0;
    for (let d = start; d < end; d++) {
      const c = room * m.days + d;
      this.count[c] = (this.count[c] ?? 0) + sign;
      this.genderCount[c * this.genders + g] = (this.genderCount[c * this.genders + g] ?? 0) + sign;
      this.ageCount[c * m.ageGroups + a] = (this.ageCount[c * m.ageGroups + a] ?? 0) + sign;
    }
  }

  /** Cost of one room-day cell: age spread (soft) plus gender mix and over-capacity (hard). */
  roomDayCost(room: number, d: number): number {
    const m = this.m;
    const c = room * m.days + d;
    const n = this.count[c] ?? 0;
    if (n === 0) return 0;
    let lo = -1;
    let hi = -1;
    for (let a = 0; a < m.ageGroups; a++) {
      if ((this.ageCount[c * m.ageGroups + a] ?? 0) > 0) {
        if (lo < 0) lo = a;
        hi = a;
      }
    }
    let present = 0;
    for (let g = 0; g < this.genders; g++) if ((this.genderCount[c * this.genders + g] ?? 0) > 0) present++;
    const over = Math.max(0, n - (m.capacity[room] ?? 0));
    return (hi - lo) * m.weights.room_mixed_age + (present > 1 ? HARD : 0) + over * HARD;
  }

  private theaterDayCost(t: number, d: number): number {
    const load = this.theaterLoad[t * this.m.days + d] ?? 0;
    if (load === 0) return 0;
    const over = Math.max(0, load - (this.m.availability[t * this.m.days + d] ?? 0));
    return this.m.weights.open_operating_theater + over * this.perMinute;
  }

  private surgeonDayCost(u: number, d: number): number {
    const m = this.m;
    const load = this.surgeonLoad[u * m.days + d] ?? 0;
    if (load === 0) return 0;
    let used = 0;
    for (let t = 0; t < m.theaters; t++) if ((this.surgeonTheater[(u * m.days + d) * m.theaters + t] ?? 0) > 0) used++;
    const over = Math.max(0, load - (m.maxSurgery[u * m.days + d] ?? 0));
    return Math.max(0, used - 1) * m.weights.surgeon_transfer + over * this.perMinute;
  }

  /** The patient's own terms: delay, unscheduled optional, missed mandatory, incompatible room. */
  private ownCost(p: number): number {
    const m = this.m;
    const d = this.day[p] ?? -1;
    if (d < 0) return m.mandatory[p] ? HARD * 4 : m.weights.unscheduled_optional;
    const late = d > (m.due[p] ?? 0) ? HARD : 0;
    const incompatible = m.incompatible[p * m.rooms + (this.room[p] ?? 0)] ? HARD : 0;
    return (d - (m.release[p] ?? 0)) * m.weights.patient_delay + late + incompatible;
  }

  private fullCost(): number {
    const m = this.m;
    let total = 0;
    for (let r = 0; r < m.rooms; r++) for (let d = 0; d < m.days; d++) total += this.roomDayCost(r, d);
    for (let t = 0; t < m.theaters; t++) for (let d = 0; d < m.days; d++) total += this.theaterDayCost(t, d);
    for (let u = 0; u < m.surgeons; u++) for (let d = 0; d < m.days; d++) total += this.surgeonDayCost(u, d);
    for (let p = 0; p < m.patients; p++) total += this.ownCost(p);
    return total;
  }

  private localCost(
    p: number,
    cells: { room: number; from: number; to: number }[],
    theaterDays: [number, number][],
  ): number {
    let total = this.ownCost(p);
    const seen = new Set<number>();
    for (const { room, from, to } of cells) {
      for (let d = from; d < to; d++) {
        const key = room * this.m.days + d;
        if (seen.has(key)) continue;
        seen.add(key);
        total += this.roomDayCost(room, d);
      }
    }
    const u = this.m.surgeon[p] ?? 0;
    const seenTd = new Set<number>();
    for (const [t, d] of theaterDays) {
      if (t < 0 || d < 0 || seenTd.has(t * this.m.days + d)) continue;
      seenTd.add(t * this.m.days + d);
      total += this.theaterDayCost(t, d);
    }
    const seenD = new Set<number>();
    for (const [, d] of theaterDays) {
      if (d < 0 || seenD.has(d)) continue;
      seenD.add(d);
      total += this.surgeonDayCost(u, d);
    }
    return total;
  }

  private place(p: number, sign: 1 | -1): void {
    const m = this.m;
    const d = this.day[p] ?? -1;
    if (d < 0) return;
    const stay = m.occupants + p;
    this.occupy(stay, this.room[p] ?? 0, d, sign);
    const t = this.theater[p] ?? 0;
    const u = m.surgeon[p] ?? 0;
    const dur = (m.duration[p] ?? 0) * sign;
    this.theaterLoad[t * m.days + d] = (this.theaterLoad[t * m.days + d] ?? 0) + dur;
    this.surgeonLoad[u * m.days + d] = (this.surgeonLoad[u * m.days + d] ?? 0) + dur;
    const st = (u * m.days + d) * m.theaters + t;
    this.surgeonTheater[st] = (this.surgeonTheater[st] ?? 0) + sign;
  }

  /** Moves patient p to (day, room, theater) — day -1 unschedules — and returns the change in cost. */
  move(p: number, day: number, room: number, theater: number): number {
    const m = this.m;
    const los = m.los[m.occupants + p] ?? 0;
    const oldDay = this.day[p] ?? -1;
    const oldRoom = this.room[p] ?? -1;
    const oldTheater = this.theater[p] ?? -1;
    const cells = [];
    if (oldDay >= 0) cells.push({ room: oldRoom, from: oldDay, to: Math.min(m.days, oldDay + los) });
    if (day >= 0) cells.push({ room, from: day, to: Math.min(m.days, day + los) });
    const td: [number, number][] = [
      [oldTheater, oldDay],
      [theater, day],
    ];
    const before = this.localCost(p, cells, td);
    this.place(p, -1);
    this.day[p] = day;
    this.room[p] = day >= 0 ? room : -1;
    this.theater[p] = day >= 0 ? theater : -1;
    this.place(p, 1);
    const delta = this.localCost(p, cells, td) - before;
    this.cost += delta;
    return delta;
  }

  /** Whether patient p (not counted in the room yet) fits `room` from `day`: compatible, free beds, same gender. */
  fits(p: number, room: number, day: number): boolean {
    const m = this.m;
    if (m.incompatible[p * m.rooms + room]) return false;
    const stay = m.occupants + p;
    const g = m.gender[stay] ?? 0;
    const end = Math.min(m.days, day + (m.los[stay] ?? 0));
    for (let d = day; d < end; d++) {
      const c = room * m.days + d;
      const n = this.count[c] ?? 0;
      if (n >= (m.capacity[room] ?? 0)) return false;
      if (n > (this.genderCount[c * this.genders + g] ?? 0)) return false;
    }
    return true;
  }

  /** Surgery minutes surgeon u still has free on day d (negative when in overtime). */
  surgeonFree(u: number, d: number): number {
    return (this.m.maxSurgery[u * this.m.days + d] ?? 0) - (this.surgeonLoad[u * this.m.days + d] ?? 0);
  }

  /** Whether patient p takes part in a hard violation (room-day, theatre-day, surgeon-day, or its own window). */
  inViolation(p: number): boolean {
    const m = this.m;
    const d = this.day[p] ?? -1;
    if (d < 0) return m.mandatory[p] === 1;
    const room = this.room[p] ?? 0;
    if (d > (m.due[p] ?? 0) || m.incompatible[p * m.rooms + room]) return true;
    const end = Math.min(m.days, d + (m.los[m.occupants + p] ?? 0));
    for (let x = d; x < end; x++) if (this.roomDayCost(room, x) >= HARD) return true;
    const t = this.theater[p] ?? 0;
    if ((this.theaterLoad[t * m.days + d] ?? 0) > (m.availability[t * m.days + d] ?? 0)) return true;
    const u = m.surgeon[p] ?? 0;
    return (this.surgeonLoad[u * m.days + d] ?? 0) > (m.maxSurgery[u * m.days + d] ?? 0);
  }

  /** Room-day occupancy count (for construction heuristics). */
  occupancy(room: number, d: number): number {
    return this.count[room * this.m.days + d] ?? 0;
  }
}
