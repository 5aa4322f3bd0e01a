import type { IhtcModel } from './model.js';

/**
 * Packs each surgeon's mandatory patients into days of their windows without surgeon overtime (a depth-first search
 * with backtracking, earliest days first, most constrained patients first). Returns each patient's day, or -1 for
 * optional patients and when no packing was found within the node limit.
 */
export function planMandatoryDays(m: IhtcModel, nodeLimit = 200_000): Int32Array {
  const plan = new Int32Array(m.patients).fill(-1);
  for (let u = 0; u < m.surgeons; u++) {
    const ps: number[] = [];
    for (let p = 0; p < m.patients; p++) if (m.mandatory[p] && m.surgeon[p] === u) ps.push(p);
    ps.sort(
      (a, b) =>
        (m.due[a] ?? 0) - (m.release[a] ?? 0) - ((m.due[b] ?? 0) - (m.release[b] ?? 0)) ||
        (m.duration[b] ?? 0) - (m.duration[a] ?? 0),
    );
    const free = Int32Array.from({ length: m.days }, (_, d) => m.maxSurgery[u * m.days + d] ?? 0);
    const days = new Int32Array(ps.length).fill(-1);
    let nodes = 0;
    const search = (i: number): boolean => {
      if (i === ps.length) return true;
      if (++nodes > nodeLimit) return false;
      const p = ps[i] ?? 0;
      const dur = m.duration[p] ?? 0;
      for (let d = m.release[p] ?? 0; d <= (m.due[p] ?? 0); d++) {
        if ((free[d] ?? 0) < dur) continue;
        free[d] = (free[d] ?? 0) - dur;
        days[i] = d;
        if (search(i + 1)) return true;
        free[d] = (free[d] ?? 0) + dur;
      }
      return false;
    };
    if (search(0)) ps.forEach((p, i) => (plan[p] = days[i] ?? -1));
  }
  return plan;
}
