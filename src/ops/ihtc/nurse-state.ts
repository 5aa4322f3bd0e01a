import type { IhtcModel } from './model.js';

/** Penalty for an occupied room-shift left without a nurse (only when no nurse works that shift). */
const UNCOVERED = 5_000;

/**
 * Phase-2 search state: given where every stay is, the nurse of each occupied room-shift, with each nurse-shift's load
 * and each stay's nurse counts, so that changing one room-shift's nurse is priced incrementally (skill, excess workload,
 * continuity of care).
 */
export class NurseState {
  /** Occupied room-shift cells: cell = (room * days + d) * shifts + s. */
  readonly cells: Int32Array;
  readonly nurseOf: Int32Array;
  /** Stays in each room-day, with their day offset. */
  private readonly staysIn: { stay: number; offset: number }[][];
  private readonly load: Int32Array;
  private readonly stayNurse: Int32Array;
  cost = 0;

  constructor(
    readonly m: IhtcModel,
    start: { room: Int32Array; day: Int32Array },
  ) {
    const cellsPerDay = m.rooms * m.days;
    this.staysIn = Array.from({ length: cellsPerDay }, () => []);
    const stays = m.occupants + m.patients;
    for (let stay = 0; stay < stays; stay++) {
      const room = stay < m.occupants ? (m.fixedRoom[stay] ?? 0) : (start.room[stay - m.occupants] ?? -1);
      const first = stay < m.occupants ? 0 : (start.day[stay - m.occupants] ?? -1);
      if (first < 0 || room < 0) continue;
      const end = Math.min(m.days, first + (m.los[stay] ?? 0));
      for (let d = first; d < end; d++) this.staysIn[room * m.days + d]?.push({ stay, offset: d - first });
    }
    const cells: number[] = [];
    for (let rd = 0; rd < cellsPerDay; rd++) {
      if ((this.staysIn[rd]?.length ?? 0) > 0) for (let s = 0; s < m.shifts; s++) cells.push(rd * m.shifts + s);
    }
    this.cells = Int32Array.from(cells);
    this.nurseOf = new Int32Array(cellsPerDay * m.shifts).fill(-1);
    this.load = new Int32Array(m.nurses * m.days * m.shifts);
    this.stayNurse = new Int32Array(stays * m.nurses);
    this.cost = this.cells.length * UNCOVERED;
  }

  /** Options for a cell: the nurses working its day and shift. */
  options(cell: number): Int32Array {
    const m = this.m;
    const s = cell % m.shifts;
    const d = Math.floor(cell / m.shifts) % m.days;
    return m.workingNurses[d * m.shifts + s] ?? new Int32Array();
  }

  private cellTerms(cell: number, nurse: number, sign: 1 | -1): number {
    const m = this.m;
    const s = cell % m.shifts;
    const rd = Math.floor(cell / m.shifts);
    const d = rd % m.days;
    const key = (nurse * m.days + d) * m.shifts + s;
    const cap = m.maxLoad[key] ?? 0;
    const before = this.load[key] ?? 0;
    let workload = 0;
    let skill = 0;
    let continuity = 0;
    const nurseSkill = m.nurseSkill[nurse] ?? 0;
    for (const { stay, offset } of this.staysIn[rd] ?? []) {
      const i = offset * m.shifts + s;
      workload += m.workload[stay]?.[i] ?? 0;
      skill += Math.max(0, (m.skill[stay]?.[i] ?? 0) - nurseSkill);
      const sn = stay * m.nurses + nurse;
      const count = this.stayNurse[sn] ?? 0;
      if (sign > 0 && count === 0) continuity++;
      if (sign < 0 && count === 1) continuity--;
      this.stayNurse[sn] = count + sign;
    }
    const after = before + sign * workload;
    this.load[key] = after;
    const excess = Math.max(0, after - cap) - Math.max(0, before - cap);
    return (
      sign * skill * m.weights.room_nurse_skill +
      excess * m.weights.nurse_eccessive_workload +
      continuity * m.weights.continuity_of_care
    );
  }

  /** Gives the cell to `nurse` (-1 = none) and returns the change in cost. */
  assign(cell: number, nurse: number): number {
    const old = this.nurseOf[cell] ?? -1;
    if (old === nurse) return 0;
    let delta = 0;
    if (old >= 0) delta += this.cellTerms(cell, old, -1);
    else delta -= UNCOVERED;
    if (nurse >= 0) delta += this.cellTerms(cell, nurse, 1);
    else delta += UNCOVERED;
    this.nurseOf[cell] = nurse;
    this.cost += delta;
    return delta;
  }
}
