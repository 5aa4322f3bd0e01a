import { dayLabel } from './check.js';
import { indexProblem } from './indexed.js';
import { buildRosterMilp } from './milp-build.js';
import { runMilpInWorker } from './milp-run.js';
import type { Employee, RosterProblem } from './model.js';

interface Rule {
  applies?: (e: Employee) => boolean;
  describe: (e: Employee) => string;
  relax: (p: RosterProblem) => RosterProblem;
}

function withEmployee(p: RosterProblem, change: (e: Employee) => Partial<Employee>): RosterProblem {
  return { ...p, employees: p.employees.map((e) => ({ ...e, ...change(e) })) };
}

const RULES: Rule[] = [
  {
    describe: (e) => `work at least ${e.minTotalMinutes} minutes`,
    relax: (p) => withEmployee(p, () => ({ minTotalMinutes: 0 })),
  },
  {
    describe: (e) => `work at most ${e.maxTotalMinutes} minutes`,
    relax: (p) => withEmployee(p, () => ({ maxTotalMinutes: 1e9 })),
  },
  {
    describe: (e) => `work at most ${e.maxConsecutiveShifts} days in a row`,
    relax: (p) => withEmployee(p, () => ({ maxConsecutiveShifts: p.horizonDays })),
  },
  {
    describe: (e) => `work runs of at least ${e.minConsecutiveShifts} days`,
    relax: (p) => withEmployee(p, () => ({ minConsecutiveShifts: 1 })),
  },
  {
    describe: (e) => `take at least ${e.minConsecutiveDaysOff} days off in a row`,
    relax: (p) => withEmployee(p, () => ({ minConsecutiveDaysOff: 1 })),
  },
  {
    describe: (e) => `work at most ${e.maxWeekends} weekends`,
    relax: (p) => withEmployee(p, () => ({ maxWeekends: p.horizonDays })),
  },
  {
    applies: (e) => e.daysOff.length > 0,
    describe: (e) => `be off on ${e.daysOff.map(dayLabel).join(', ')}`,
    relax: (p) => withEmployee(p, () => ({ daysOff: [] })),
  },
  {
    describe: (e) =>
      `work at most ${Object.entries(e.maxShifts)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ')} shifts`,
    relax: (p) =>
      withEmployee(p, (e) => ({
        maxShifts: Object.fromEntries(Object.keys(e.maxShifts).map((s) => [s, p.horizonDays])),
      })),
  },
  {
    describe: () => 'respect the forbidden shift successions',
    relax: (p) => ({ ...p, shifts: p.shifts.map((s) => ({ ...s, forbiddenNext: [] })) }),
  },
];

/** Options of `explainInfeasibleEmployees`. */
export interface ExplainOptions {
  /** Wall-clock budget in seconds for all the small solves. */
  budgetSeconds: number;
  signal?: AbortSignal | undefined;
}

async function infeasible(p: RosterProblem, signal: AbortSignal | undefined): Promise<boolean> {
  const r = await runMilpInWorker(buildRosterMilp(indexProblem(p)).arrays, {
    timeLimitSeconds: 5,
    signal,
    killGraceSeconds: 2,
  });
  return r.end === 'infeasible';
}

/**
 * Hard constraints are per employee (cover is soft), so the problem is infeasible exactly when some employee's own rules
 * conflict. For each such employee, a deletion filter keeps a minimal set of rule families that still conflict.
 */
export async function explainInfeasibleEmployees(p: RosterProblem, options: ExplainOptions): Promise<string[]> {
  const deadline = Date.now() + options.budgetSeconds * 1000;
  const out: string[] = [];
  for (const emp of p.employees) {
    if (Date.now() > deadline || options.signal?.aborted === true || out.length >= 5) break;
    const alone: RosterProblem = { ...p, employees: [emp], shiftOnRequests: [], shiftOffRequests: [], cover: [] };
    if (!(await infeasible(alone, options.signal))) continue;
    let kept = RULES.filter((r) => r.applies?.(emp) ?? true);
    for (const rule of [...kept]) {
      if (Date.now() > deadline) break;
      const others = kept.filter((r) => r !== rule);
      const relaxed = rule.relax(alone);
      if (await infeasible(relaxed, options.signal)) {
        kept = others;
        alone.shifts = relaxed.shifts;
        alone.employees = relaxed.employees;
      }
    }
    out.push(`employee ${emp.id} cannot satisfy all of: ${kept.map((r) => r.describe(emp)).join('; ')}`);
  }
  return out;
}
