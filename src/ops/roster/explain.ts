import { dayLabel } from './check.js';
import type { IndexedProblem } from './indexed.js';
import { ROW_KINDS, type RosterMilp } from './milp-build.js';
import type { RosterProblem } from './model.js';

/** Findings of the pre-checks: proven conflicts (the problem is infeasible) and warnings (unavoidable cost). */
export interface PrecheckResult {
  conflicts: string[];
  warnings: string[];
}

/** Most days an employee can work given days off and the maximum run length (runs reset at each day off). */
function maxWorkableDays(ip: IndexedProblem, e: number): number {
  const cmax = ip.maxConsecutive[e] ?? ip.D;
  let total = 0;
  let segment = 0;
  const flush = (): void => {
    // A free segment of length L fits at most L - floor(L / (cmax + 1)) worked days.
    total += segment - Math.floor(segment / (cmax + 1));
    segment = 0;
  };
  for (let d = 0; d < ip.D; d++) {
    if (ip.dayOff[e]?.[d] === true) flush();
    else segment++;
  }
  flush();
  return total;
}

/** Largest total minutes reachable in `days` shifts under the per-type limits. */
function maxReachableMinutes(ip: IndexedProblem, e: number, days: number): number {
  const types = Array.from({ length: ip.T }, (_, t) => t).sort((a, b) => (ip.minutes[b] ?? 0) - (ip.minutes[a] ?? 0));
  let left = days;
  let minutes = 0;
  for (const t of types) {
    const n = Math.min(left, ip.maxShifts[e]?.[t] ?? 0);
    minutes += n * (ip.minutes[t] ?? 0);
    left -= n;
  }
  return minutes;
}

/** Cheap sound pre-checks that name constraints which cannot all hold, plus unavoidable under-cover. */
export function precheckRoster(p: RosterProblem, ip: IndexedProblem): PrecheckResult {
  const conflicts: string[] = [];
  const warnings: string[] = [];
  p.employees.forEach((emp, e) => {
    if (emp.minTotalMinutes > emp.maxTotalMinutes) {
      conflicts.push(
        `employee ${emp.id} must work at least ${emp.minTotalMinutes} minutes but at most ${emp.maxTotalMinutes}`,
      );
      return;
    }
    const days = maxWorkableDays(ip, e);
    const reach = maxReachableMinutes(ip, e, days);
    if (reach < emp.minTotalMinutes) {
      conflicts.push(
        `employee ${emp.id} must work at least ${emp.minTotalMinutes} minutes, but days off, the maximum of ${emp.maxConsecutiveShifts} consecutive shifts and the per-shift limits allow at most ${reach}`,
      );
    }
  });
  for (const c of p.cover) {
    const t = ip.shiftIds.indexOf(c.shift);
    let able = 0;
    for (let e = 0; e < ip.E; e++) if (ip.dayOff[e]?.[c.day] !== true && (ip.maxShifts[e]?.[t] ?? 0) > 0) able++;
    if (able < c.requirement) {
      warnings.push(
        `cover demand on ${dayLabel(c.day)}, shift ${c.shift} (${c.requirement}) exceeds the ${able} staff able to work it; ${c.requirement - able} under-cover is unavoidable`,
      );
    }
  }
  return { conflicts, warnings };
}

/** Describes one MILP row in plain words, for an infeasible subsystem found by HiGHS. */
export function describeRow(p: RosterProblem, milp: RosterMilp, row: number): string {
  const kind = ROW_KINDS[milp.rowKind[row] ?? -1];
  const emp = p.employees[milp.rowE[row] ?? -1];
  const who = emp === undefined ? 'an employee' : `employee ${emp.id}`;
  const d = milp.rowD[row] ?? -1;
  const shift = p.shifts[milp.rowT[row] ?? -1]?.id ?? '?';
  if (kind === undefined) return `constraint row ${row}`;
  switch (kind) {
    case 'one-shift-per-day':
      return `${who} works at most one shift on ${dayLabel(d)}`;
    case 'forbidden-succession':
      return `${who} may not follow shift ${shift} on ${dayLabel(d)} with a forbidden shift`;
    case 'max-shifts':
      return `${who} may work at most ${emp?.maxShifts[shift] ?? 0} ${shift} shifts`;
    case 'total-minutes':
      return `${who} must work between ${emp?.minTotalMinutes ?? 0} and ${emp?.maxTotalMinutes ?? 0} minutes`;
    case 'max-consecutive-shifts':
      return `${who} may work at most ${emp?.maxConsecutiveShifts ?? 0} days in a row (window from ${dayLabel(d)})`;
    case 'min-consecutive-shifts':
      return `${who} must work at least ${emp?.minConsecutiveShifts ?? 0} days in a row (run starting ${dayLabel(d)})`;
    case 'min-consecutive-days-off':
      return `${who} must have at least ${emp?.minConsecutiveDaysOff ?? 0} days off in a row (break starting ${dayLabel(d)})`;
    case 'weekend-link':
    case 'max-weekends':
      return `${who} may work at most ${emp?.maxWeekends ?? 0} weekends`;
    case 'cover':
      return `cover on ${dayLabel(d)}, shift ${shift}`;
  }
}

/** Plain-words list of the constraints in an IIS, deduplicated. */
export function describeIis(p: RosterProblem, milp: RosterMilp, rows: Int32Array): string[] {
  return [...new Set(Array.from(rows, (r) => describeRow(p, milp, r)))];
}
