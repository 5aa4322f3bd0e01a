import { describe, expect, it } from 'vitest';
import { formatRosterCsv, formatRosterTable } from './format.js';
import type { Roster } from './model.js';
import { tinyProblem } from './test-support.js';

const _ = null;
const roster: Roster = [
  ['E', 'E', 'E', _, _, _, _],
  [_, _, 'E', 'E', 'L', 'L', _],
  ['L', _, _, 'E', 'E', _, _],
];

describe('roster output', () => {
  it('writes one CSV row per employee with empty cells for days off', () => {
    expect(formatRosterCsv(tinyProblem(), roster)).toBe(
      'employee,0,1,2,3,4,5,6\nA,E,E,E,,,,\nB,,,E,E,L,L,\nC,L,,,E,E,,\n',
    );
  });

  it('renders a table with weekday letters and per-shift counts', () => {
    const lines = formatRosterTable(tinyProblem(), roster).split('\n');
    expect(lines[1]?.replace(/\s+/g, '')).toBe('MTWTFSS');
    expect(lines[2]?.replace(/\s+/g, ' ').trim()).toBe('A E E E . . . .');
    expect(lines[5]?.replace(/\s+/g, ' ').trim()).toBe('#E 1 1 2 2 1 0 0');
  });
});
