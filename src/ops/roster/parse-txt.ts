import { AppError } from '../../core/errors.js';
import type { CoverRequirement, Employee, RosterProblem, ShiftRequest, ShiftType } from './model.js';
import { validateRosterProblem } from './validate.js';

type Section = 'HORIZON' | 'SHIFTS' | 'STAFF' | 'DAYS_OFF' | 'SHIFT_ON_REQUESTS' | 'SHIFT_OFF_REQUESTS' | 'COVER';
const SECTIONS = new Set<string>([
  'HORIZON',
  'SHIFTS',
  'STAFF',
  'DAYS_OFF',
  'SHIFT_ON_REQUESTS',
  'SHIFT_OFF_REQUESTS',
  'COVER',
]);

function fail(line: number, message: string): never {
  throw new AppError('VITALIS_BAD_REQUEST', `roster text line ${line}: ${message}`);
}

function int(value: string | undefined, line: number, what: string): number {
  const v = (value ?? '').trim();
  if (!/^-?\d+$/.test(v)) fail(line, `${what} must be an integer, got "${v.slice(0, 20)}"`);
  return Number(v);
}

function fields(text: string, line: number, n: number, what: string): string[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length < n) fail(line, `${what} needs ${n} comma-separated fields, got ${parts.length}`);
  return parts;
}

interface Draft {
  horizon: number | undefined;
  shifts: ShiftType[];
  employees: Employee[];
  on: ShiftRequest[];
  off: ShiftRequest[];
  cover: CoverRequirement[];
}

function parseStaff(text: string, line: number): Employee {
  const f = fields(text, line, 8, 'a staff line');
  const maxShifts: Record<string, number> = {};
  for (const pair of (f[1] ?? '').split('|')) {
    if (pair.trim() === '') continue;
    const [sid, val] = pair.split('=');
    if (sid === undefined || val === undefined)
      fail(line, `MaxShifts entry "${pair.slice(0, 20)}" is not ShiftID=count`);
    maxShifts[sid.trim()] = int(val, line, 'MaxShifts count');
  }
  return {
    id: f[0] ?? '',
    maxShifts,
    maxTotalMinutes: int(f[2], line, 'MaxTotalMinutes'),
    minTotalMinutes: int(f[3], line, 'MinTotalMinutes'),
    maxConsecutiveShifts: int(f[4], line, 'MaxConsecutiveShifts'),
    minConsecutiveShifts: int(f[5], line, 'MinConsecutiveShifts'),
    minConsecutiveDaysOff: int(f[6], line, 'MinConsecutiveDaysOff'),
    maxWeekends: int(f[7], line, 'MaxWeekends'),
    daysOff: [],
  };
}

function parseLine(section: Section, text: string, line: number, draft: Draft): void {
  switch (section) {
    case 'HORIZON':
      if (draft.horizon !== undefined) fail(line, 'the horizon is given twice');
      draft.horizon = int(text, line, 'the horizon length');
      return;
    case 'SHIFTS': {
      const f = fields(text, line, 2, 'a shift line');
      const next = (f[2] ?? '')
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      draft.shifts.push({ id: f[0] ?? '', minutes: int(f[1], line, 'the shift length'), forbiddenNext: next });
      return;
    }
    case 'STAFF':
      draft.employees.push(parseStaff(text, line));
      return;
    case 'DAYS_OFF': {
      const f = fields(text, line, 1, 'a days-off line');
      const emp = draft.employees.find((e) => e.id === f[0]);
      if (emp === undefined) fail(line, `unknown employee "${(f[0] ?? '').slice(0, 20)}"`);
      for (const d of f.slice(1)) if (d !== '') emp.daysOff.push(int(d, line, 'a day index'));
      return;
    }
    case 'SHIFT_ON_REQUESTS':
    case 'SHIFT_OFF_REQUESTS': {
      const f = fields(text, line, 4, 'a request line');
      const req = {
        employee: f[0] ?? '',
        day: int(f[1], line, 'the day'),
        shift: f[2] ?? '',
        weight: int(f[3], line, 'the weight'),
      };
      (section === 'SHIFT_ON_REQUESTS' ? draft.on : draft.off).push(req);
      return;
    }
    case 'COVER': {
      const f = fields(text, line, 5, 'a cover line');
      draft.cover.push({
        day: int(f[0], line, 'the day'),
        shift: f[1] ?? '',
        requirement: int(f[2], line, 'the requirement'),
        underWeight: int(f[3], line, 'the under-cover weight'),
        overWeight: int(f[4], line, 'the over-cover weight'),
      });
      return;
    }
  }
}

/** Parses the Curtois & Qu benchmark text format (Instance*.txt); errors name the offending line. */
export function parseRosterText(text: string, name = 'roster'): RosterProblem {
  const draft: Draft = { horizon: undefined, shifts: [], employees: [], on: [], off: [], cover: [] };
  let section: Section | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    if (raw.startsWith('SECTION_')) {
      const s = raw.slice('SECTION_'.length);
      if (!SECTIONS.has(s)) fail(i + 1, `unknown section "${raw.slice(0, 40)}"`);
      section = s as Section;
      continue;
    }
    if (section === undefined) fail(i + 1, 'data before the first SECTION_ header');
    parseLine(section, raw, i + 1, draft);
  }
  if (draft.horizon === undefined) fail(lines.length, 'missing SECTION_HORIZON');
  const problem: RosterProblem = {
    name,
    horizonDays: draft.horizon,
    shifts: draft.shifts,
    employees: draft.employees,
    shiftOnRequests: draft.on,
    shiftOffRequests: draft.off,
    cover: draft.cover,
  };
  validateRosterProblem(problem);
  return problem;
}
