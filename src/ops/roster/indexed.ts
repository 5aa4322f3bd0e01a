import type { Roster, RosterProblem } from './model.js';

/** A numeric view of a roster problem used by the solvers: employees, days and shifts become indexes. */
export interface IndexedProblem {
  /** Number of employees, days, shift types. */
  E: number;
  D: number;
  T: number;
  shiftIds: string[];
  minutes: number[];
  /** forbidden[t][u]: shift u may not follow shift t on the next day. */
  forbidden: boolean[][];
  /** maxShifts[e][t]. */
  maxShifts: number[][];
  maxMinutes: number[];
  minMinutes: number[];
  maxConsecutive: number[];
  minConsecutive: number[];
  minDaysOff: number[];
  maxWeekends: number[];
  /** dayOff[e][d]: employee e cannot work on day d. */
  dayOff: boolean[][];
  /** cellCost[(e*D+d)*(T+1)+v]: request cost of value v at (e,d); v=0 is off, v=t+1 is shift t. */
  cellCost: Float64Array;
  /** Cover by d*T+t. */
  coverReq: Int32Array;
  underWeight: Float64Array;
  overWeight: Float64Array;
  /** Weekends as day lists (Saturday/Sunday inside the horizon; day 0 is Monday). */
  weekends: number[][];
  /** Sum of all shift-on request weights (the constant part of the request cost). */
  onRequestTotal: number;
}

/** Weekend day lists for a horizon starting on a Monday. */
export function weekendsOf(horizonDays: number): number[][] {
  const out: number[][] = [];
  for (let sat = 5; sat < horizonDays; sat += 7) {
    out.push(sat + 1 < horizonDays ? [sat, sat + 1] : [sat]);
  }
  return out;
}

function addAt(a: Float64Array, i: number, v: number): void {
  a[i] = (a[i] ?? 0) + v;
}

/** Builds the numeric view of a validated problem. */
export function indexProblem(p: RosterProblem): IndexedProblem {
  const E = p.employees.length;
  const D = p.horizonDays;
  const T = p.shifts.length;
  const shiftIds = p.shifts.map((s) => s.id);
  const tIndex = new Map(shiftIds.map((s, i) => [s, i]));
  const eIndex = new Map(p.employees.map((e, i) => [e.id, i]));
  const forbidden = p.shifts.map((s) => shiftIds.map((u) => s.forbiddenNext.includes(u)));
  const cellCost = new Float64Array(E * D * (T + 1));
  let onRequestTotal = 0;
  for (const r of p.shiftOnRequests) {
    const e = eIndex.get(r.employee) ?? -1;
    const t = tIndex.get(r.shift) ?? -1;
    if (e < 0 || t < 0 || r.day >= D) continue;
    onRequestTotal += r.weight;
    for (let v = 0; v <= T; v++) {
      if (v !== t + 1) addAt(cellCost, (e * D + r.day) * (T + 1) + v, r.weight);
    }
  }
  for (const r of p.shiftOffRequests) {
    const e = eIndex.get(r.employee) ?? -1;
    const t = tIndex.get(r.shift) ?? -1;
    if (e < 0 || t < 0 || r.day >= D) continue;
    addAt(cellCost, (e * D + r.day) * (T + 1) + t + 1, r.weight);
  }
  const coverReq = new Int32Array(D * T);
  const underWeight = new Float64Array(D * T);
  const overWeight = new Float64Array(D * T);
  for (const c of p.cover) {
    const t = tIndex.get(c.shift) ?? -1;
    if (t < 0 || c.day >= D) continue;
    const k = c.day * T + t;
    coverReq[k] = c.requirement;
    underWeight[k] = c.underWeight;
    overWeight[k] = c.overWeight;
  }
  return {
    E,
    D,
    T,
    shiftIds,
    minutes: p.shifts.map((s) => s.minutes),
    forbidden,
    maxShifts: p.employees.map((e) => shiftIds.map((s) => e.maxShifts[s] ?? 0)),
    maxMinutes: p.employees.map((e) => e.maxTotalMinutes),
    minMinutes: p.employees.map((e) => e.minTotalMinutes),
    maxConsecutive: p.employees.map((e) => e.maxConsecutiveShifts),
    minConsecutive: p.employees.map((e) => e.minConsecutiveShifts),
    minDaysOff: p.employees.map((e) => e.minConsecutiveDaysOff),
    maxWeekends: p.employees.map((e) => e.maxWeekends),
    dayOff: p.employees.map((e) => {
      const off = new Array<boolean>(D).fill(false);
      for (const d of e.daysOff) if (d < D) off[d] = true;
      return off;
    }),
    cellCost,
    coverReq,
    underWeight,
    overWeight,
    weekends: weekendsOf(D),
    onRequestTotal,
  };
}

/** A roster as numbers: grid[e*D+d] = 0 for off, t+1 for shift t. */
export type RosterGrid = Int32Array;

/** Converts a numeric grid to the public roster form. */
export function gridToRoster(ip: IndexedProblem, grid: RosterGrid): Roster {
  const out: Roster = [];
  for (let e = 0; e < ip.E; e++) {
    const row: (string | null)[] = [];
    for (let d = 0; d < ip.D; d++) {
      const v = grid[e * ip.D + d] ?? 0;
      row.push(v === 0 ? null : (ip.shiftIds[v - 1] ?? null));
    }
    out.push(row);
  }
  return out;
}

/** Converts a public roster to a numeric grid; unknown shift ids become off. */
export function rosterToGrid(ip: IndexedProblem, roster: Roster): RosterGrid {
  const grid = new Int32Array(ip.E * ip.D);
  for (let e = 0; e < ip.E; e++) {
    for (let d = 0; d < ip.D; d++) {
      const s = roster[e]?.[d] ?? null;
      grid[e * ip.D + d] = s === null ? 0 : ip.shiftIds.indexOf(s) + 1;
    }
  }
  return grid;
}
