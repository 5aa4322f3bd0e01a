import { describe, expect, it } from 'vitest';
import { checkRoster } from './check.js';
import { runHeuristic } from './heuristic.js';
import { gridToRoster, indexProblem } from './indexed.js';
import { haveCurtois, loadInstance, tinyProblem } from './test-support.js';

describe('runHeuristic', () => {
  it('finds a feasible roster whose objective the checker confirms', async () => {
    const p = tinyProblem();
    const ip = indexProblem(p);
    const r = await runHeuristic(ip, { timeLimitSeconds: 0.5 });
    expect(r.hard).toBe(0);
    const check = checkRoster(p, gridToRoster(ip, r.grid));
    expect(check.violations).toEqual([]);
    expect(check.objective).toBe(r.objective);
  });

  it('does no search when the signal is already aborted', async () => {
    const r = await runHeuristic(indexProblem(tinyProblem()), { timeLimitSeconds: 30, signal: AbortSignal.abort() });
    expect(r.iterations).toBe(0);
  });

  it.skipIf(!haveCurtois())('reaches feasibility on Instance8, where the greedy start is infeasible', async () => {
    const p = loadInstance(8);
    const ip = indexProblem(p);
    const r = await runHeuristic(ip, { timeLimitSeconds: 3 });
    expect(r.hard).toBe(0);
    expect(checkRoster(p, gridToRoster(ip, r.grid)).violations).toEqual([]);
  });
});
