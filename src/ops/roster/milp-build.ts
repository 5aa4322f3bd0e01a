import type { IndexedProblem, RosterGrid } from './indexed.js';

/** Kinds of MILP rows, kept so an infeasible subsystem can be explained in plain words. */
export type RowKind =
  | 'one-shift-per-day'
  | 'forbidden-succession'
  | 'max-shifts'
  | 'total-minutes'
  | 'max-consecutive-shifts'
  | 'min-consecutive-shifts'
  | 'min-consecutive-days-off'
  | 'weekend-link'
  | 'max-weekends'
  | 'cover';

export const ROW_KINDS: readonly RowKind[] = [
  'one-shift-per-day',
  'forbidden-succession',
  'max-shifts',
  'total-minutes',
  'max-consecutive-shifts',
  'min-consecutive-shifts',
  'min-consecutive-days-off',
  'weekend-link',
  'max-weekends',
  'cover',
];

/** A plain-array MILP in the shape `highs` accepts (CSR rows), structured-cloneable to a worker. */
export interface MilpArrays {
  numCols: number;
  numRows: number;
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array;
}

/** The roster MILP plus the maps needed to decode solutions and explain rows. */
export interface RosterMilp {
  arrays: MilpArrays;
  /** xCol[(e*D+d)*T+t] = column of x[e,d,t] or -1 when the assignment is impossible. */
  xCol: Int32Array;
  /** Weekend columns per employee (or -1), underCol/overCol per d*T+t (or -1). */
  weekendCol: Int32Array[];
  underCol: Int32Array;
  overCol: Int32Array;
  /** Per row: kind index into ROW_KINDS, employee, day, shift (-1 when not applicable). */
  rowKind: Int8Array;
  rowE: Int32Array;
  rowD: Int32Array;
  rowT: Int32Array;
}

class RowBuilder {
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  kind: number[] = [];
  e: number[] = [];
  d: number[] = [];
  t: number[] = [];

  add(entries: Map<number, number>, bounds: [number, number], tag: [RowKind, number, number, number]): void {
    let constantOk = bounds[0] <= 0 && 0 <= bounds[1];
    for (const v of entries.values()) if (v !== 0) constantOk = false;
    if (constantOk) return;
    for (const [c, v] of entries) {
      if (v === 0) continue;
      this.indices.push(c);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.lower.push(bounds[0]);
    this.upper.push(bounds[1]);
    this.kind.push(ROW_KINDS.indexOf(tag[0]));
    this.e.push(tag[1]);
    this.d.push(tag[2]);
    this.t.push(tag[3]);
  }
}

function addTo(m: Map<number, number>, col: number, v: number): void {
  if (col >= 0) m.set(col, (m.get(col) ?? 0) + v);
}

interface Cols {
  cost: number[];
  upper: number[];
  integer: number[];
}

/** Adds a binary column, or a non-negative general integer column when `binary` is false. */
function newCol(cols: Cols, cost: number, binary: boolean): number {
  cols.cost.push(cost);
  cols.upper.push(binary ? 1 : Infinity);
  cols.integer.push(1);
  return cols.cost.length - 1;
}

function buildColumns(ip: IndexedProblem, cols: Cols): { xCol: Int32Array; offset: number } {
  const { E, D, T } = ip;
  const xCol = new Int32Array(E * D * T).fill(-1);
  let offset = 0;
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const base = (e * D + d) * (T + 1);
      const offCost = ip.cellCost[base] ?? 0;
      offset += offCost;
      if (ip.dayOff[e]?.[d] === true) continue;
      for (let t = 0; t < T; t++) {
        if ((ip.maxShifts[e]?.[t] ?? 0) <= 0) continue;
        xCol[(e * D + d) * T + t] = newCol(cols, (ip.cellCost[base + t + 1] ?? 0) - offCost, true);
      }
    }
  }
  return { xCol, offset };
}

