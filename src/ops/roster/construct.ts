import type { IndexedProblem, RosterGrid } from './indexed.js';

/** Greedy day-by-day construction: fills cover slots with the cheapest employee who can still work them. */
export function constructRoster(ip: IndexedProblem): RosterGrid {
  const { E, D, T } = ip;
  const grid = new Int32Array(E * D);
  const minutes = new Float64Array(E);
  const perType = new Int32Array(E * T);
  const run = new Int32Array(E);
  const weekendsUsed = new Int32Array(E);
  const weekendOf = new Int32Array(D).fill(-1);
  ip.weekends.forEach((days, w) => {
    for (const d of days) weekendOf[d] = w;
  });
  const lastWeekend = new Int32Array(E).fill(-1);
  const slots = Array.from({ length: T }, (_, t) => t);
  for (let d = 0; d < D; d++) {
    slots.sort(
      (a, b) =>
        (ip.coverReq[d * T + b] ?? 0) * (ip.underWeight[d * T + b] ?? 0) -
        (ip.coverReq[d * T + a] ?? 0) * (ip.underWeight[d * T + a] ?? 0),
    );
    const w = weekendOf[d] ?? -1;
    for (const t of slots) {
      const len = ip.minutes[t] ?? 0;
      for (let n = 0; n < (ip.coverReq[d * T + t] ?? 0); n++) {
        let best = -1;
        let bestScore = Infinity;
        for (let e = 0; e < E; e++) {
          if ((grid[e * D + d] ?? 0) !== 0 || ip.dayOff[e]?.[d] === true) continue;
          if ((perType[e * T + t] ?? 0) >= (ip.maxShifts[e]?.[t] ?? 0)) continue;
          if ((minutes[e] ?? 0) + len > (ip.maxMinutes[e] ?? 0)) continue;
          if ((run[e] ?? 0) >= (ip.maxConsecutive[e] ?? D)) continue;
          const prev = d > 0 ? (grid[e * D + d - 1] ?? 0) : 0;
          if (prev > 0 && ip.forbidden[prev - 1]?.[t] === true) continue;
          if (w >= 0 && lastWeekend[e] !== w && (weekendsUsed[e] ?? 0) >= (ip.maxWeekends[e] ?? 0)) continue;
          const base = (e * D + d) * (T + 1);
          const deficit = ((ip.minMinutes[e] ?? 0) - (minutes[e] ?? 0)) / Math.max(1, ip.minMinutes[e] ?? 1);
          const score =
            (ip.cellCost[base + t + 1] ?? 0) - (ip.cellCost[base] ?? 0) - deficit + (run[e] === 0 && d > 0 ? 0.5 : 0);
          if (score < bestScore) {
            bestScore = score;
            best = e;
          }
        }
        if (best < 0) break;
        grid[best * D + d] = t + 1;
        perType[best * T + t] = (perType[best * T + t] ?? 0) + 1;
        minutes[best] = (minutes[best] ?? 0) + len;
        if (w >= 0 && lastWeekend[best] !== w) {
          lastWeekend[best] = w;
          weekendsUsed[best] = (weekendsUsed[best] ?? 0) + 1;
        }
      }
    }
    for (let e = 0; e < E; e++) run[e] = (grid[e * D + d] ?? 0) > 0 ? (run[e] ?? 0) + 1 : 0;
  }
  return grid;
}
