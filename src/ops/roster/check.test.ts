import { describe, expect, it } from 'vitest';
import { checkRoster, type RosterConstraint } from './check.js';
import type { Roster, RosterProblem } from './model.js';
import { tinyProblem } from './test-support.js';

const _ = null;
const base = (): Roster => [
  ['E', 'E', 'E', _, _, _, _],
  [_, _, 'E', 'E', 'L', 'L', _],
  ['L', _, _, 'E', 'E', _, _],
];

function only(p: RosterProblem, roster: Roster, constraint: RosterConstraint): string {
  const { violations } = checkRoster(p, roster);
  expect(violations.map((v) => v.constraint)).toEqual([constraint]);
  return violations[0]?.message ?? '';
}

function withRow(e: number, row: (string | null)[]): Roster {
  const r = base();
  r[e] = row;
  return r;
}

describe('checkRoster', () => {
  it('accepts the base roster and recomputes its objective by component', () => {
    const c = checkRoster(tinyProblem(), base());
    expect(c.violations).toEqual([]);
    expect(c.breakdown).toEqual({ shiftOnRequests: 0, shiftOffRequests: 0, underCover: 100, overCover: 0, total: 100 });
    expect(c.objective).toBe(100);
  });

  it('charges request weights', () => {
    const c = checkRoster(tinyProblem(), withRow(1, [_, 'L', 'L', 'E', 'E', 'L', _]));
    expect(c.breakdown.shiftOffRequests).toBe(3);
    const d = checkRoster(tinyProblem(), withRow(0, ['L', 'L', 'L', _, _, _, _]));
    expect(d.breakdown.shiftOnRequests).toBe(2);
  });

  it('flags work on a day off', () => {
    expect(only(tinyProblem(), withRow(0, ['E', 'E', 'E', _, _, _, 'E']), 'day-off')).toBe(
      'employee A works shift E on day 6 (Sun), a required day off',
    );
  });

  it('flags a forbidden succession', () => {
    expect(only(tinyProblem(), withRow(1, [_, _, 'E', 'L', 'E', 'L', _]), 'forbidden-succession')).toMatch(
      /employee B works shift E on day 4 \(Fri\) right after shift L/,
    );
  });

  it('flags too many shifts of a type', () => {
    expect(only(tinyProblem(), withRow(2, ['L', _, _, 'E', 'L', _, _]), 'max-shifts')).toMatch(
      /employee C works 2 L shifts, more than the maximum 1/,
    );
  });

  it('flags total minutes above the maximum and below the minimum', () => {
    const p = tinyProblem();
    p.employees[1] = { ...p.employees[1]!, maxTotalMinutes: 1500 };
    expect(only(p, base(), 'max-minutes')).toMatch(/employee B works 1920 minutes/);
    const q = tinyProblem();
    q.employees[0] = { ...q.employees[0]!, minTotalMinutes: 2000 };
    expect(only(q, base(), 'min-minutes')).toMatch(/employee A works 1440 minutes, less than the minimum 2000/);
  });

  it('flags too many consecutive shifts', () => {
    expect(only(tinyProblem(), withRow(1, [_, 'E', 'E', 'E', 'E', 'L', _]), 'max-consecutive-shifts')).toMatch(
      /5 days in a row from day 1/,
    );
  });

  it('flags a short interior run of shifts but not one at the horizon edge', () => {
    expect(only(tinyProblem(), withRow(2, ['L', _, _, 'E', _, _, _]), 'min-consecutive-shifts')).toMatch(
      /only 1 day\(s\) in a row from day 3/,
    );
    expect(checkRoster(tinyProblem(), withRow(2, ['L', _, _, _, _, 'E', 'E'])).violations).toEqual([]);
  });

  it('flags a short interior run of days off', () => {
    expect(only(tinyProblem(), withRow(0, ['E', 'E', _, 'E', 'E', _, _]), 'min-consecutive-days-off')).toMatch(
      /only 1 day\(s\) off in a row from day 2/,
    );
  });

  it('flags too many weekends', () => {
    const p = tinyProblem();
    p.employees[1] = { ...p.employees[1]!, maxWeekends: 0 };
    expect(only(p, base(), 'max-weekends')).toMatch(/employee B works 1 weekends, more than the maximum 0/);
  });

  it('flags unknown shifts and a wrong shape', () => {
    expect(only(tinyProblem(), withRow(0, ['X', 'E', 'E', _, _, _, _]), 'unknown-shift')).toMatch(/unknown shift "X"/);
    const short = base().slice(0, 2);
    expect(checkRoster(tinyProblem(), short).violations.some((v) => v.constraint === 'shape')).toBe(true);
  });
});
