import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RosterProblem } from './model.js';
import { parseRosterText } from './parse-txt.js';

/** Folder of the Curtois & Qu instances, read from ../shared relative to the repo root. */
export const CURTOIS_DIR = fileURLToPath(
  new URL('../../../../shared/data/or/curtois-shift-scheduling-1-24/', import.meta.url),
);

/** True when the benchmark data is present; under CI=true its absence is an error. */
export function haveCurtois(): boolean {
  const ok = existsSync(`${CURTOIS_DIR}txt/Instance1.txt`);
  if (!ok && process.env['CI'] === 'true') throw new Error(`Curtois data missing at ${CURTOIS_DIR}`);
  return ok;
}

/** Loads benchmark instance N from the text format. */
export function loadInstance(n: number): RosterProblem {
  return parseRosterText(readFileSync(`${CURTOIS_DIR}txt/Instance${n}.txt`, 'utf8'), `Instance${n}`);
}

/** A tiny hand-made problem: 7 days, shifts E (480) and L (480, E may not follow L), three employees. */
export function tinyProblem(): RosterProblem {
  const emp = (id: string): RosterProblem['employees'][number] => ({
    id,
    maxShifts: { E: 7, L: 7 },
    maxTotalMinutes: 5 * 480,
    minTotalMinutes: 2 * 480,
    maxConsecutiveShifts: 4,
    minConsecutiveShifts: 2,
    minConsecutiveDaysOff: 2,
    maxWeekends: 1,
    daysOff: [],
  });
  return {
    name: 'tiny',
    horizonDays: 7,
    shifts: [
      { id: 'E', minutes: 480, forbiddenNext: [] },
      { id: 'L', minutes: 480, forbiddenNext: ['E'] },
    ],
    employees: [{ ...emp('A'), daysOff: [6] }, emp('B'), { ...emp('C'), maxShifts: { E: 7, L: 1 } }],
    shiftOnRequests: [{ employee: 'A', day: 0, shift: 'E', weight: 2 }],
    shiftOffRequests: [{ employee: 'B', day: 1, shift: 'L', weight: 3 }],
    cover: [
      { day: 0, shift: 'E', requirement: 1, underWeight: 100, overWeight: 1 },
      { day: 1, shift: 'L', requirement: 1, underWeight: 100, overWeight: 1 },
    ],
  };
}
