import { describe, expect, it } from 'vitest';
import { checkRoster } from './check.js';
import { gridToRoster, indexProblem, rosterToGrid } from './indexed.js';
import { buildRosterMilp, decodeSolution, encodeSolution, type RosterMilp } from './milp-build.js';
import type { Roster } from './model.js';
import { tinyProblem } from './test-support.js';

const _ = null;
const feasible: Roster = [
  ['E', 'E', 'E', _, _, _, _],
  [_, _, 'E', 'E', 'L', 'L', _],
  ['L', _, _, 'E', 'E', _, _],
];

function objective(milp: RosterMilp, col: Float64Array): number {
  let sum = milp.arrays.offset;
  col.forEach((v, j) => (sum += v * (milp.arrays.colCost[j] ?? 0)));
  return sum;
}

function violatedRows(milp: RosterMilp, col: Float64Array): number {
  const a = milp.arrays;
  let bad = 0;
  for (let r = 0; r < a.numRows; r++) {
    let act = 0;
    for (let k = a.starts[r] ?? 0; k < (a.starts[r + 1] ?? 0); k++)
      act += (a.values[k] ?? 0) * (col[a.indices[k] ?? 0] ?? 0);
    if (act < (a.rowLower[r] ?? 0) - 1e-9 || act > (a.rowUpper[r] ?? 0) + 1e-9) bad++;
  }
  return bad;
}

describe('buildRosterMilp', () => {
  const p = tinyProblem();
  const ip = indexProblem(p);
  const milp = buildRosterMilp(ip);

  it('prices an encoded roster exactly as the checker does', () => {
    const col = encodeSolution(ip, milp, rosterToGrid(ip, feasible));
    expect(objective(milp, col)).toBe(checkRoster(p, feasible).objective);
    expect(violatedRows(milp, col)).toBe(0);
  });

  it('round-trips a roster through the column vector', () => {
    const grid = rosterToGrid(ip, feasible);
    expect(gridToRoster(ip, decodeSolution(ip, milp, encodeSolution(ip, milp, grid)))).toEqual(feasible);
  });

  it.each([
    ['min-consecutive-shifts', ['L', _, _, 'E', _, _, _], 2],
    ['min-consecutive-days-off', ['E', 'E', _, 'E', 'E', _, _], 0],
    ['max-consecutive-shifts', [_, 'E', 'E', 'E', 'E', 'L', _], 1],
  ] as const)('rejects a roster breaking %s', (_name, row, e) => {
    const roster = feasible.map((r) => [...r]);
    roster[e] = [...row];
    expect(violatedRows(milp, encodeSolution(ip, milp, rosterToGrid(ip, roster)))).toBeGreaterThan(0);
  });
});
