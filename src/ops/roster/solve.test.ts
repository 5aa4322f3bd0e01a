import { describe, expect, it } from 'vitest';
import { checkRoster } from './check.js';
import { solveRoster } from './solve.js';
import { haveCurtois, loadInstance, tinyProblem } from './test-support.js';

const data = haveCurtois();

describe.skipIf(!data)('solveRoster on Curtois instances (skipped when ../shared data is missing)', () => {
  it.each([
    [1, 607],
    [2, 828],
  ])(
    'proves the best-known optimum on Instance%i',
    async (n, best) => {
      const p = loadInstance(n);
      const r = await solveRoster(p, { timeLimitSeconds: 120 });
      expect(r.status).toBe('optimal');
      expect(r.objective).toBe(best);
      expect(r.gap).toBe(0);
      expect(r.violations).toBe(0);
      const check = checkRoster(p, r.roster ?? []);
      expect(check.violations).toEqual([]);
      expect(check.objective).toBe(best);
      expect(r.breakdown).toEqual(check.breakdown);
    },
    200_000,
  );

  it('honours a short time limit on a hard instance and still returns a verified roster or timeout', async () => {
    const r = await solveRoster(loadInstance(11), { timeLimitSeconds: 3, method: 'milp' });
    expect(['feasible', 'timeout']).toContain(r.status);
    expect(r.seconds).toBeLessThan(30);
    if (r.roster !== null) expect(checkRoster(loadInstance(11), r.roster).violations).toEqual([]);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const phases: string[] = [];
    const r = await solveRoster(loadInstance(10), {
      timeLimitSeconds: 600,
      method: 'milp',
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'milp')
          setTimeout(() => {
            controller.abort();
          }, 300);
      },
    });
    expect(r.cancelled).toBe(true);
    expect(['feasible', 'timeout']).toContain(r.status);
    expect(phases).toContain('milp');
    expect(r.seconds).toBeLessThan(60);
  });

  it('the heuristic alone returns a verified roster', async () => {
    const p = loadInstance(1);
    const r = await solveRoster(p, { timeLimitSeconds: 3, method: 'heuristic' });
    expect(r.status).toBe('feasible');
    expect(r.source).toBe('heuristic');
    expect(checkRoster(p, r.roster ?? []).violations).toEqual([]);
    expect(r.objective).toBeGreaterThanOrEqual(607);
  });
});

describe('infeasibility is explained', () => {
  it('names an employee whose minimum exceeds the maximum, without solving', async () => {
    const p = tinyProblem();
    p.employees[2] = { ...p.employees[2]!, minTotalMinutes: 3000 };
    const r = await solveRoster(p, { timeLimitSeconds: 10 });
    expect(r.status).toBe('infeasible');
    expect(r.explanation).toEqual(['employee C must work at least 3000 minutes but at most 2400']);
  });

  it('names minutes that days off and run limits make unreachable', async () => {
    const p = tinyProblem();
    p.employees[0] = {
      ...p.employees[0]!,
      minTotalMinutes: 2400,
      maxTotalMinutes: 2400,
      maxConsecutiveShifts: 2,
      daysOff: [2, 6],
    };
    const r = await solveRoster(p, { timeLimitSeconds: 10 });
    expect(r.status).toBe('infeasible');
    expect(r.explanation[0]).toMatch(
      /^employee A must work at least 2400 minutes, but days off, the maximum of 2 consecutive shifts .* allow at most 1920$/,
    );
  });

  it('finds the minimal conflicting rules of an employee when HiGHS proves infeasibility', async () => {
    const p = tinyProblem();
    p.employees[1] = {
      ...p.employees[1]!,
      minTotalMinutes: 2880,
      maxTotalMinutes: 2880,
      maxWeekends: 0,
      maxConsecutiveShifts: 7,
    };
    // A generous limit: the deletion filter runs one HiGHS check per rule, which is slow on a loaded machine.
    const r = await solveRoster(p, { timeLimitSeconds: 90 });
    expect(r.status).toBe('infeasible');
    expect(r.roster).toBeNull();
    expect(r.explanation).toContain(
      'employee B cannot satisfy all of: work at least 2880 minutes; work at most 0 weekends',
    );
  }, 150_000);

  it('warns when cover demand exceeds the staff able to work it', async () => {
    const p = tinyProblem();
    p.cover.push({ day: 6, shift: 'L', requirement: 3, underWeight: 10, overWeight: 1 });
    const r = await solveRoster(p, { timeLimitSeconds: 20 });
    expect(r.status).toBe('optimal');
    expect(r.warnings).toEqual([
      'cover demand on day 6 (Sun), shift L (3) exceeds the 2 staff able to work it; 1 under-cover is unavoidable',
    ]);
    expect(r.breakdown?.underCover).toBeGreaterThanOrEqual(10);
  });
});
