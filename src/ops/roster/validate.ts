import { AppError, type ErrorIssue } from '../../core/errors.js';
import type { RosterProblem } from './model.js';

/** Checks cross-references of a problem (unique ids, known shifts/employees, days inside the horizon); throws AppError. */
export function validateRosterProblem(p: RosterProblem): void {
  const problems: string[] = [];
  const shiftIds = new Set<string>();
  for (const s of p.shifts) {
    if (shiftIds.has(s.id)) problems.push(`shift "${s.id}" is defined twice`);
    shiftIds.add(s.id);
  }
  for (const s of p.shifts) {
    for (const n of s.forbiddenNext)
      if (!shiftIds.has(n)) problems.push(`shift "${s.id}" forbids unknown shift "${n}"`);
  }
  const empIds = new Set<string>();
  for (const e of p.employees) {
    if (empIds.has(e.id)) problems.push(`employee "${e.id}" is defined twice`);
    empIds.add(e.id);
    for (const s of Object.keys(e.maxShifts))
      if (!shiftIds.has(s)) problems.push(`employee "${e.id}" limits unknown shift "${s}"`);
    for (const d of e.daysOff)
      if (d < 0 || d >= p.horizonDays) problems.push(`employee "${e.id}" has day off ${d} outside the horizon`);
  }
  const requests = [
    ...p.shiftOnRequests.map((r) => ['on', r] as const),
    ...p.shiftOffRequests.map((r) => ['off', r] as const),
  ];
  for (const [kind, r] of requests) {
    if (!empIds.has(r.employee)) problems.push(`shift-${kind} request names unknown employee "${r.employee}"`);
    if (!shiftIds.has(r.shift)) problems.push(`shift-${kind} request names unknown shift "${r.shift}"`);
    if (r.day < 0 || r.day >= p.horizonDays)
      problems.push(`shift-${kind} request on day ${r.day} is outside the horizon`);
  }
  const seen = new Set<string>();
  for (const c of p.cover) {
    if (!shiftIds.has(c.shift)) problems.push(`cover names unknown shift "${c.shift}"`);
    if (c.day < 0 || c.day >= p.horizonDays) problems.push(`cover on day ${c.day} is outside the horizon`);
    const key = `${c.day}/${c.shift}`;
    if (seen.has(key)) problems.push(`cover for day ${c.day}, shift ${c.shift} is given twice`);
    seen.add(key);
  }
  if (problems.length > 0) {
    const issues: ErrorIssue[] = problems
      .slice(0, 50)
      .map((d) => ({ severity: 'error', code: 'invalid', diagnostics: d }));
    throw new AppError('VITALIS_BAD_REQUEST', `invalid roster problem: ${problems[0] ?? ''}`, { issues });
  }
}
