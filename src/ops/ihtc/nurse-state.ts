import type { IhtcModel } from './model.js';

/** Penalty for an occupied room-shift left without a nurse (only when no nurse works that shift). */
const UNCOVERED = 5_000;

/**
 * Nurse-side search state: the nurse of every room-shift cell (empty cells keep a nurse too, so that a patient moving
 * in is priced against it), each nurse-shift's load and each stay's nurse counts. Both changing a cell's nurse and
 * adding or removing a stay are priced incrementally (skill, excess workload, continuity of care, uncovered cells).
 */
export class NurseState {
  readonly nurseOf: Int32Array;
  /** Stays in each room-day (cell index room * days + d), with their day offset. */
  private readonly staysIn: { stay: number; offset: number }[][];
  private readonly load: Int32Array;
  private readonly stayNurse: Int32Array;
  cost = 0;

  constructor(
    readonly m: IhtcModel,
    start?: { room: Int32Array; day: Int32Array },
  ) {
    const cellsPerDay = m.rooms * m.days;
    this.staysIn = Array.from({ length: cellsPerDay }, () => []);
    this.nurseOf = new Int32Array(cellsPerDay * m.shifts).fill(-1);
    this.load = new Int32Array(m.nurses * m.days * m.shifts);
    this.stayNurse = new Int32Array((m.occupants + m.patients) * m.nurses);
    for (let o = 0; o < m.occupants; o++) this.updateStay(o, { room: m.fixedRoom[o] ?? 0, start: 0 }, 1);
    if (start) {
      for (let p = 0; p < m.patients; p++) {
        const d = start.day[p] ?? -1;
        if (d >= 0) this.updateStay(m.occupants + p, { room: start.room[p] ?? 0, start: d }, 1);
      }
    }
  }

  /** Occupied room-shift cells: cell = (room * days + d) * shifts + s. */
  get cells(): Int32Array {
    const m = this.m;
    const cells: number[] = [];
    for (let rd = 0; rd < this.staysIn.length; rd++) {
      if ((this.staysIn[rd]?.length ?? 0) > 0) for (let s = 0; s < m.shifts; s++) cells.push(rd * m.shifts + s);
    }
    return Int32Array.from(cells);
  }

  /** Whether a room-shift cell holds any stay. */
  occupied(cell: number): boolean {
    return (this.staysIn[Math.floor(cell / this.m.shifts)]?.length ?? 0) > 0;
  }

  /** Options for a cell: the nurses working its day and shift. */
  options(cell: number): Int32Array {
    const m = this.m;
    const s = cell % m.shifts;
    const d = Math.floor(cell / m.shifts) % m.days;
    return m.workingNurses[d * m.shifts + s] ?? new Int32Array();
  }

  /** Load, skill and continuity change of one stay-shift under `nurse`; updates the tallies. */
  private stayShift(o: { stay: number; offset: number; nurse: number; key: number }, s: number, sign: 1 | -1): number {
    const m = this.m;
    const i = o.offset * m.shifts + s;
    const w = m.workload[o.stay]?.[i] ?? 0;
    const cap = m.maxLoad[o.key] ?? 0;
    const before = this.load[o.key] ?? 0;
    const after = before + sign * w;
    this.load[o.key] = after;
    const excess = Math.max(0, after - cap) - Math.max(0, before - cap);
    const skill = Math.max(0, (m.skill[o.stay]?.[i] ?? 0) - (m.nurseSkill[o.nurse] ?? 0));
    const sn = o.stay * m.nurses + o.nurse;
    const count = this.stayNurse[sn] ?? 0;
    let continuity = 0;
    if (sign > 0 && count === 0) continuity = 1;
    if (sign < 0 && count === 1) continuity = -1;
    this.stayNurse[sn] = count + sign;
    return (
      sign * skill * m.weights.room_nurse_skill +
      excess * m.weights.nurse_eccessive_workload +
      continuity * m.weights.continuity_of_care
    );
  }

  private cellTerms(cell: number, nurse: number, sign: 1 | -1): number {
    const m = this.m;
    const s = cell % m.shifts;
    const rd = Math.floor(cell / m.shifts);
    const d = rd % m.days;
    const key = (nurse * m.days + d) * m.shifts + s;
    let delta = 0;
    for (const { stay, offset } of this.staysIn[rd] ?? []) delta += this.stayShift({ stay, offset, nurse, key }, s, sign);
    return delta;
  }

  /** Gives the cell to `nurse` (-1 = none) and returns the change in cost. */
  assign(cell: number, nurse: number): number {
    const old = this.nurseOf[cell] ?? -1;
    if (old === nurse) return 0;
    const occupied = this.occupied(cell);
    let delta = 0;
    if (old >= 0) delta += this.cellTerms(cell, old, -1);
    else if (occupied) delta -= UNCOVERED;
    if (nurse >= 0) delta += this.cellTerms(cell, nurse, 1);
    else if (occupied) delta += UNCOVERED;
    this.nurseOf[cell] = nurse;
    this.cost += delta;
    return delta;
  }

  /** Adds (sign 1) or removes (sign -1) a stay in `room` from day `start`, priced against the cells' nurses. */
  updateStay(stay: number, at: { room: number; start: number }, sign: 1 | -1): number {
    const m = this.m;
    const { room, start } = at;
    const end = Math.min(m.days, start + (m.los[stay] ?? 0));
    let delta = 0;
    for (let d = start; d < end; d++) {
      const rd = room * m.days + d;
      const list = this.staysIn[rd];
      if (!list) continue;
      const offset = d - start;
      if (sign < 0) {
        const at = list.findIndex((x) => x.stay === stay);
        if (at >= 0) list.splice(at, 1);
      }
      for (let s = 0; s < m.shifts; s++) {
        const nurse = this.nurseOf[rd * m.shifts + s] ?? -1;
        if (nurse < 0) {
          // Uncovered only counts for occupied cells: adding to an empty cell, or removing its last stay.
          if (list.length === 0) delta += sign * UNCOVERED;
          continue;
        }
        delta += this.stayShift({ stay, offset, nurse, key: (nurse * m.days + d) * m.shifts + s }, s, sign);
      }
      if (sign > 0) list.push({ stay, offset });
    }
    this.cost += delta;
    return delta;
  }
}
