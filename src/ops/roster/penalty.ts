import type { IndexedProblem, RosterGrid } from './indexed.js';

/** Hard-violation amount of one employee's row (0 = feasible), in "shift" units. */
export function employeeHard(ip: IndexedProblem, grid: RosterGrid, e: number): number {
  const { D, T } = ip;
  const off = ip.dayOff[e] ?? [];
  const maxS = ip.maxShifts[e] ?? [];
  const cmax = ip.maxConsecutive[e] ?? D;
  const cmin = ip.minConsecutive[e] ?? 1;
  const omin = ip.minDaysOff[e] ?? 1;
  const perType = new Int32Array(T);
  const base = e * D;
  let hard = 0;
  let minutes = 0;
  let run = 0;
  let offRun = 0;
  let prev = -1;
  for (let d = 0; d < D; d++) {
    const v = grid[base + d] ?? 0;
    if (v > 0) {
      const t = v - 1;
      perType[t] = (perType[t] ?? 0) + 1;
      minutes += ip.minutes[t] ?? 0;
      if (off[d] === true) hard++;
      if (prev > 0 && ip.forbidden[prev - 1]?.[t] === true) hard++;
      if (offRun > 0 && offRun < omin && offRun < d) hard += omin - offRun;
      offRun = 0;
      run++;
      if (run > cmax) hard++;
    } else {
      if (run > 0 && run < cmin && run < d) hard += cmin - run;
      run = 0;
      offRun++;
    }
    prev = v;
  }
  for (let t = 0; t < T; t++) {
    const over = (perType[t] ?? 0) - (maxS[t] ?? 0);
    if (over > 0) hard += over;
  }
  const unit = 480;
  const maxM = ip.maxMinutes[e] ?? Infinity;
  const minM = ip.minMinutes[e] ?? 0;
  if (minutes > maxM) hard += Math.ceil((minutes - maxM) / unit);
  if (minutes < minM) hard += Math.ceil((minM - minutes) / unit);
  let weekends = 0;
  for (const days of ip.weekends) if (days.some((d) => (grid[base + d] ?? 0) > 0)) weekends++;
  const wOver = weekends - (ip.maxWeekends[e] ?? 0);
  if (wOver > 0) hard += wOver;
  return hard;
}

/** Request cost of one employee's row. */
export function employeeRequests(ip: IndexedProblem, grid: RosterGrid, e: number): number {
  const { D, T } = ip;
  let cost = 0;
  for (let d = 0; d < D; d++) cost += ip.cellCost[(e * D + d) * (T + 1) + (grid[e * D + d] ?? 0)] ?? 0;
  return cost;
}

/** Cover cost of one (day, shift) slot given how many staff work it. */
export function slotCost(ip: IndexedProblem, k: number, n: number): number {
  const req = ip.coverReq[k] ?? 0;
  if (n < req) return (req - n) * (ip.underWeight[k] ?? 0);
  return (n - req) * (ip.overWeight[k] ?? 0);
}

/** Cover counts by d*T+t for a grid. */
export function coverCounts(ip: IndexedProblem, grid: RosterGrid): Int32Array {
  const counts = new Int32Array(ip.D * ip.T);
  for (let e = 0; e < ip.E; e++) {
    for (let d = 0; d < ip.D; d++) {
      const v = grid[e * ip.D + d] ?? 0;
      if (v > 0) counts[d * ip.T + v - 1] = (counts[d * ip.T + v - 1] ?? 0) + 1;
    }
  }
  return counts;
}

/** Soft objective (requests + cover) and total hard amount of a grid. */
export function evaluateGrid(ip: IndexedProblem, grid: RosterGrid): { soft: number; hard: number } {
  let soft = 0;
  let hard = 0;
  for (let e = 0; e < ip.E; e++) {
    soft += employeeRequests(ip, grid, e);
    hard += employeeHard(ip, grid, e);
  }
  const counts = coverCounts(ip, grid);
  for (let k = 0; k < counts.length; k++) soft += slotCost(ip, k, counts[k] ?? 0);
  return { soft, hard };
}
