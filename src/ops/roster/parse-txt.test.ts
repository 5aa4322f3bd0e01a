import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { parseRosterProblem } from './json-format.js';
import { parseRosterText } from './parse-txt.js';
import { CURTOIS_DIR, haveCurtois, loadInstance, tinyProblem } from './test-support.js';

const data = haveCurtois();

describe.skipIf(!data)('parseRosterText on the Curtois instances (skipped when ../shared data is missing)', () => {
  it('reads Instance1 completely', () => {
    const p = loadInstance(1);
    expect(p.horizonDays).toBe(14);
    expect(p.shifts).toEqual([{ id: 'D', minutes: 480, forbiddenNext: [] }]);
    expect(p.employees).toHaveLength(8);
    expect(p.employees[0]).toEqual({
      id: 'A',
      maxShifts: { D: 14 },
      maxTotalMinutes: 4320,
      minTotalMinutes: 3360,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
      daysOff: [0],
    });
    expect(p.shiftOnRequests).toHaveLength(21);
    expect(p.shiftOffRequests[2]).toEqual({ employee: 'F', day: 8, shift: 'D', weight: 3 });
    expect(p.cover[1]).toEqual({ day: 1, shift: 'D', requirement: 7, underWeight: 100, overWeight: 1 });
  });

  it('reads forbidden successions and per-type limits (Instance2)', () => {
    const p = loadInstance(2);
    expect(p.shifts.find((s) => s.id === 'L')?.forbiddenNext).toEqual(['E']);
    expect(p.employees.find((e) => e.id === 'D')?.maxShifts).toEqual({ E: 14, L: 0 });
  });

  it('parses all 24 instances with the sizes listed in best_known.csv', () => {
    const rows = readFileSync(`${CURTOIS_DIR}best_known.csv`, 'utf8').trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(24);
    for (const row of rows) {
      const [name, days, staff, shifts] = row.split(',');
      const p = loadInstance(Number((name ?? '').replace('Instance', '')));
      expect([p.horizonDays, p.employees.length, p.shifts.length]).toEqual([
        Number(days),
        Number(staff),
        Number(shifts),
      ]);
    }
  });
});

describe('parse errors name the line', () => {
  const base = 'SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\nA,D=7,2400,0,5,1,1,1\n';
  const messageOf = (text: string): string => {
    try {
      parseRosterText(text);
    } catch (error) {
      if (isAppError(error, 'VITALIS_BAD_REQUEST')) return error.message;
    }
    return 'no error';
  };

  it('accepts the minimal text', () => {
    expect(parseRosterText(base).employees[0]?.maxShifts).toEqual({ D: 7 });
  });

  it('reports a bad integer with its line number', () => {
    expect(messageOf(base.replace('D,480,', 'D,4x0,'))).toMatch(/line 5: the shift length must be an integer/);
  });

  it('reports an unknown employee in days off', () => {
    expect(messageOf(`${base}\nSECTION_DAYS_OFF\nZ,1\n`)).toMatch(/line 11: unknown employee "Z"/);
  });

  it('reports a short cover line and an unknown section', () => {
    expect(messageOf(`${base}\nSECTION_COVER\n0,D,1\n`)).toMatch(/line 11: a cover line needs 5/);
    expect(messageOf(`${base}SECTION_NOPE\n`)).toMatch(/line 9: unknown section/);
  });

  it('rejects cross-reference errors after parsing', () => {
    expect(messageOf(`${base}\nSECTION_COVER\n9,D,1,100,1\n`)).toMatch(/cover on day 9 is outside the horizon/);
  });
});

describe('JSON format', () => {
  it('round-trips a problem through JSON', () => {
    const p = tinyProblem();
    expect(parseRosterProblem(JSON.stringify(p))).toEqual(p);
  });

  it('fills defaults', () => {
    const p = parseRosterProblem(
      JSON.stringify({
        horizonDays: 2,
        shifts: [{ id: 'D', minutes: 480 }],
        employees: [{ id: 'A', maxShifts: { D: 2 }, maxTotalMinutes: 960, maxConsecutiveShifts: 2, maxWeekends: 0 }],
      }),
    );
    expect(p.employees[0]).toMatchObject({ minTotalMinutes: 0, minConsecutiveShifts: 1, daysOff: [] });
    expect(p.cover).toEqual([]);
  });

  it('names the path of a schema error and unknown references', () => {
    const bad = { ...tinyProblem(), horizonDays: -1 };
    expect(() => parseRosterProblem(JSON.stringify(bad))).toThrow(/horizonDays/);
    const unknown = {
      ...tinyProblem(),
      cover: [{ day: 0, shift: 'X', requirement: 1, underWeight: 1, overWeight: 1 }],
    };
    expect(() => parseRosterProblem(JSON.stringify(unknown))).toThrow(/unknown shift "X"/);
  });
});
