import type { Employee, Roster, RosterProblem } from './model.js';
import { weekendsOf } from './indexed.js';

/** The hard constraints a roster can break. */
export type RosterConstraint =
  | 'shape'
  | 'unknown-shift'
  | 'day-off'
  | 'forbidden-succession'
  | 'max-shifts'
  | 'max-minutes'
  | 'min-minutes'
  | 'max-consecutive-shifts'
  | 'min-consecutive-shifts'
  | 'min-consecutive-days-off'
  | 'max-weekends';

/** One hard-constraint violation with a plain-words message. */
export interface RosterViolation {
  constraint: RosterConstraint;
  employee?: string;
  day?: number;
  shift?: string;
  message: string;
}

/** The objective split by component; `total` is their sum. */
export interface RosterBreakdown {
  shiftOnRequests: number;
  shiftOffRequests: number;
  underCover: number;
  overCover: number;
  total: number;
}

/** Result of `checkRoster`. */
export interface RosterCheck {
  violations: RosterViolation[];
  objective: number;
  breakdown: RosterBreakdown;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Human label of a day index, e.g. "day 12 (Sat)". */
export function dayLabel(day: number): string {
  return `day ${day} (${DAY_NAMES[day % 7] ?? ''})`;
}

/** Maximal runs of `pred` over days: [start, length]. */
function runs(row: (string | null)[], pred: (s: string | null) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let d = 0; d <= row.length; d++) {
    const inRun = d < row.length && pred(row[d] ?? null);
    if (inRun && start < 0) start = d;
    if (!inRun && start >= 0) {
      out.push([start, d - start]);
      start = -1;
    }
  }
  return out;
}

function checkEmployee(p: RosterProblem, emp: Employee, row: (string | null)[], out: RosterViolation[]): void {
  const h = p.horizonDays;
  const byId = new Map(p.shifts.map((s) => [s.id, s]));
  const who = `employee ${emp.id}`;
  const counts = new Map<string, number>();
  let minutes = 0;
  for (let d = 0; d < h; d++) {
    const s = row[d] ?? null;
    if (s === null) continue;
    const shift = byId.get(s);
    if (shift === undefined) {
      out.push({
        constraint: 'unknown-shift',
        employee: emp.id,
        day: d,
        shift: s,
        message: `${who} has unknown shift "${s}" on ${dayLabel(d)}`,
      });
      continue;
    }
    counts.set(s, (counts.get(s) ?? 0) + 1);
    minutes += shift.minutes;
    if (emp.daysOff.includes(d)) {
      out.push({
        constraint: 'day-off',
        employee: emp.id,
        day: d,
        shift: s,
        message: `${who} works shift ${s} on ${dayLabel(d)}, a required day off`,
      });
    }
    const next = d + 1 < h ? (row[d + 1] ?? null) : null;
    if (next !== null && shift.forbiddenNext.includes(next)) {
      out.push({
        constraint: 'forbidden-succession',
        employee: emp.id,
        day: d,
        shift: s,
        message: `${who} works shift ${next} on ${dayLabel(d + 1)} right after shift ${s}, which is not allowed`,
      });
    }
  }
  for (const [s, n] of counts) {
    const max = emp.maxShifts[s] ?? 0;
    if (n > max)
      out.push({
        constraint: 'max-shifts',
        employee: emp.id,
        shift: s,
        message: `${who} works ${n} ${s} shifts, more than the maximum ${max}`,
      });
  }
  if (minutes > emp.maxTotalMinutes) {
    out.push({
      constraint: 'max-minutes',
      employee: emp.id,
      message: `${who} works ${minutes} minutes, more than the maximum ${emp.maxTotalMinutes}`,
    });
  }
  if (minutes < emp.minTotalMinutes) {
    out.push({
      constraint: 'min-minutes',
      employee: emp.id,
      message: `${who} works ${minutes} minutes, less than the minimum ${emp.minTotalMinutes}`,
    });
  }
  for (const [start, len] of runs(row.slice(0, h), (s) => s !== null)) {
    if (len > emp.maxConsecutiveShifts) {
      out.push({
        constraint: 'max-consecutive-shifts',
        employee: emp.id,
        day: start,
        message: `${who} works ${len} days in a row from ${dayLabel(start)}, more than the maximum ${emp.maxConsecutiveShifts}`,
      });
    }
    if (start > 0 && start + len < h && len < emp.minConsecutiveShifts) {
      out.push({
        constraint: 'min-consecutive-shifts',
        employee: emp.id,
        day: start,
        message: `${who} works only ${len} day(s) in a row from ${dayLabel(start)}, fewer than the minimum ${emp.minConsecutiveShifts}`,
      });
    }
  }
  for (const [start, len] of runs(row.slice(0, h), (s) => s === null)) {
    if (start > 0 && start + len < h && len < emp.minConsecutiveDaysOff) {
      out.push({
        constraint: 'min-consecutive-days-off',
        employee: emp.id,
        day: start,
        message: `${who} has only ${len} day(s) off in a row from ${dayLabel(start)}, fewer than the minimum ${emp.minConsecutiveDaysOff}`,
      });
    }
  }
  const worked = weekendsOf(h).filter((days) => days.some((d) => (row[d] ?? null) !== null)).length;
  if (worked > emp.maxWeekends) {
    out.push({
      constraint: 'max-weekends',
      employee: emp.id,
      message: `${who} works ${worked} weekends, more than the maximum ${emp.maxWeekends}`,
    });
  }
}

/** Verifies a roster against every hard constraint and recomputes the objective from scratch. */
export function checkRoster(p: RosterProblem, roster: Roster): RosterCheck {
  const violations: RosterViolation[] = [];
  if (roster.length !== p.employees.length) {
    violations.push({
      constraint: 'shape',
      message: `the roster has ${roster.length} rows for ${p.employees.length} employees`,
    });
  }
  p.employees.forEach((emp, e) => {
    const row = roster[e] ?? [];
    if (row.length !== p.horizonDays) {
      violations.push({
        constraint: 'shape',
        employee: emp.id,
        message: `employee ${emp.id} has ${row.length} days for a ${p.horizonDays}-day horizon`,
      });
    }
    checkEmployee(p, emp, row, violations);
  });
  const eIndex = new Map(p.employees.map((e, i) => [e.id, i]));
  const at = (emp: string, day: number): string | null => roster[eIndex.get(emp) ?? -1]?.[day] ?? null;
  const b: RosterBreakdown = { shiftOnRequests: 0, shiftOffRequests: 0, underCover: 0, overCover: 0, total: 0 };
  for (const r of p.shiftOnRequests) if (at(r.employee, r.day) !== r.shift) b.shiftOnRequests += r.weight;
  for (const r of p.shiftOffRequests) if (at(r.employee, r.day) === r.shift) b.shiftOffRequests += r.weight;
  for (const c of p.cover) {
    let n = 0;
    for (const row of roster) if ((row[c.day] ?? null) === c.shift) n++;
    if (n < c.requirement) b.underCover += (c.requirement - n) * c.underWeight;
    if (n > c.requirement) b.overCover += (n - c.requirement) * c.overWeight;
  }
  b.total = b.shiftOnRequests + b.shiftOffRequests + b.underCover + b.overCover;
  return { violations, objective: b.total, breakdown: b };
}