/** Builds the MILP: binary x[e,d,t], weekend indicators, and under/over cover slacks. */
export function buildRosterMilp(ip: IndexedProblem): RosterMilp {
  const { E, D, T } = ip;
  const cols: Cols = { cost: [], upper: [], integer: [] };
  const { xCol, offset } = buildColumns(ip, cols);
  const x = (e: number, d: number, t: number): number => xCol[(e * D + d) * T + t] ?? -1;
  const y = (m: Map<number, number>, e: number, d: number, coef: number): void => {
    for (let t = 0; t < T; t++) addTo(m, x(e, d, t), coef);
  };
  const rb = new RowBuilder();
  const weekendCol: Int32Array[] = [];
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const m = new Map<number, number>();
      y(m, e, d, 1);
      if (m.size > 1) rb.add(m, [-Infinity, 1], ['one-shift-per-day', e, d, -1]);
      if (d + 1 >= D) continue;
      for (let t = 0; t < T; t++) {
        if (x(e, d, t) < 0) continue;
        const f = new Map<number, number>([[x(e, d, t), 1]]);
        for (let u = 0; u < T; u++) if (ip.forbidden[t]?.[u] === true) addTo(f, x(e, d + 1, u), 1);
        if (f.size > 1) rb.add(f, [-Infinity, 1], ['forbidden-succession', e, d, t]);
      }
    }
    for (let t = 0; t < T; t++) {
      const m = new Map<number, number>();
      for (let d = 0; d < D; d++) addTo(m, x(e, d, t), 1);
      const max = ip.maxShifts[e]?.[t] ?? 0;
      if (m.size > max) rb.add(m, [-Infinity, max], ['max-shifts', e, -1, t]);
    }
    const mins = new Map<number, number>();
    for (let d = 0; d < D; d++) for (let t = 0; t < T; t++) addTo(mins, x(e, d, t), ip.minutes[t] ?? 0);
    rb.add(mins, [ip.minMinutes[e] ?? 0, ip.maxMinutes[e] ?? Infinity], ['total-minutes', e, -1, -1]);
    const cmax = ip.maxConsecutive[e] ?? D;
    for (let d = 0; d + cmax < D; d++) {
      const m = new Map<number, number>();
      for (let j = d; j <= d + cmax; j++) y(m, e, j, 1);
      rb.add(m, [-Infinity, cmax], ['max-consecutive-shifts', e, d, -1]);
    }
    for (let s = 1; s < (ip.minConsecutive[e] ?? 1); s++) {
      for (let d = 0; d + s + 1 < D; d++) {
        const m = new Map<number, number>();
        y(m, e, d, 1);
        for (let j = d + 1; j <= d + s; j++) y(m, e, j, -1);
        y(m, e, d + s + 1, 1);
        rb.add(m, [1 - s, Infinity], ['min-consecutive-shifts', e, d + 1, -1]);
      }
    }
    for (let s = 1; s < (ip.minDaysOff[e] ?? 1); s++) {
      for (let d = 0; d + s + 1 < D; d++) {
        const m = new Map<number, number>();
        y(m, e, d, -1);
        for (let j = d + 1; j <= d + s; j++) y(m, e, j, 1);
        y(m, e, d + s + 1, -1);
        rb.add(m, [-1, Infinity], ['min-consecutive-days-off', e, d + 1, -1]);
      }
    }
    const wcols = new Int32Array(ip.weekends.length).fill(-1);
    if ((ip.maxWeekends[e] ?? 0) < ip.weekends.length) {
      const total = new Map<number, number>();
      ip.weekends.forEach((days, w) => {
        const k = newCol(cols, 0, true);
        wcols[w] = k;
        total.set(k, 1);
        for (const d of days) {
          const m = new Map<number, number>([[k, -1]]);
          y(m, e, d, 1);
          rb.add(m, [-Infinity, 0], ['weekend-link', e, d, -1]);
        }
      });
      rb.add(total, [-Infinity, ip.maxWeekends[e] ?? 0], ['max-weekends', e, -1, -1]);
    }
    weekendCol.push(wcols);
  }
  const underCol = new Int32Array(D * T).fill(-1);
  const overCol = new Int32Array(D * T).fill(-1);
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < T; t++) {
      const k = d * T + t;
      const m = new Map<number, number>();
      for (let e = 0; e < E; e++) addTo(m, x(e, d, t), 1);
      const req = ip.coverReq[k] ?? 0;
      const uw = ip.underWeight[k] ?? 0;
      const ow = ip.overWeight[k] ?? 0;
      if (req === 0 && ow === 0) continue;
      if (req > 0) underCol[k] = newCol(cols, uw, false);
      overCol[k] = newCol(cols, ow, false);
      addTo(m, underCol[k] ?? -1, 1);
      addTo(m, overCol[k] ?? -1, -1);
      rb.add(m, [req, req], ['cover', -1, d, t]);
    }
  }
  const numCols = cols.cost.length;
  return {
    arrays: {
      numCols,
      numRows: rb.lower.length,
      offset,
      colCost: Float64Array.from(cols.cost),
      colLower: new Float64Array(numCols),
      colUpper: Float64Array.from(cols.upper),
      rowLower: Float64Array.from(rb.lower),
      rowUpper: Float64Array.from(rb.upper),
      starts: Int32Array.from(rb.starts),
      indices: Int32Array.from(rb.indices),
      values: Float64Array.from(rb.values),
      integrality: Int32Array.from(cols.integer),
    },
    xCol,
    weekendCol,
    underCol,
    overCol,
    rowKind: Int8Array.from(rb.kind),
    rowE: Int32Array.from(rb.e),
    rowD: Int32Array.from(rb.d),
    rowT: Int32Array.from(rb.t),
  };
}

/** Decodes a column vector into a roster grid. */
export function decodeSolution(ip: IndexedProblem, milp: RosterMilp, colValue: Float64Array): RosterGrid {
  const grid = new Int32Array(ip.E * ip.D);
  for (let i = 0; i < milp.xCol.length; i++) {
    const c = milp.xCol[i] ?? -1;
    if (c >= 0 && (colValue[c] ?? 0) > 0.5) grid[Math.floor(i / ip.T)] = (i % ip.T) + 1;
  }
  return grid;
}

/** Encodes a roster grid as a full column vector (a MIP start). */
export function encodeSolution(ip: IndexedProblem, milp: RosterMilp, grid: RosterGrid): Float64Array {
  const { E, D, T } = ip;
  const col = new Float64Array(milp.arrays.numCols);
  const count = new Int32Array(D * T);
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const v = grid[e * D + d] ?? 0;
      if (v === 0) continue;
      const c = milp.xCol[(e * D + d) * T + v - 1] ?? -1;
      if (c >= 0) col[c] = 1;
      count[d * T + v - 1] = (count[d * T + v - 1] ?? 0) + 1;
    }
    const wcols = milp.weekendCol[e];
    ip.weekends.forEach((days, w) => {
      const k = wcols?.[w] ?? -1;
      if (k >= 0 && days.some((d) => (grid[e * D + d] ?? 0) !== 0)) col[k] = 1;
    });
  }
  for (let k = 0; k < D * T; k++) {
    const diff = (count[k] ?? 0) - (ip.coverReq[k] ?? 0);
    const u = milp.underCol[k] ?? -1;
    const o = milp.overCol[k] ?? -1;
    if (diff < 0 && u >= 0) col[u] = -diff;
    if (diff > 0 && o >= 0) col[o] = diff;
  }
  return col;
}
